namespace Simulator.Glucose.Sensors;

/// <summary>The CGM devices the simulator models (spec glucose-model.md §11.4 lists their published limits).</summary>
public enum SensorKind
{
    DexcomG6,
    DexcomG7,
    Libre2,
}

/// <summary>Scenario-file spelling of <see cref="SensorKind"/>: <c>g6</c>, <c>g7</c>, <c>libre2</c>.</summary>
public static class SensorKinds
{
    /// <summary>Every accepted scenario name, in enum order, for did-you-mean suggestions.</summary>
    public static IReadOnlyList<string> Names { get; } = ["g6", "g7", "libre2"];

    /// <summary>The kind for a scenario name (case-insensitive, surrounding blanks ignored), or null if unknown.</summary>
    public static SensorKind? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "g6" => SensorKind.DexcomG6,
        "g7" => SensorKind.DexcomG7,
        "libre2" => SensorKind.Libre2,
        _ => null,
    };

    /// <summary>The scenario name of a kind; <see cref="Parse"/> of the result gives the kind back.</summary>
    public static string ToScenarioName(this SensorKind kind) => kind switch
    {
        SensorKind.DexcomG6 => "g6",
        SensorKind.DexcomG7 => "g7",
        SensorKind.Libre2 => "libre2",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown sensor kind."),
    };
}
