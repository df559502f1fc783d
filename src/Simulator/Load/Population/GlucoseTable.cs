using Simulator.Glucose;
using Simulator.Glucose.Physiology;

namespace Simulator.Load.Population;

/// <summary>
/// Every patient's glucose at each of its reading cycles, from the UVA/Padova model: the cohort's own plans (meals,
/// boluses, exercise, sensitivity) simulated together at 1-minute steps, read at the minute each patient's reading is
/// due. The value is the interstitial glucose rounded to whole mg/dL and held to the sensor's 40–400 range, without
/// the sensor-noise model: that model leaves gaps (warm-up, dropouts), and a load must carry a reading in every cycle
/// so that each upload is a new, countable reading. Two bytes per patient and cycle.
/// </summary>
internal sealed class GlucoseTable
{
    private readonly short[] _mgdl;

    private GlucoseTable(short[] mgdl, int patients, int cycles) => (_mgdl, Patients, Cycles) = (mgdl, patients, cycles);

    public int Patients { get; }
    public int Cycles { get; }

    /// <param name="minuteOffset">Per patient, the minute within each 5-minute cycle at which its reading is taken (0–4).</param>
    public static GlucoseTable Simulate(IReadOnlyList<PatientPlan> plans, DateTimeOffset start, int cycles, int cycleMinutes, IReadOnlyList<int> minuteOffset)
    {
        var table = new short[plans.Count * cycles];
        var simulator = new CohortSimulator(plans, start);
        simulator.Run(cycles * cycleMinutes, 1, new Sampler(table, cycles, cycleMinutes, minuteOffset, start));
        return new GlucoseTable(table, plans.Count, cycles);
    }

    public int Mgdl(int patient, long cycle) => _mgdl[patient * Cycles + (int)cycle];

    /// <summary>Dexcom arrows from the change over the last two cycles (10 minutes), as a receiver computes them.</summary>
    public Trend Trend(int patient, long cycle, TimeSpan cycleLength) => cycle < 2
        ? Glucose.Trend.NotComputable
        : TrendArrows.FromRate((Mgdl(patient, cycle) - Mgdl(patient, cycle - 2)) / (2 * cycleLength.TotalMinutes));

    /// <summary>Keeps each patient's value at its own reading minutes; blocks of patients arrive on worker threads, disjoint.</summary>
    private sealed class Sampler(short[] table, int cycles, int cycleMinutes, IReadOnlyList<int> minuteOffset, DateTimeOffset start) : ICohortSampler
    {
        public void Sample(in CohortSamples samples)
        {
            var firstMinute = (int)Math.Round((samples.At(0) - start).TotalMinutes);
            for (var i = 0; i < samples.Patients; i++)
            {
                var patient = samples.FirstPatient + i;
                var offset = minuteOffset[patient];
                for (var t = 0; t < samples.Instants; t++)
                {
                    var sinceOffset = firstMinute + t - offset;
                    if (sinceOffset < 0 || sinceOffset % cycleMinutes != 0) continue;
                    var cycle = sinceOffset / cycleMinutes;
                    if (cycle >= cycles) continue;
                    var value = Math.Clamp(Math.Round(samples.InterstitialMgdl(i, t), MidpointRounding.AwayFromZero), Reading.MinReportable, Reading.MaxReportable);
                    table[patient * cycles + cycle] = (short)value;
                }
            }
        }
    }
}
