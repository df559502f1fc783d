using Scenarios.Model;
using Simulator.Glucose.Sensors;

namespace Simulator.Glucose.Generation;

/// <summary>
/// Reads one simulated patient at the sensor's cadence: through the scenario's CGM model when it has one, otherwise
/// the interstitial glucose rounded every 5 minutes with Dexcom arrows from the last 10 minutes.
/// </summary>
internal sealed class PhysiologicalSampler
{
    private static readonly TimeSpan IdealInterval = TimeSpan.FromMinutes(5);
    private readonly string patient;
    private readonly DateTimeOffset start;
    private readonly SensorModel? sensor;
    private readonly TimeSpan interval;
    private double? previous;
    private double? beforePrevious;

    private PhysiologicalSampler(string patient, DateTimeOffset start, SensorModel? sensor)
    {
        this.patient = patient;
        this.start = start;
        this.sensor = sensor;
        interval = sensor?.Interval ?? IdealInterval;
    }

    /// <summary>
    /// Whole minutes between this sampler's instants, or 1 when the interval is not whole minutes (the caller then
    /// offers every minute and <see cref="Sample"/> skips the others).
    /// </summary>
    public int IntervalMinutes => interval.Ticks % TimeSpan.TicksPerMinute == 0 && interval > TimeSpan.Zero ? (int)(interval.Ticks / TimeSpan.TicksPerMinute) : 1;

    public static PhysiologicalSampler Create(Scenario scenario, int index, PatientSpec patient, GeneratedLife life)
    {
        if (patient.Sensor is null)
            return new PhysiologicalSampler(patient.Id, scenario.Start, null);
        var spec = patient.Sensor.SessionStarts.Count > 0 ? patient.Sensor : patient.Sensor with { SessionStarts = life.SensorSessionStarts };
        var (kind, options) = SensorSetup.From(spec, scenario.Start, inputIsInterstitial: true);
        return new PhysiologicalSampler(patient.Id, scenario.Start,
            new SensorModel(kind, options, ScenarioTraces.PatientSeed(scenario, index), scenario.Start, life.SleepCheck()));
    }

    /// <summary>A reading when <paramref name="now"/> is one of the sensor's instants and it has a value; else null.</summary>
    public Reading? Sample(DateTimeOffset now, double interstitialMgdl, double plasmaMgdl)
    {
        if ((now - start).Ticks % interval.Ticks != 0)
            return null;
        if (sensor is not null)
        {
            var sample = sensor.Sample(now, interstitialMgdl, plasmaMgdl);
            return sample.Mgdl is { } mgdl ? new Reading(patient, now, mgdl, sample.Trend) { TruthMgdl = plasmaMgdl } : null;
        }
        var trend = beforePrevious is { } old ? TrendArrows.FromRate((interstitialMgdl - old) / (2 * interval.TotalMinutes)) : Trend.NotComputable;
        (beforePrevious, previous) = (previous, interstitialMgdl);
        var value = (int)Math.Clamp(Math.Round(interstitialMgdl, MidpointRounding.AwayFromZero), Reading.MinReportable, Reading.MaxReportable);
        return new Reading(patient, now, value, trend) { TruthMgdl = plasmaMgdl };
    }
}
