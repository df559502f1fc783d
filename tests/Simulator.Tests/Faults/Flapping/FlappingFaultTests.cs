using Scenarios.Model;
using Simulator.Faults;
using Simulator.Faults.Flapping;
using Simulator.Journal;
using Simulator.Tests.Support;
using Simulator.Time;

namespace Simulator.Tests.Faults.Flapping;

/// <summary>Up/down cycles ("intermittent availability", Dexcom December 2019), each phase on the virtual clock.</summary>
public sealed class FlappingFaultTests
{
    private static readonly DateTimeOffset At = Rig.T0.AddHours(1);
    private static readonly DateTimeOffset Until = At.AddMinutes(25);

    private static readonly FlappingFaultOptions TenUpTwoDown = new() { Up = TimeSpan.FromMinutes(10), Down = TimeSpan.FromMinutes(2) };

    [Fact]
    public async Task Share_reads_fail_in_down_phases_and_succeed_in_up_phases_exactly_at_their_instants()
    {
        var clock = new ManualClock(At.AddTicks(-1));
        using var share = new ShareHarness(clock, Rig.Fault("dexcom-share", "read", At, Until, TenUpTwoDown));
        var session = await share.LoginAsync();

        async Task<int> StatusAt(DateTimeOffset t)
        {
            clock.Set(t);
            using var response = await share.ReadAsync(session);
            return (int)response.StatusCode;
        }

        // Down 0-2m, up 2-12m, down 12-14m, up 14-24m, down 24-25m (cut by the window's end).
        Assert.Equal(200, await StatusAt(At.AddTicks(-1)));
        Assert.Equal(503, await StatusAt(At));
        Assert.Equal(503, await StatusAt(At.AddMinutes(2).AddTicks(-1)));
        Assert.Equal(200, await StatusAt(At.AddMinutes(2)));
        Assert.Equal(503, await StatusAt(At.AddMinutes(12)));
        Assert.Equal(200, await StatusAt(At.AddMinutes(14)));
        Assert.Equal(503, await StatusAt(Until.AddTicks(-1)));
        Assert.Equal(200, await StatusAt(Until));
    }

    [Fact]
    public async Task A_down_phase_can_reset_the_connection()
    {
        var clock = new ManualClock(At);
        using var share = new ShareHarness(clock, Rig.Fault("dexcom-share", "read", At, Until, TenUpTwoDown with { Response = OutageResponse.Reset }));
        var session = await share.LoginAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => share.ReadAsync(session));

        var served = await Eventually.JournaledAsync<RequestServed>(share.Journal, r => r.Endpoint == "read", "the reset read");
        Assert.Equal((0, "flapping"), (served.Status, served.Fault));
    }

    private static List<(DateTimeOffset From, DateTimeOffset Until)> Phases(int seed, FlappingFaultOptions options, DateTimeOffset until) =>
        [.. new FlappingSchedule(At, until, options, new FaultDraws(new Random(seed))).DownPhasesBefore(until)];

    [Fact]
    public void Jitter_moves_every_phase_within_its_bounds_reproducibly_for_a_seed()
    {
        var options = TenUpTwoDown with { Jitter = TimeSpan.FromSeconds(30) };
        var until = At.AddDays(1);

        var phases = Phases(3, options, until);

        Assert.Equal(phases, Phases(3, options, until));
        Assert.NotEqual(phases, Phases(4, options, until));
        Assert.Equal(At, phases[0].From);
        Assert.All(phases.SkipLast(1), p => Assert.InRange(p.Until - p.From, TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(150)));
        Assert.All(phases.Zip(phases.Skip(1)), p => Assert.InRange(p.Second.From - p.First.Until, TimeSpan.FromSeconds(570), TimeSpan.FromSeconds(630)));
        Assert.True(phases.Select(p => p.Until - p.From).Distinct().Count() > 50, "jitter should vary the phases");
    }

    [Fact]
    public void The_schedule_is_the_same_however_it_is_asked()
    {
        var options = TenUpTwoDown with { Jitter = TimeSpan.FromMinutes(1), StartWith = FlappingStart.Up };
        var stepwise = new FlappingSchedule(At, Until, options, new FaultDraws(new Random(9)));
        for (var t = At; t < Until; t += TimeSpan.FromSeconds(7)) stepwise.IsDownAt(t);

        Assert.Equal(Phases(9, options, Until), stepwise.DownPhasesBefore(Until));
        Assert.False(stepwise.IsDownAt(At));
    }

    [Fact]
    public async Task Flapping_starts_and_ends_on_the_virtual_clock_at_speed_1()
    {
        var clock = new VirtualClock(Rig.T0, speed: 1);
        var (at, until) = WindowProbe.Window(Rig.T0);
        using var share = new ShareHarness(clock, Rig.Fault("dexcom-share", "read", at, until, TenUpTwoDown));
        var session = await share.LoginAsync();

        await WindowProbe.AssertFollowsWindowAsync(clock, share.Journal, "flapping", async () =>
        {
            using var response = await share.ReadAsync(session);
        });
    }
}
