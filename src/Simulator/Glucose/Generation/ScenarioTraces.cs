using Scenarios.Model;
using Simulator.Glucose.Cohorts;
using Simulator.Glucose.Physiology;
using Simulator.Glucose.Replay;
using Simulator.Glucose.Sensors;

namespace Simulator.Glucose.Generation;

/// <summary>
/// Every reading of a run, for every patient, before the run starts: scripted curves, UVA/Padova patients simulated
/// together (one vectorised cohort), and recorded traces moved to the start. A patient with a <c>sensor:</c> block
/// gets that CGM's noise, artifacts, gaps and trend arrows between truth and reading.
/// </summary>
public static class ScenarioTraces
{
    /// <param name="scenario">A scenario whose cohort, if any, has been expanded into patients.</param>
    /// <param name="lives">Daily lives of generated patients by id (from the cohort); others get a seeded life of their own.</param>
    /// <exception cref="TraceImportException">A recorded trace cannot be read.</exception>
    public static IReadOnlyList<Reading> Generate(Scenario scenario, IReadOnlyDictionary<string, GeneratedLife>? lives = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var readings = new List<Reading>();
        var physiological = new List<(int Index, PatientSpec Patient, GeneratedLife Life)>();
        for (var i = 0; i < scenario.Patients.Count; i++)
        {
            var patient = scenario.Patients[i];
            switch (patient.Trace)
            {
                case ScriptedTraceSpec scripted:
                    readings.AddRange(Scripted(scenario, i, patient, scripted));
                    break;
                case ReplayTraceSpec replay:
                    readings.AddRange(Replayed(scenario, i, patient, replay));
                    break;
                case UvaPadovaTraceSpec uva:
                    var life = lives?.GetValueOrDefault(patient.Id) ?? GeneratedLife.For(uva, PatientSeed(scenario, i), scenario.Start, scenario.Duration);
                    physiological.Add((i, patient, life));
                    break;
                default:
                    throw new NotSupportedException($"Trace source '{patient.Trace.Source}' is not available in this version.");
            }
        }
        if (physiological.Count > 0)
            readings.AddRange(Physiological(scenario, physiological));
        return readings;
    }

    /// <summary>
    /// One seed per patient, from the scenario seed and the patient's position (SplitMix64, never HashCode, whose
    /// seed changes with every process), so adding a patient keeps the others and a run repeats exactly.
    /// </summary>
    public static int PatientSeed(Scenario scenario, int index) => SeedStreams.Derive(scenario.Seed, SeedStreams.PatientSeed, (ulong)index);

    private static IEnumerable<Reading> Scripted(Scenario scenario, int index, PatientSpec patient, ScriptedTraceSpec spec)
    {
        if (patient.Sensor is null)
            return ScriptedTrace.Generate(patient.Id, spec, scenario.Start, scenario.End);
        var input = new List<(DateTimeOffset, double)>();
        for (var t = scenario.Start; t < scenario.End; t += TimeSpan.FromMinutes(1))
            input.Add((t, ScriptedTrace.ValueAt(spec.Points, t - scenario.Start)));
        return ThroughSensor(scenario, index, patient, patient.Sensor, input, null);
    }

    private static IEnumerable<Reading> Replayed(Scenario scenario, int index, PatientSpec patient, ReplayTraceSpec spec)
    {
        var zone = spec.TimeZone is null ? null : TimeZoneInfo.FindSystemTimeZoneById(spec.TimeZone);
        var recorded = TraceImporter.Load(spec.File, spec.Format, zone).ShiftTo(scenario.Start).Window(scenario.Start, scenario.End);
        if (patient.Sensor is null)
            return recorded.ToReadings(patient.Id);
        return ThroughSensor(scenario, index, patient, patient.Sensor, [.. recorded.Readings.Select(r => (r.At, (double)r.Mgdl))], null);
    }

    private static IEnumerable<Reading> ThroughSensor(Scenario scenario, int index, PatientSpec patient, SensorSpec sensor,
        IReadOnlyList<(DateTimeOffset At, double Mgdl)> input, GeneratedLife? life)
    {
        var (kind, options) = SensorSetup.From(sensor, scenario.Start, inputIsInterstitial: false);
        return SensorTrace.Apply(kind, options, PatientSeed(scenario, index), input, life is null ? null : life.SleepCheck())
            .Where(s => s.Mgdl.HasValue)
            .Select(s => new Reading(patient.Id, s.At, s.Mgdl!.Value, s.Trend));
    }

    /// <summary>
    /// All UVA/Padova patients in one <see cref="CohortSimulator"/> (1-minute steps), each sampled by its own sensor.
    /// Without a sensor block the reading is the interstitial glucose rounded every 5 minutes, with Dexcom arrows.
    /// </summary>
    private static List<Reading> Physiological(Scenario scenario, List<(int Index, PatientSpec Patient, GeneratedLife Life)> patients)
    {
        var plans = patients.Select(p => p.Life.PlanFor(VirtualPatients.Get(((UvaPadovaTraceSpec)p.Patient.Trace).Patient))).ToList();
        var samplers = patients.Select(p => PhysiologicalSampler.Create(scenario, p.Index, p.Patient, p.Life)).ToArray();
        var simulator = new CohortSimulator(plans, scenario.Start);
        var minutes = (int)Math.Ceiling(scenario.Duration.TotalMinutes);
        // Every instant any sampler reads falls on this grid (a sampler skips the instants that are not its own).
        var every = samplers.Aggregate(0, (g, s) => Gcd(g, s.IntervalMinutes));
        var collector = new PerPatientReadings(samplers);
        simulator.Run(minutes, every, collector);

        // Patients run in parallel, each one through all its instants; merge back to the step-by-step order
        // (instant by instant, patients in order within one), so the result is the same whatever the scheduling.
        var readings = new List<Reading>(collector.Readings.Sum(r => r.Count));
        var next = new int[samplers.Length];
        for (var minute = 0; minute < minutes; minute += every)
        {
            var now = scenario.Start.AddMinutes(minute);
            for (var p = 0; p < samplers.Length; p++)
            {
                var own = collector.Readings[p];
                if (next[p] < own.Count && own[next[p]].SensorTime == now)
                    readings.Add(own[next[p]++]);
            }
        }
        return readings;
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    /// <summary>Each patient's readings in time order, from its own sampler (blocks of patients run concurrently).</summary>
    private sealed class PerPatientReadings(PhysiologicalSampler[] samplers) : ICohortSampler
    {
        public List<Reading>[] Readings { get; } = [.. samplers.Select(_ => new List<Reading>())];

        public void Sample(in CohortSamples samples)
        {
            for (var i = 0; i < samples.Patients; i++)
            {
                var sampler = samplers[samples.FirstPatient + i];
                var own = Readings[samples.FirstPatient + i];
                for (var t = 0; t < samples.Instants; t++)
                {
                    if (sampler.Sample(samples.At(t), samples.InterstitialMgdl(i, t), samples.PlasmaMgdl(i, t)) is { } reading)
                        own.Add(reading);
                }
            }
        }
    }
}
