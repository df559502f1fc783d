using Simulator.Glucose.Cohorts;
using Simulator.Glucose.Generation;
using Simulator.Glucose.Metrics;
using Simulator.Glucose.Physiology;
using Simulator.Glucose.Sensors;

namespace Simulator.Tests.Glucose.Generation;

/// <summary>
/// The ten virtual adults living 14 default days (seeded meals, missed boluses, exercise, a Dexcom G6 with every
/// artifact) must look like adults with type 1 diabetes on open-loop therapy, by the published figures in
/// shared/spec/glucose-model.md §8:
/// <list type="bullet">
/// <item>mean glucose 138–221 mg/dL: HbA1c 6.6 % (T1DEXI, Riddell 2023) to 8.6 % (DIAMOND, Beck 2017), through GMI;</item>
/// <item>time in range 42–73 %: McAuley 2020 (Diabetes Care 43:3024) 55 ± 13 % and Brown 2019 (NEJM 381:1707) SAP 59 ± 14 %, mean ± 1 SD;</item>
/// <item>CV 25–45 %: consensus target ≤ 36 % (Battelino 2019) and real-world T1D 36–38 % (PMC10877396), with room either side;</item>
/// <item>time below 54 mg/dL under 3 %: consensus target &lt; 1 %, real-world TBR&lt;70 medians 1–6 %.</item>
/// </list>
/// </summary>
public class CohortRealismTests
{
    private static readonly DateTimeOffset Start = new(2024, 3, 4, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Fourteen_days_of_the_ten_adults_land_inside_published_adult_type_1_ranges()
    {
        var metrics = Simulate(seed: 2019);
        Console.WriteLine(metrics);

        Assert.InRange(metrics.MeanMgdl, 138, 221);
        Assert.InRange(metrics.TirPercent, 42, 73);
        Assert.InRange(metrics.CvPercent, 25, 45);
        Assert.InRange(metrics.Tbr54Percent, 0, 3);
        Assert.True(metrics.Readings > 10 * 14 * 288 * 0.9, $"{metrics.Readings} readings: the sensor lost more than 10 %");
    }

    private static GlucoseMetrics Simulate(int seed)
    {
        var duration = TimeSpan.FromDays(14);
        var cohort = CohortGenerator.Generate(CohortRequest.AllOf(AgeGroup.Adult, 10, seed), Start, duration);
        Assert.Equal(10, cohort.Members.Select(m => m.VirtualPatient).Distinct().Count());   // each adult profile once

        var plans = cohort.Members.Select(m => new PatientPlan(VirtualPatients.Get(m.VirtualPatient), m.Meals, m.Exercise)).ToList();
        var sensors = cohort.Members.Select((m, i) => new SensorModel(SensorKind.DexcomG6,
            SensorOptions.Default with { WarmUp = WarmUpOptions.Default with { SensorStarts = [.. m.SensorSessionStarts.Select(s => Start + s)] } },
            seed + i, Start, GeneratedLife.FromMember(m).IsAsleep)).ToList();
        var simulator = new CohortSimulator(plans, Start);
        var values = new List<double>();
        for (var minute = 0; minute < duration.TotalMinutes; minute += 5)
        {
            for (var p = 0; p < plans.Count; p++)
            {
                if (sensors[p].Sample(simulator.Now, simulator.InterstitialMgdl[p], simulator.PlasmaMgdl[p]).Mgdl is { } mgdl)
                    values.Add(mgdl);
            }
            simulator.Advance(5);
        }
        return GlucoseMetricsCalculator.Compute(values);
    }
}
