using Simulator.Glucose;
using Simulator.Glucose.Generation;
using Simulator.Glucose.Physiology;

namespace Simulator.Load.Recovery;

/// <summary>
/// Every patient's glucose for the whole run, one value per 5-minute reading: the cohort's UVA/Padova patients with
/// their seeded lives (meals, boluses, exercise, sensitivity) integrated at 1-minute steps, read at each patient's own
/// phase. The value is the interstitial glucose rounded to whole mg/dL (40 to 400) with Dexcom arrows from the last 10
/// minutes, without the sensor model's noise and dropouts: every slot has a reading, so a missing one is always the
/// pipeline's doing. Held as 16-bit values, 2 bytes a reading (24 MB for 10,000 patients × 4 days).
/// </summary>
public sealed class RecoveryTraces
{
    private readonly short[][] _mgdl;
    private readonly RecoveryTimeline _timeline;

    private RecoveryTraces(short[][] mgdl, RecoveryTimeline timeline, int slots)
    {
        _mgdl = mgdl;
        _timeline = timeline;
        Slots = slots;
    }

    /// <summary>Readings per patient, from the history start.</summary>
    public int Slots { get; }

    public int Mgdl(int patient, long slot) => _mgdl[patient][slot];

    public Reading Reading(RecoveryPatient patient, long slot)
    {
        var values = _mgdl[patient.Index];
        var mgdl = values[slot];
        var trend = slot >= 2 ? TrendArrows.FromRate((mgdl - values[slot - 2]) / 10.0) : Trend.NotComputable;
        return new Reading(patient.Id, _timeline.SensorTime(patient.Index, slot), mgdl, trend);
    }

    public static RecoveryTraces Generate(RecoveryPopulation population, RecoveryTimeline timeline, int slots)
    {
        var members = population.Cohort.Members;
        var plans = members.Select(m => GeneratedLife.FromMember(m).PlanFor(VirtualPatients.Get(m.VirtualPatient))).ToList();
        var mgdl = members.Select(_ => new short[slots]).ToArray();
        var sampler = new SlotSampler(mgdl, [.. members.Select((_, i) => (int)timeline.Phase(i).TotalMinutes)], timeline.HistoryStart);
        var minutes = slots * (int)RecoveryTimeline.ReadingInterval.TotalMinutes;
        new CohortSimulator(plans, timeline.HistoryStart).Run(minutes, 1, sampler);
        return new RecoveryTraces(mgdl, timeline, slots);
    }

    /// <summary>Keeps, per patient, the minute of each 5 at its own phase; blocks of patients arrive on worker threads, each its own.</summary>
    private sealed class SlotSampler(short[][] mgdl, int[] phaseMinutes, DateTimeOffset start) : ICohortSampler
    {
        public void Sample(in CohortSamples samples)
        {
            var firstMinute = (int)(samples.At(0) - start).TotalMinutes;
            for (var i = 0; i < samples.Patients; i++)
            {
                var patient = samples.FirstPatient + i;
                var values = mgdl[patient];
                var phase = phaseMinutes[patient];
                for (var t = 0; t < samples.Instants; t++)
                {
                    var sinceSlotStart = firstMinute + t - phase;
                    if (sinceSlotStart < 0 || sinceSlotStart % 5 != 0) continue;
                    var slot = sinceSlotStart / 5;
                    if (slot >= values.Length) break;
                    values[slot] = (short)Math.Clamp(Math.Round(samples.InterstitialMgdl(i, t), MidpointRounding.AwayFromZero), Glucose.Reading.MinReportable, Glucose.Reading.MaxReportable);
                }
            }
        }
    }
}
