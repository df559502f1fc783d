using Simulator.Glucose.Physiology;

namespace Simulator.Glucose.Cohorts;

/// <summary>One possible meal of the day: eaten with <see cref="Probability"/>, at a time drawn from a normal
/// (mean, SD in minutes) truncated to the window, with a normal amount of carbohydrate.</summary>
public sealed record MealSlot(
    string Name,
    double Probability,
    int WindowStartMinutes,
    int WindowEndMinutes,
    double MeanMinutes,
    double SdMinutes,
    double MeanGrams,
    double SdGrams);

/// <summary>
/// simglucose RandomScenario's six meals (spec glucose-model.md §5, from simulation/scenario_gen.py), and the
/// per-age variants used here.
/// </summary>
public static class MealTable
{
    /// <summary>The table exactly as simglucose has it; used for adults.</summary>
    public static readonly IReadOnlyList<MealSlot> Simglucose =
    [
        new("breakfast", 0.95, 5 * 60, 9 * 60, 7 * 60, 60, 45, 10),
        new("snack 1", 0.30, 9 * 60, 10 * 60, 9.5 * 60, 30, 10, 5),
        new("lunch", 0.95, 10 * 60, 14 * 60, 12 * 60, 60, 70, 10),
        new("snack 2", 0.30, 14 * 60, 16 * 60, 15 * 60, 30, 10, 5),
        new("dinner", 0.95, 16 * 60, 20 * 60, 18 * 60, 60, 80, 10),
        new("snack 3", 0.30, 20 * 60, 23 * 60, 21.5 * 60, 30, 10, 5),
    ];

    /// <summary>
    /// Carbohydrate scale per group (mean and SD both). simglucose feeds every patient the adult table; these
    /// scales are a design choice: children 7–12 eat roughly 60 % of an adult's carbohydrate and adolescents 14–19
    /// close to an adult's. The simglucose Quest.csv insulin needs bound this from below (mean TDI, computed:
    /// children 22.8, adolescents 40.6, adults 54.5 U/day, ratios 0.42 and 0.75).
    /// </summary>
    public static double CarbScale(AgeGroup group) => group switch
    {
        AgeGroup.Child => 0.6,
        AgeGroup.Adolescent => 0.9,
        _ => 1.0,
    };

    /// <summary>
    /// The evening snack for children, moved from 20:00–23:00 to 19:00–20:00 (mean 19:30, SD 30 min) so that it
    /// comes before a child's bedtime (20:00–21:00, see <see cref="SleepPlanner"/>). Probability and amount as the table.
    /// </summary>
    public static readonly MealSlot ChildEveningSnack = new("snack 3", 0.30, 19 * 60, 20 * 60, 19.5 * 60, 30, 10, 5);

    /// <summary>The slots a member of <paramref name="group"/> draws from each local day, with amounts scaled.</summary>
    public static IReadOnlyList<MealSlot> For(AgeGroup group)
    {
        var scale = CarbScale(group);
        return Simglucose
            .Select(slot => group == AgeGroup.Child && slot.Name == "snack 3" ? ChildEveningSnack : slot)
            .Select(slot => slot with { MeanGrams = slot.MeanGrams * scale, SdGrams = slot.SdGrams * scale })
            .ToList();
    }

    /// <summary>
    /// Chance a meal is eaten without its bolus. A design choice, not a published rate: small for adults and for
    /// children (whose parents bolus), higher for adolescents, in line with the common clinical observation that
    /// missed meal boluses are most frequent in adolescence.
    /// </summary>
    public static double MissedBolusProbability(AgeGroup group) => group switch
    {
        AgeGroup.Adolescent => 0.10,
        _ => 0.05,
    };
}
