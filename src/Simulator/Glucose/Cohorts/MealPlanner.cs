using Bogus;
using Simulator.Glucose.Physiology;

namespace Simulator.Glucose.Cohorts;

/// <summary>
/// Draws a member's meals day by day in their local time, the way simglucose's RandomScenario draws one day: for
/// each slot, eat with its probability; time = truncated normal rounded to the minute; grams = normal rounded to the
/// gram, floored at 0 (a 0 g meal is kept, as simglucose keeps it). numpy rounds half to even, so do we.
/// </summary>
internal static class MealPlanner
{
    public static IReadOnlyList<Meal> Plan(Randomizer random, Randomizer dosing, AgeGroup group, TimeZoneInfo zone, DateTimeOffset start, DateTimeOffset end)
    {
        var slots = MealTable.For(group);
        var missed = MealTable.MissedBolusProbability(group);
        var meals = new List<Meal>();
        foreach (var day in LocalClock.Days(zone, start, end))
        {
            foreach (var slot in slots)
            {
                // Draw in a fixed order whether or not the meal lands in the window, so days stay independent of it.
                if (!random.Chance(slot.Probability))
                    continue;
                var minutes = (int)Math.Round(
                    random.TruncatedNormal(slot.MeanMinutes, slot.SdMinutes, slot.WindowStartMinutes, slot.WindowEndMinutes),
                    MidpointRounding.ToEven);
                var grams = Math.Max(Math.Round(random.Normal(slot.MeanGrams, slot.SdGrams), MidpointRounding.ToEven), 0);
                var bolused = !random.Chance(missed);
                var at = LocalClock.At(zone, day, minutes);
                // How the person doses comes from its own stream, so the meals themselves stay simglucose's draws.
                var (counted, delay) = Dosing.Draw(dosing, group, grams);
                if (at >= start && at < end)
                    meals.Add(new Meal(at, grams, bolused) { CountedGrams = counted, BolusDelay = delay });
            }
        }
        return meals;
    }
}
