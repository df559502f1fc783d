using Simulator.Glucose.Cohorts;
using Simulator.Glucose.Physiology;

namespace Simulator.Tests.Glucose.Cohorts;

/// <summary>The generated meals against simglucose's RandomScenario table (spec glucose-model.md §5).</summary>
public class MealScheduleTests
{
    // London in January is UTC+0, so local days are exactly the 28 UTC days of the window.
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);
    private const int Days = 28;

    private static Cohort Generate(AgeGroup group, int count) =>
        CohortGenerator.Generate(CohortRequest.AllOf(group, count, seed: 20250106) with { TimeZones = ["Europe/London"] }, Start, TimeSpan.FromDays(Days));

    /// <summary>
    /// Meals grouped by slot. The table's windows only touch at their ends (and children's moved evening snack
    /// overlaps dinner), so a meal goes to the slot whose window holds its time, and where two do, to the one whose
    /// mean amount is nearer its grams (main meals and snacks are far apart).
    /// </summary>
    private static Dictionary<string, List<Meal>> BySlot(Cohort cohort, AgeGroup group)
    {
        var slots = MealTable.For(group);
        string Slot(Meal m)
        {
            var minute = m.At.UtcDateTime.TimeOfDay.TotalMinutes;
            return slots
                .Where(s => minute >= s.WindowStartMinutes && minute <= s.WindowEndMinutes)
                .OrderBy(s => Math.Abs(s.MeanGrams - m.Grams))
                .First().Name;
        }
        return cohort.Members.SelectMany(m => m.Meals).GroupBy(Slot).ToDictionary(g => g.Key, g => g.ToList());
    }

    [Fact]
    public void Adult_meal_frequencies_amounts_and_times_match_the_table()
    {
        var cohort = Generate(AgeGroup.Adult, 200);
        var memberDays = 200.0 * Days;
        var slots = BySlot(cohort, AgeGroup.Adult);

        foreach (var slot in MealTable.Simglucose)
        {
            var meals = slots[slot.Name];
            // Binomial SE is ≤ 0.0065 over 5,600 member-days; 0.025 is about four of them.
            Assert.InRange(meals.Count / memberDays, slot.Probability - 0.025, slot.Probability + 0.025);
            Assert.InRange(meals.Average(m => m.Grams), slot.MeanGrams - 1, slot.MeanGrams + 1);
            Assert.All(meals, m => Assert.InRange(m.At.UtcDateTime.TimeOfDay.TotalMinutes, slot.WindowStartMinutes, slot.WindowEndMinutes));
            Assert.All(meals, m => Assert.Equal(0, m.At.Second));
            Assert.All(meals, m => Assert.Equal(Math.Floor(m.Grams), m.Grams));
            Assert.All(meals, m => Assert.True(m.Grams >= 0));
        }
        // Centred where the table says (the windows are symmetric about the means except snack 3's, which is ±3 SD).
        Assert.InRange(slots["breakfast"].Average(m => m.At.UtcDateTime.TimeOfDay.TotalMinutes), 7 * 60 - 5, 7 * 60 + 5);
        Assert.InRange(slots["dinner"].Average(m => m.At.UtcDateTime.TimeOfDay.TotalMinutes), 18 * 60 - 5, 18 * 60 + 5);
    }

    [Fact]
    public void Missed_boluses_happen_at_the_documented_rate()
    {
        var meals = Generate(AgeGroup.Adult, 100).Members.SelectMany(m => m.Meals).ToList();

        var missed = meals.Count(m => !m.Bolused) / (double)meals.Count;

        Assert.InRange(missed, MealTable.MissedBolusProbability(AgeGroup.Adult) - 0.015, MealTable.MissedBolusProbability(AgeGroup.Adult) + 0.015);
    }

    [Fact]
    public void Children_eat_scaled_amounts_and_their_evening_snack_before_bed()
    {
        var cohort = Generate(AgeGroup.Child, 100);
        var slots = BySlot(cohort, AgeGroup.Child);

        Assert.InRange(slots["breakfast"].Average(m => m.Grams), 45 * 0.6 - 1, 45 * 0.6 + 1);
        Assert.InRange(slots["dinner"].Average(m => m.Grams), 80 * 0.6 - 1, 80 * 0.6 + 1);
        Assert.InRange(slots["snack 3"].Count / (100.0 * Days), 0.3 - 0.04, 0.3 + 0.04);
        Assert.All(cohort.Members.SelectMany(m => m.Meals), m => Assert.True(m.At.UtcDateTime.TimeOfDay <= TimeSpan.FromHours(20)));
        Assert.All(cohort.Members, m => Assert.True(m.Sleep.Bedtime >= new TimeOnly(20, 0)));
    }

    [Fact]
    public void Meals_fall_in_the_members_local_day_across_zones_and_clock_changes()
    {
        // 27 March – 8 April 2025 spans Europe's spring-forward (30 March) and Sydney's fall-back (6 April).
        var request = CohortRequest.AllOf(AgeGroup.Adult, 70, seed: 9);
        var cohort = CohortGenerator.Generate(request, new DateTimeOffset(2025, 3, 27, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(12));

        foreach (var member in cohort.Members)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(member.Person.TimeZoneId);
            Assert.All(member.Meals, meal =>
                Assert.InRange(TimeZoneInfo.ConvertTime(meal.At, zone).TimeOfDay, TimeSpan.FromHours(5), TimeSpan.FromHours(23)));
            Assert.All(member.Meals, meal => Assert.InRange(meal.At, cohort.Start, cohort.Start + cohort.Duration));
        }
        Assert.Equal(7, cohort.Members.Select(m => m.Person.TimeZoneId).Distinct().Count());
    }
}
