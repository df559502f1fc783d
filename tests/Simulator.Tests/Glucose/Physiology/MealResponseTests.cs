using Simulator.Glucose.Physiology;

namespace Simulator.Tests.Glucose.Physiology;

public class MealResponseTests
{
    private static readonly DateTimeOffset Start = new(2024, 5, 1, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MealTime = Start.AddHours(1);

    [Fact]
    public void Adult_001_bolused_50_g_meal_peaks_near_185_mgdl_about_an_hour_and_a_half_later_and_settles_below_140()
    {
        // Spec 1.5 sanity figure (ours, not published): 138.6 → peak ≈185 at ~90 min, ≈118 at 10 h.
        var patient = VirtualPatients.Get("adult#001");
        var meal = new Meal(MealTime, 50) { Duration = TimeSpan.FromMinutes(10) };

        var plasma = PlasmaTrace(new PatientPlan(patient, [meal], []), minutes: 12 * 60);
        var (peak, peakMinute) = Peak(plasma);

        Assert.InRange(peak, 175, 200);
        Assert.InRange(peakMinute - 60, 60, 120);
        Assert.True(plasma[60 + 600 - 1] < 140, $"at 10 h: {plasma[60 + 600 - 1]}");
    }

    [Theory]
    [InlineData("adult#001")]
    [InlineData("adolescent#004")]
    [InlineData("child#002")]
    public void A_missed_bolus_gives_a_clearly_higher_peak_than_the_same_meal_bolused(string name)
    {
        var patient = VirtualPatients.Get(name);

        var bolused = Peak(PlasmaTrace(new PatientPlan(patient, [new Meal(MealTime, 50)], []), 8 * 60)).Value;
        var missed = Peak(PlasmaTrace(new PatientPlan(patient, [new Meal(MealTime, 50, Bolused: false)], []), 8 * 60)).Value;

        Assert.True(missed > bolused + 20, $"missed {missed} vs bolused {bolused}");
    }

    [Fact]
    public void Glucose_does_not_move_before_the_meal_and_rises_after_it()
    {
        var patient = VirtualPatients.Get("adult#005");

        var plasma = PlasmaTrace(new PatientPlan(patient, [new Meal(MealTime, 60)], []), 3 * 60);

        Assert.All(plasma.Take(60), g => Assert.Equal(patient.SteadyStateMgdl, g, 6));
        Assert.True(plasma[120] > patient.SteadyStateMgdl + 10);
    }

    internal static double[] PlasmaTrace(PatientPlan plan, int minutes)
    {
        var sim = new CohortSimulator([plan], Start);
        var trace = new double[minutes];
        for (var minute = 0; minute < minutes; minute++)
        {
            sim.Step();
            trace[minute] = sim.PlasmaMgdl[0];
        }
        return trace;
    }

    /// <summary>Highest value and the minute (1-based, minutes since start) it was reached.</summary>
    private static (double Value, int Minute) Peak(double[] trace)
    {
        var index = Array.IndexOf(trace, trace.Max());
        return (trace[index], index + 1);
    }
}
