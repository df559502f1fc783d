using Scenarios.Model;
using Simulator.Ble.Radio;

namespace Simulator.Tests.Ble.Radio;

public class RadioPlanTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Windows_opening_inside_an_out_of_range_span_are_not_advertised()
    {
        var plan = RadioPlan.From(new RadioSpec { OutOfRange = [new OutOfRangeSpan(TimeSpan.FromHours(3), TimeSpan.FromMinutes(45))] }, T0, seed: 1);
        var schedule = new WakeSchedule(T0, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15));

        var suppressed = Enumerable.Range(0, 100).Where(k => plan.Suppresses(k, schedule.Opens(k)) == WindowOutcome.OutOfRange).ToList();

        // 03:00:10 … 03:40:10 open inside [03:00, 03:45); 03:45:10 is after it.
        Assert.Equal(Enumerable.Range(36, 9), suppressed);
        Assert.True(plan.IsOutOfRange(T0.AddHours(3)));
        Assert.False(plan.IsOutOfRange(T0.AddHours(3).AddMinutes(45)));
    }

    [Fact]
    public void Missed_windows_follow_the_ratio_and_are_pinned_by_the_seed()
    {
        var plan = new RadioPlan(seed: 42, missedWindows: 0.1);

        var missed = Enumerable.Range(0, 10_000).Count(k => plan.IsWindowMissed(k));

        Assert.InRange(missed, 900, 1100);
        Assert.Equal(PinnedMissedFor42, missed);
        Assert.Equal(missed, Enumerable.Range(0, 10_000).Reverse().Count(k => new RadioPlan(42, 0.1).IsWindowMissed(k))); // order-free
        Assert.NotEqual(
            Enumerable.Range(0, 200).Select(k => plan.IsWindowMissed(k)),
            Enumerable.Range(0, 200).Select(k => new RadioPlan(43, 0.1).IsWindowMissed(k)));
    }

    [Fact]
    public void Packet_loss_is_a_pure_function_of_seed_window_and_frame()
    {
        var a = new RadioPlan(seed: 5, packetLoss: 0.2);
        var b = new RadioPlan(seed: 5, packetLoss: 0.2);
        var draws = (from w in Enumerable.Range(0, 100) from f in Enumerable.Range(0, 20) select (w, f)).ToList();

        var lostA = draws.Where(d => a.IsFrameDropped(d.w, d.f)).ToList();

        Assert.Equal(lostA, draws.Where(d => b.IsFrameDropped(d.w, d.f)));
        Assert.InRange(lostA.Count, 360, 440);
        Assert.NotEqual(lostA, draws.Where(d => new RadioPlan(6, packetLoss: 0.2).IsFrameDropped(d.w, d.f)));
    }

    [Fact]
    public void A_clear_radio_loses_nothing_and_ratios_outside_0_to_1_are_refused()
    {
        Assert.DoesNotContain(Enumerable.Range(0, 1000), k => RadioPlan.Clear.IsWindowMissed(k) || RadioPlan.Clear.IsFrameDropped(k, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RadioPlan(1, missedWindows: 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RadioPlan(1, packetLoss: -0.1));
    }

    [Fact]
    public void Wake_schedule_finds_the_first_window_not_yet_closed()
    {
        var schedule = new WakeSchedule(T0, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15));
        Assert.Equal(0, schedule.FirstWindowOpenAfter(T0));
        Assert.Equal(0, schedule.FirstWindowOpenAfter(T0.AddSeconds(24)));
        Assert.Equal(1, schedule.FirstWindowOpenAfter(T0.AddSeconds(25)));
        Assert.Equal(T0.AddSeconds(610), schedule.Opens(2));
    }

    private const int PinnedMissedFor42 = 1027;
}
