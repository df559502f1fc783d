using Simulator.Glucose.Cohorts;
using Simulator.Glucose.Generation;
using Simulator.Glucose.Physiology;
using Simulator.Glucose.Sensors;

namespace Simulator.Tests.Glucose.Generation;

/// <summary>
/// <see cref="CohortSimulator.Run"/> (each parallel block runs every minute itself and feeds its own sensors) must give
/// exactly what the step-by-step loop gives: sample every patient at <see cref="CohortSimulator.Now"/>, then
/// <c>Advance(every)</c>. Compared bitwise: glucose values as doubles, and every sensor sample.
/// </summary>
public class FusedRunTests
{
    private static readonly DateTimeOffset Start = new(2024, 3, 4, 0, 0, 0, TimeSpan.FromHours(1));

    [Theory]
    [InlineData(1, 37, 5)]      // not a multiple of 8: the last pack is partly padding; a pair-less pack at the end
    [InlineData(2, 131, 5)]     // more than two 64-patient blocks, so several run in parallel
    [InlineData(3, 9, 1)]       // a sample every minute
    [InlineData(4, 70, 15)]     // a cadence that does not divide the run's second half
    public void Fused_run_gives_the_same_readings_as_sampling_then_advancing(int seed, int patients, int every)
    {
        var duration = TimeSpan.FromDays(2);
        var cohort = CohortGenerator.Generate(CohortRequest.Mixed(patients / 3, patients / 3, patients - 2 * (patients / 3), seed), Start, duration);
        var plans = cohort.Members.Select(m => GeneratedLife.FromMember(m).PlanFor(VirtualPatients.Get(m.VirtualPatient))).ToList();
        SensorModel[] Sensors() => [.. cohort.Members.Select((m, i) => new SensorModel(SensorKind.DexcomG6,
            SensorOptions.Default with { WarmUp = WarmUpOptions.Default with { SensorStarts = [.. m.SensorSessionStarts.Select(s => Start + s)] } },
            seed * 1000 + i, Start, GeneratedLife.FromMember(m).SleepCheck()))];
        // Two calls (the second starting mid-cadence after an odd first length) check that Run continues a cohort.
        int[] spans = [24 * 60 + 7, 24 * 60 - 7 + 3];

        var stepped = new CohortSimulator(plans, Start);
        var steppedSensors = Sensors();
        var expected = new List<(int Patient, DateTimeOffset At, double Interstitial, double Plasma, SensorSample Sample)>();
        foreach (var span in spans)
        {
            for (var offset = 0; offset < span; offset += every)
            {
                for (var p = 0; p < plans.Count; p++)
                {
                    var (g, truth) = (stepped.InterstitialMgdl[p], stepped.PlasmaMgdl[p]);
                    expected.Add((p, stepped.Now, g, truth, steppedSensors[p].Sample(stepped.Now, g, truth)));
                }
                stepped.Advance(Math.Min(every, span - offset));
            }
        }

        var fused = new CohortSimulator(plans, Start);
        var recorder = new Recorder(Sensors());
        foreach (var span in spans) fused.Run(span, every, recorder);

        var actual = recorder.Samples.OrderBy(s => s.Patient).ThenBy(s => s.At).ToList();
        var ordered = expected.OrderBy(s => s.Patient).ThenBy(s => s.At).ToList();
        Assert.Equal(ordered.Count, actual.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            Assert.Equal(ordered[i].Patient, actual[i].Patient);
            Assert.Equal(ordered[i].At, actual[i].At);
            Assert.Equal(BitConverter.DoubleToInt64Bits(ordered[i].Interstitial), BitConverter.DoubleToInt64Bits(actual[i].Interstitial));
            Assert.Equal(BitConverter.DoubleToInt64Bits(ordered[i].Plasma), BitConverter.DoubleToInt64Bits(actual[i].Plasma));
            Assert.Equal(ordered[i].Sample, actual[i].Sample);
        }
        Assert.Contains(actual, s => s.Sample.Mgdl is null);   // the sensors really had gaps to get right
        Assert.Equal(stepped.Now, fused.Now);
        for (var p = 0; p < plans.Count; p++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(stepped.InterstitialMgdl[p]), BitConverter.DoubleToInt64Bits(fused.InterstitialMgdl[p]));
            Assert.Equal(stepped.TotalsOf(p), fused.TotalsOf(p));
        }
    }

    private sealed class Recorder(SensorModel[] sensors) : ICohortSampler
    {
        private readonly Lock gate = new();

        public List<(int Patient, DateTimeOffset At, double Interstitial, double Plasma, SensorSample Sample)> Samples { get; } = [];

        public void Sample(in CohortSamples samples)
        {
            var mine = new List<(int, DateTimeOffset, double, double, SensorSample)>();
            for (var i = 0; i < samples.Patients; i++)
            {
                var p = samples.FirstPatient + i;
                for (var t = 0; t < samples.Instants; t++)
                {
                    var (at, g, truth) = (samples.At(t), samples.InterstitialMgdl(i, t), samples.PlasmaMgdl(i, t));
                    mine.Add((p, at, g, truth, sensors[p].Sample(at, g, truth)));
                }
            }
            lock (gate) Samples.AddRange(mine);
        }
    }
}
