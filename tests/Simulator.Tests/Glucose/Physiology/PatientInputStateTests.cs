using Simulator.Glucose.Physiology;

namespace Simulator.Tests.Glucose.Physiology;

public class PatientInputStateTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly VirtualPatient Adult = VirtualPatients.Get("adult#002");

    [Fact]
    public void A_meal_is_eaten_at_grams_per_minute_over_its_eating_time_and_anchors_dbar_on_the_stomach()
    {
        var timeline = PatientTimeline.Compile(new PatientPlan(Adult, [new Meal(Start.AddMinutes(10), 42)], []), Start);
        var s = PatientInputState.Start(timeline);

        s.ApplyEvents(timeline, 10, stomachMg: 1234, interstitialMgPerKg: 100 * Adult.Parameters.Vg);

        Assert.Equal(42.0 / 9, s.CarbsGramsPerMinute, 12);   // ceil(42 / 5 g/min) = 9 minutes
        Assert.Equal(1234, s.DbarMg);
        Assert.Equal(19, s.NextEventMinute);
        Assert.Equal(42.0 / Adult.CarbRatio, s.BolusUnits, 12);
        Assert.Equal(42.0 / Adult.CarbRatio * 6000 / Adult.BodyWeightKg, s.BolusPmolPerKgPerMinute, 12);

        s.ApplyEvents(timeline, 19, stomachMg: 0, interstitialMgPerKg: 0);
        Assert.Equal(0, s.CarbsGramsPerMinute);
        Assert.Equal(int.MaxValue, s.NextEventMinute);
    }

    [Fact]
    public void An_overlapping_meal_keeps_the_anchor_and_eating_stops_exactly_when_both_end()
    {
        Meal[] meals = [new(Start, 50), new(Start.AddMinutes(3), 7) { Duration = TimeSpan.FromMinutes(3) }];
        var timeline = PatientTimeline.Compile(new PatientPlan(Adult, meals, []), Start);
        var s = PatientInputState.Start(timeline);

        s.ApplyEvents(timeline, 0, stomachMg: 10, interstitialMgPerKg: 0);
        s.ApplyEvents(timeline, 3, stomachMg: 999, interstitialMgPerKg: 0);
        Assert.Equal(5 + 7.0 / 3, s.CarbsGramsPerMinute, 12);   // 50 g over 10 min plus 7 g over 3 min
        Assert.Equal(10, s.DbarMg);

        s.ApplyEvents(timeline, 6, stomachMg: 999, interstitialMgPerKg: 0);
        s.ApplyEvents(timeline, 10, stomachMg: 999, interstitialMgPerKg: 0);
        Assert.Equal(0, s.CarbsGramsPerMinute);
    }

    [Fact]
    public void A_missed_bolus_delivers_nothing_and_events_before_the_start_are_clipped()
    {
        Meal[] meals = [new(Start.AddMinutes(-30), 40), new(Start.AddMinutes(-3), 20, Bolused: true), new(Start.AddMinutes(5), 30, Bolused: false)];
        var timeline = PatientTimeline.Compile(new PatientPlan(Adult, meals, []), Start);

        Assert.Equal(4, timeline.Events.Length);   // the finished meal is gone
        Assert.Equal(0, timeline.Events[0].Minute);
        Assert.False(timeline.Events[0].Bolused);   // already under way: no bolus
        var s = PatientInputState.Start(timeline);
        s.ApplyEvents(timeline, 5, stomachMg: 0, interstitialMgPerKg: 300 * Adult.Parameters.Vg);
        Assert.Equal(0, s.BolusUnits);
    }

    [Fact]
    public void Exercise_raises_uptake_during_the_bout_then_leaves_a_tail()
    {
        var timeline = PatientTimeline.Compile(
            new PatientPlan(Adult, [], [new Exercise(Start.AddMinutes(1), TimeSpan.FromMinutes(45), ExerciseIntensity.Vigorous)]), Start);
        var s = PatientInputState.Start(timeline);
        var p = Adult.Parameters;
        var x = p.InitialState.ToArray();

        Assert.Equal(new ModelInputs(0, p.U2ss, 0), s.BeginMinute(timeline, p, 0, x));
        s.EndMinute(p);
        var during = s.BeginMinute(timeline, p, 1, x);
        Assert.Equal(1 + ExerciseEffect.BoutUptake(ExerciseIntensity.Vigorous), during.UptakeScale, 15);
        Assert.Equal(1 + ExerciseEffect.BoutFsnc(ExerciseIntensity.Vigorous), during.FsncScale, 15);
        s.EndMinute(p);
        var after = s.BeginMinute(timeline, p, 46, x);
        Assert.Equal(1 + ExerciseEffect.TailAmplitude(ExerciseIntensity.Vigorous, TimeSpan.FromMinutes(45)), after.UptakeScale, 15);
        Assert.Equal(1, after.FsncScale);
    }
}
