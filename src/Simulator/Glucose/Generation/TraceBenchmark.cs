using Simulator.Glucose.Cohorts;
using Simulator.Glucose.Physiology;
using Simulator.Glucose.Sensors;

namespace Simulator.Glucose.Generation;

/// <summary>What <c>simulator bench traces</c> measured.</summary>
public sealed record TraceBenchmarkResult(int Patients, int Days, string Sensor, int Threads, long Readings, double PlanSeconds, double SimulateSeconds)
{
    public double PatientDays => (double)Patients * Days;
    /// <summary>Virtual patient-days per wall second of the physiological model plus the sensor model (plans excluded).</summary>
    public double PatientDaysPerSecond => PatientDays / SimulateSeconds;
}

/// <summary>
/// Throughput of the trace pipeline: a cohort with seeded daily lives, the UVA/Padova model at 1-minute steps for
/// all patients at once, and every patient's sensor model at its cadence. Plans (meals, exercise) are generated
/// first and timed apart, because a run generates them once and they are not the integrator. The cohort runs through
/// <see cref="CohortSimulator.Run"/>, so each block of patients is integrated and sensed on one worker, state in
/// cache, with no cohort-wide step between readings (the same readings as sampling then advancing every 5 minutes).
/// </summary>
public static class TraceBenchmark
{
    public static TraceBenchmarkResult Run(int patients, int days, SensorKind sensor, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(patients, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var duration = TimeSpan.FromDays(days);

        var planStarted = TimeProvider.System.GetTimestamp();
        var third = patients / 3;
        var cohort = CohortGenerator.Generate(CohortRequest.Mixed(third, third, patients - 2 * third, seed) with { SensorKind = sensor.ToScenarioName() }, start, duration);
        var plans = cohort.Members.Select(m => GeneratedLife.FromMember(m).PlanFor(VirtualPatients.Get(m.VirtualPatient))).ToList();
        var sensors = cohort.Members.Select((m, i) => new SensorModel(sensor, SensorOptions.Default, SeedStreams.Derive(seed, SeedStreams.PatientSeed, (ulong)i), start,
            GeneratedLife.FromMember(m).SleepCheck())).ToArray();
        var planSeconds = TimeProvider.System.GetElapsedTime(planStarted).TotalSeconds;

        var simulateStarted = TimeProvider.System.GetTimestamp();
        var simulator = new CohortSimulator(plans, start);
        var every = (int)sensors[0].Interval.TotalMinutes;
        var counter = new ReadingCounter(sensors);
        simulator.Run(days * 24 * 60, every, counter);
        var simulateSeconds = TimeProvider.System.GetElapsedTime(simulateStarted).TotalSeconds;
        return new TraceBenchmarkResult(patients, days, sensor.ToScenarioName(), Math.Max(1, Environment.ProcessorCount), counter.Total, planSeconds, simulateSeconds);
    }

    /// <summary>Runs each patient's sensor at every instant and counts the readings it gives, per patient (blocks run in parallel).</summary>
    private sealed class ReadingCounter(SensorModel[] sensors) : ICohortSampler
    {
        private readonly long[] readings = new long[sensors.Length];

        public long Total => readings.Sum();

        public void Sample(in CohortSamples samples)
        {
            for (var i = 0; i < samples.Patients; i++)
            {
                var sensor = sensors[samples.FirstPatient + i];
                var count = 0L;
                for (var t = 0; t < samples.Instants; t++)
                    if (sensor.Sample(samples.At(t), samples.InterstitialMgdl(i, t), samples.PlasmaMgdl(i, t)).HasReading)
                        count++;
                readings[samples.FirstPatient + i] += count;
            }
        }
    }
}
