using Bogus;
using Simulator.Glucose.Physiology;

namespace Simulator.Glucose.Cohorts;

/// <summary>
/// Seeded exercise sessions, at most one per local day. Durations and timing follow spec glucose-model.md §10:
/// adults' structured sessions in T1DEXI were ~30 min (we use 30–60), DirecNet's adolescents exercised in the
/// afternoon, and DirecNet's children 8–17 did 75-minute sessions (our youth sessions reach 75). How often people
/// exercise is not in the spec; the daily probabilities are a design choice: youth more often than adults, as WHO's
/// 2020 guidelines ask 60 min a day of children and adolescents but 150 min a week of adults.
/// </summary>
internal static class ExercisePlanner
{
    private sealed record Plan(
        double DailyProbability,
        int EarliestStart, int LatestStart,
        double MorningShare, int MorningEarliest, int MorningLatest,
        int MinMinutes, int MaxMinutes,
        double Light, double Moderate);

    // Times in minutes after local midnight; intensity shares Light, Moderate, rest Vigorous.
    private static readonly Plan Adult = new(0.30, 17 * 60, 19 * 60 + 30, 0.30, 6 * 60 + 30, 8 * 60, 30, 60, 0.10, 0.70);
    private static readonly Plan Adolescent = new(0.50, 15 * 60, 18 * 60, 0, 0, 0, 45, 75, 0.10, 0.50);
    private static readonly Plan Child = new(0.60, 15 * 60, 17 * 60 + 30, 0, 0, 0, 30, 75, 0.30, 0.40);

    public static IReadOnlyList<Exercise> Sessions(Randomizer random, AgeGroup group, TimeZoneInfo zone, DateTimeOffset start, DateTimeOffset end)
    {
        var plan = group switch { AgeGroup.Child => Child, AgeGroup.Adolescent => Adolescent, _ => Adult };
        var sessions = new List<Exercise>();
        foreach (var day in LocalClock.Days(zone, start, end))
        {
            if (!random.Chance(plan.DailyProbability))
                continue;
            var morning = random.Chance(plan.MorningShare);
            var minute = morning
                ? random.Stepped(plan.MorningEarliest, plan.MorningLatest, 5)
                : random.Stepped(plan.EarliestStart, plan.LatestStart, 5);
            var length = TimeSpan.FromMinutes(random.Stepped(plan.MinMinutes, plan.MaxMinutes, 5));
            var roll = random.Double();
            var intensity = roll < plan.Light ? ExerciseIntensity.Light
                : roll < plan.Light + plan.Moderate ? ExerciseIntensity.Moderate
                : ExerciseIntensity.Vigorous;
            var at = LocalClock.At(zone, day, minute);
            if (at >= start && at < end)
                sessions.Add(new Exercise(at, length, intensity));
        }
        return sessions;
    }
}
