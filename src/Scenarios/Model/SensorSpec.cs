namespace Scenarios.Model;

/// <summary>
/// The CGM worn by a patient: <c>g6</c>, <c>g7</c> or <c>libre2</c>, and which artifacts it shows. Every artifact
/// can be switched off so that a scenario reads exactly what its trace says.
/// </summary>
public sealed record SensorSpec
{
    public static readonly IReadOnlyList<string> Kinds = ["g6", "g7", "libre2"];

    public required string Kind { get; init; }
    public bool Noise { get; init; } = true;
    public bool CompressionLows { get; init; } = true;
    public bool Dropouts { get; init; } = true;
    public bool SensorErrors { get; init; }
    /// <summary>Extra blood-to-interstitial lag for traces that are plasma glucose (scripted); null: the kind's default.</summary>
    public TimeSpan? Lag { get; init; }
    /// <summary>Offsets from the start at which a new sensor session begins (and warms up, giving no readings).</summary>
    public IReadOnlyList<TimeSpan> SessionStarts { get; init; } = [];
}
