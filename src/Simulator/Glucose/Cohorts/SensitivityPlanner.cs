using Bogus;
using Simulator.Glucose.Physiology;

namespace Simulator.Glucose.Cohorts;

/// <summary>
/// Each local day, from midnight, the person's insulin sensitivity moves: glucose uptake changes by N(0, 0.2),
/// clamped to ±0.45. The 2008 model has fixed parameters; real people's insulin sensitivity swings from day to day
/// (the reason the 2014 simulator added intra-day variability, spec §1.3, DallaMan2014). The size is a design
/// choice, set so that ten adults over 14 days land in the published open-loop ranges (CohortRealismTests).
/// </summary>
internal static class SensitivityPlanner
{
    public const double Sd = 0.2;
    public const double Limit = 0.45;

    public static IReadOnlyList<SensitivityShift> Plan(Randomizer random, TimeZoneInfo zone, DateTimeOffset start, DateTimeOffset end)
    {
        var shifts = new List<SensitivityShift>();
        foreach (var day in LocalClock.Days(zone, start, end))
        {
            var change = Math.Clamp(random.Normal(0, Sd), -Limit, Limit);
            var midnight = LocalClock.At(zone, day, 0);
            shifts.Add(new SensitivityShift(midnight < start ? start : midnight, change));
        }
        return shifts;
    }
}
