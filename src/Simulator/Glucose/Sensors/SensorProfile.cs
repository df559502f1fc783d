namespace Simulator.Glucose.Sensors;

/// <summary>
/// Published facts about one device kind. Rows cited are from spec glucose-model.md (§2 noise, §11.4 warm-up and
/// session, §11.5 range) and vendor-apis.md (§1.5 Share trend numbers, §3.5 LibreLinkUp TrendArrow).
/// </summary>
public sealed record SensorProfile
{
    public required SensorKind Kind { get; init; }

    /// <summary>Time between readings (§2 realism notes: Dexcom every 5 min; §11.3: Libre 2 every minute).</summary>
    public required TimeSpan Interval { get; init; }

    /// <summary>No readings from a sensor start until this has passed (§11.4 table).</summary>
    public required TimeSpan WarmUp { get; init; }

    /// <summary>Nominal session length from sensor start (§11.4 table).</summary>
    public required TimeSpan Session { get; init; }

    /// <summary>Extra time readings continue after <see cref="Session"/> (G7's 12 h grace, §11.4); zero otherwise.</summary>
    public TimeSpan Grace { get; init; }

    /// <summary>Lowest reportable value; below it the device shows LOW (§11.5, Reading.MinReportable).</summary>
    public int MinReportable { get; init; } = Reading.MinReportable;

    /// <summary>Highest reportable value; above it the device shows HIGH (§11.5, Reading.MaxReportable).</summary>
    public int MaxReportable { get; init; } = Reading.MaxReportable;

    /// <summary>Sensor noise (§2); the same process for every kind, resampled at <see cref="Interval"/>.</summary>
    public JohnsonSuNoiseParameters Noise { get; init; } = JohnsonSuNoiseParameters.Simglucose;

    /// <summary>
    /// Lag-one-reading autocorrelation of the noise that §2's process implies once spline-resampled at
    /// <see cref="Interval"/> (computed by us: Monte Carlo, 2 million readings of this model): 0.955 at 5 min, 0.998
    /// at 1 min. At the 15-min knots the process is exactly §2's (mean ≈ 0.72, SD ≈ 11.7, lag-15-min 0.69); over all
    /// readings the spline lowers the SD slightly (≈ 11.6) and raises the 15-min autocorrelation (≈ 0.72), because
    /// values between knots are smoothed averages of them.
    /// </summary>
    public required double NoiseLag1Autocorrelation { get; init; }

    public required TrendAlgorithm TrendAlgorithm { get; init; }

    /// <summary>
    /// Span the arrow's rate is fitted over. Dexcom: "direction and speed of glucose change over the last 15-20
    /// minutes" (Dexcom receiver user's manual §8.2). Abbott does not publish its window; we use the same 15 min.
    /// </summary>
    public TimeSpan TrendWindow { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The session ends (no more readings) this long after a sensor start.</summary>
    public TimeSpan SessionWithGrace => Session + Grace;

    /// <summary>Dexcom G6: 5-min readings; 2 h warm-up; 10-day session, no restart (§11.4 row "Dexcom G6").</summary>
    public static SensorProfile DexcomG6 { get; } = new()
    {
        Kind = SensorKind.DexcomG6,
        Interval = TimeSpan.FromMinutes(5),
        WarmUp = TimeSpan.FromHours(2),
        Session = TimeSpan.FromDays(10),
        NoiseLag1Autocorrelation = 0.955,
        TrendAlgorithm = TrendAlgorithm.Dexcom,
    };

    /// <summary>Dexcom G7: 5-min readings; up to 30 min warm-up; 10 days + 12 h grace (§11.4 row "Dexcom G7", §11.3).</summary>
    public static SensorProfile DexcomG7 { get; } = DexcomG6 with
    {
        Kind = SensorKind.DexcomG7,
        WarmUp = TimeSpan.FromMinutes(30),
        Grace = TimeSpan.FromHours(12),
    };

    /// <summary>
    /// FreeStyle Libre 2: 1-min readings (§11.3); 60 min warm-up; 14-day session (§11.4 row "FreeStyle Libre 2",
    /// Abbott support page; the 15-day figure is Libre 2 Plus).
    /// </summary>
    public static SensorProfile Libre2 { get; } = new()
    {
        Kind = SensorKind.Libre2,
        Interval = TimeSpan.FromMinutes(1),
        WarmUp = TimeSpan.FromMinutes(60),
        Session = TimeSpan.FromDays(14),
        NoiseLag1Autocorrelation = 0.998,
        TrendAlgorithm = TrendAlgorithm.Libre,
    };

    public static SensorProfile For(SensorKind kind) => kind switch
    {
        SensorKind.DexcomG6 => DexcomG6,
        SensorKind.DexcomG7 => DexcomG7,
        SensorKind.Libre2 => Libre2,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown sensor kind."),
    };
}
