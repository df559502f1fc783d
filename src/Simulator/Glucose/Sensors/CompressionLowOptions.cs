namespace Simulator.Glucose.Sensors;

/// <summary>
/// Compression lows (pressure-induced sensor attenuation), spec §11.2: night-time Poisson events, each a
/// rectangular pulse of depth A through a first-order filter (fast drop, slower recovery), only while asleep.
/// Duration and depth are log-normal, fitted to Facchinetti2016's median and 5th–95th percentiles.
/// </summary>
public sealed record CompressionLowOptions
{
    public static CompressionLowOptions Default { get; } = new();

    public static CompressionLowOptions Off { get; } = new() { Enabled = false };

    public bool Enabled { get; init; } = true;

    /// <summary>Share of asleep readings inside an event: ~3 % of overnight readings were PISA (Baysal2014, §11.2).</summary>
    public double OvernightShare { get; init; } = 0.03;

    /// <summary>Event duration median 45 min, 5th–95th percentile 30–70 (Facchinetti2016, §11.2).</summary>
    public double MedianDurationMinutes { get; init; } = 45;

    /// <summary>
    /// Log-normal σ of the duration: ln(70/45)/1.645 = 0.27 and ln(45/30)/1.645 = 0.25 (computed); we use 0.26.
    /// </summary>
    public double DurationLogSigma { get; init; } = 0.26;

    /// <summary>Depth median 24 mg/dL, 5th–95th percentile 10–48 (Facchinetti2016, §11.2).</summary>
    public double MedianDepthMgdl { get; init; } = 24;

    /// <summary>Log-normal σ of the depth: ln(48/24)/1.645 = 0.42 and ln(24/10)/1.645 = 0.53 (computed); we use 0.47.</summary>
    public double DepthLogSigma { get; init; } = 0.47;

    /// <summary>Filter time constant while the pressure builds (the "fast drop"; our choice, the spec gives none).</summary>
    public double DropTimeConstantMinutes { get; init; } = 2;

    /// <summary>
    /// Filter time constant of the recovery (the "slower recovery"; our choice). The pulse ends 3τ before the event
    /// does, so the artifact has recovered to within 5 % of its depth by the end of the labelled event.
    /// </summary>
    public double RecoveryTimeConstantMinutes { get; init; } = 6;
}
