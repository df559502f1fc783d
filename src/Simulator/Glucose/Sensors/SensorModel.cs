using Simulator.Glucose.Physiology;

namespace Simulator.Glucose.Sensors;

/// <summary>
/// One patient's CGM sensor, streaming: call <see cref="Sample"/> once per reading instant (every
/// <see cref="Interval"/>, instants strictly increasing) with the glucose the sensor sees. Pipeline (spec §12.1):
/// optional blood→interstitium lag (§11.1) → compression-low offset (§11.2) → additive Johnson SU noise (§2) →
/// sessions/warm-up (§11.4), sensor errors, dropouts (§11.3) → integer mg/dL with LOW/HIGH at 40/400 (§11.5) →
/// vendor trend arrow. Deterministic for (kind, options, seed, inputs); allocation-free after construction.
/// Each artifact draws from its own random stream and every process advances at every instant, so switching one
/// artifact off, or a reading being hidden by another, never shifts the others' random sequences.
/// </summary>
public sealed class SensorModel
{
    private readonly SensorProfile profile;
    private readonly Func<DateTimeOffset, bool> isAsleep;
    private readonly bool needsSleep;
    private readonly InterstitialLag? lag;
    private readonly SensorNoise? noise;
    private readonly CompressionLowProcess? compression;
    private readonly DropoutProcess? dropouts;
    private readonly SensorErrorProcess? errors;
    private readonly SensorSessions sessions;
    private readonly TrendEstimator trend;
    private DateTimeOffset last;

    /// <param name="kind">Device kind; its <see cref="SensorProfile"/> supplies cadence, warm-up, limits, arrows.</param>
    /// <param name="options">Artifacts to simulate.</param>
    /// <param name="seed">Per-patient seed (mixed with <see cref="SensorOptions.Seed"/>).</param>
    /// <param name="start">Start of the run; the first <see cref="Sample"/> must be at or after it.</param>
    /// <param name="isAsleep">
    /// Whether the patient sleeps at an instant (compression lows happen only then; dropouts are rarer then). Null:
    /// <see cref="SleepWindow.Default"/> (23:00–07:00) on the instant's own wall clock (its offset).
    /// </param>
    public SensorModel(SensorKind kind, SensorOptions options, int seed, DateTimeOffset start, Func<DateTimeOffset, bool>? isAsleep = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        profile = SensorProfile.For(kind);
        this.isAsleep = isAsleep ?? DefaultSleep;
        last = start - TimeSpan.FromTicks(1);
        if (options.ExtraLagMinutes < 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.ExtraLagMinutes, "ExtraLagMinutes must be ≥ 0.");
        if (options.ExtraLagMinutes > 0) lag = new InterstitialLag(options.ExtraLagMinutes, profile.Interval);
        if (options.Noise)
            noise = new SensorNoise(profile.Noise, (int)profile.Interval.TotalMinutes, new SeededRandom(SeededRandom.Derive(options.Seed, seed, 1)));
        if (options.CompressionLows.Enabled)
            compression = new CompressionLowProcess(options.CompressionLows, profile.Interval, new SeededRandom(SeededRandom.Derive(options.Seed, seed, 2)));
        if (options.Dropouts.Enabled)
            dropouts = new DropoutProcess(options.Dropouts, profile.Interval, new SeededRandom(SeededRandom.Derive(options.Seed, seed, 3)));
        if (options.SensorErrors.Enabled)
            errors = new SensorErrorProcess(options.SensorErrors, profile.Interval, new SeededRandom(SeededRandom.Derive(options.Seed, seed, 4)));
        needsSleep = compression is not null || dropouts is not null;
        sessions = new SensorSessions(options.WarmUp, profile);
        trend = new TrendEstimator(profile);
    }

    public SensorProfile Profile => profile;

    public TimeSpan Interval => profile.Interval;

    /// <summary>The reading at <paramref name="at"/> for sensor input <paramref name="inputMgdl"/>.</summary>
    /// <param name="truthMgdl">Ground truth to carry along (e.g. plasma glucose); defaults to the input.</param>
    public SensorSample Sample(DateTimeOffset at, double inputMgdl, double? truthMgdl = null)
    {
        if (at <= last)
            throw new ArgumentOutOfRangeException(nameof(at), at, "Reading instants must be strictly increasing and not before the start.");
        var sinceLast = at - last;
        last = at;
        var asleep = needsSleep && isAsleep(at);

        var glucose = lag?.Step(inputMgdl, sinceLast) ?? inputMgdl;
        compression?.Step(asleep);
        glucose -= compression?.Offset ?? 0;
        glucose += noise?.Next() ?? 0;
        var sensorError = errors?.Step() ?? false;
        var dropped = dropouts?.Step(asleep) ?? false;
        var session = sessions.StateAt(at);
        if (sessions.Started) trend.Reset();

        var truth = truthMgdl ?? inputMgdl;
        var missing = session ?? (sensorError ? SensorState.SensorError : dropped ? SensorState.Dropout : null);
        if (missing is { } state)
        {
            trend.Reset();
            return new SensorSample(at, truth, null, state, Trend.None);
        }

        var arrow = trend.Add(glucose);
        var rounded = Math.Round(glucose, MidpointRounding.AwayFromZero);
        if (rounded < profile.MinReportable) return new SensorSample(at, truth, profile.MinReportable, SensorState.Low, arrow);
        if (rounded > profile.MaxReportable) return new SensorSample(at, truth, profile.MaxReportable, SensorState.High, arrow);
        var flag = compression?.Active == true ? SensorState.CompressionLow : SensorState.Ok;
        return new SensorSample(at, truth, (int)rounded, flag, arrow);
    }

    private static bool DefaultSleep(DateTimeOffset at) => SleepWindow.Default.Contains(TimeOnly.FromTimeSpan(at.TimeOfDay));
}
