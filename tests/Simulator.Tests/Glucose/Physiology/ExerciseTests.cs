using Simulator.Glucose.Physiology;

namespace Simulator.Tests.Glucose.Physiology;

public class ExerciseTests
{
    private static readonly DateTimeOffset Midnight = new(2024, 6, 10, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("adult#001")]
    [InlineData("adult#003")]
    [InlineData("adult#006")]
    [InlineData("adult#009")]
    public void A_45_minute_moderate_bout_lowers_adult_glucose_by_10_to_40_mgdl_against_the_same_day_without_it(string name)
    {
        var patient = VirtualPatients.Get(name);
        Meal[] meals = [new(Midnight.AddHours(7), 45), new(Midnight.AddHours(12), 70), new(Midnight.AddHours(18), 80)];
        var bout = new Exercise(Midnight.AddHours(16), TimeSpan.FromMinutes(45), ExerciseIntensity.Moderate);
        var sim = new CohortSimulator([new PatientPlan(patient, meals, []), new PatientPlan(patient, meals, [bout])], Midnight);

        sim.Advance(16 * 60 + 45);
        var drop = sim.PlasmaMgdl[0] - sim.PlasmaMgdl[1];
        sim.Advance(3 * 60);
        var laterDrop = sim.PlasmaMgdl[0] - sim.PlasmaMgdl[1];

        Assert.InRange(drop, 10, 40);
        Assert.True(laterDrop > 0, $"three hours later the exercise day is still lower: {laterDrop}");
    }

    [Fact]
    public void Harder_exercise_lowers_glucose_more()
    {
        var patient = VirtualPatients.Get("adult#004");
        var at = Midnight.AddHours(10);
        var plans = Enum.GetValues<ExerciseIntensity>()
            .Select(i => new PatientPlan(patient, [], [new Exercise(at, TimeSpan.FromMinutes(45), i)]))
            .Prepend(PatientPlan.BasalOnly(patient))
            .ToArray();
        var sim = new CohortSimulator(plans, Midnight);

        sim.Advance(10 * 60 + 45);
        var g = sim.PlasmaMgdl.ToArray();

        Assert.True(g[0] > g[1] && g[1] > g[2] && g[2] > g[3], string.Join(", ", g));
    }

    [Fact]
    public void The_post_exercise_tail_decays_and_scales_with_intensity_and_duration()
    {
        Assert.Equal(ExerciseEffect.ModerateTailAmplitude, ExerciseEffect.TailAmplitude(ExerciseIntensity.Moderate, TimeSpan.FromMinutes(45)), 15);
        Assert.Equal(2 * ExerciseEffect.TailAmplitude(ExerciseIntensity.Light, TimeSpan.FromMinutes(90)),
            2 * ExerciseEffect.TailAmplitude(ExerciseIntensity.Light, TimeSpan.FromMinutes(180)), 15);   // capped at twice 45 min
        Assert.Equal(Math.Exp(-1.0), Math.Pow(ExerciseEffect.TailDecayPerMinute, ExerciseEffect.TailTimeConstantMinutes), 12);
        Assert.True(ExerciseEffect.BoutUptake(ExerciseIntensity.Vigorous) > ExerciseEffect.BoutUptake(ExerciseIntensity.Light));
    }
}
