namespace Simulator.Glucose.Sensors;

/// <summary>
/// Rare stretches with no value because the sensor itself cannot produce one (G6 "???": "wait up to 3 h", spec
/// §11.3; xDrip users report G6 sensor-error periods, §11.5). The rate and durations are our choice: about one
/// episode per 10-day session (0.1 a day), log-normal duration with median 45 min clamped to 15 min–3 h.
/// </summary>
public sealed record SensorErrorOptions
{
    public static SensorErrorOptions Default { get; } = new();

    public static SensorErrorOptions Off { get; } = new() { Enabled = false };

    public bool Enabled { get; init; } = true;

    public double EpisodesPerDay { get; init; } = 0.1;

    public double MedianMinutes { get; init; } = 45;

    public double DurationLogSigma { get; init; } = 0.7;

    public double MinMinutes { get; init; } = 15;

    /// <summary>Dexcom: a "???" that lasts longer than 3 h needs support (§11.3), so 3 h is the longest we model.</summary>
    public double MaxMinutes { get; init; } = 180;
}
