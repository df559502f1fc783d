using Scenarios.Model;
using Simulator.Faults;
using Simulator.Faults.Auth;
using Simulator.Faults.Flapping;
using Simulator.Faults.Latency;
using Simulator.Faults.Outage;
using Simulator.Faults.PushFailure;
using Simulator.Faults.RateLimit;
using Simulator.Faults.Stale;
using Simulator.Tests.Support;

namespace Simulator.Tests.Faults;

/// <summary>The timeline builds every kind from its options and puts the active ones in pipeline order.</summary>
public sealed class FaultTimelineTests
{
    private static readonly DateTimeOffset At = Rig.T0.AddHours(1);

    private static FaultSpec On(string vendor, FaultOptions options) => Rig.Fault(vendor, null, At, options);

    [Fact]
    public void Builds_every_kind_and_orders_them_latency_first_then_refusals_then_what_the_vendor_does()
    {
        var timeline = new FaultTimeline(
        [
            On("dexcom-share", new StaleFaultOptions()),
            On("dexcom-share", new OutageFaultOptions()),
            On("dexcom-share", new AuthFaultOptions()),
            On("dexcom-share", new FlappingFaultOptions()),
            On("dexcom-share", new RateLimitFaultOptions()),
            On("dexcom-share", new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(1) }),
            On("fcm", new PushFailureFaultOptions()),
        ], seed: 1);

        Assert.Collection(timeline.ActiveFor("dexcom-share", "read", At),
            f => Assert.IsType<LatencyFault>(f),
            f => Assert.IsType<RateLimitFault>(f),
            f => Assert.IsType<FlappingFault>(f),
            f => Assert.IsType<OutageFault>(f),
            f => Assert.IsType<StaleFault>(f),
            f => Assert.IsType<AuthFault>(f));
        Assert.IsType<PushFailureFault>(Assert.Single(timeline.ActiveFor("fcm", "send", At)));
    }

    [Fact]
    public void Options_built_in_code_are_validated_when_the_timeline_is_built()
    {
        var thrown = Assert.Throws<FaultOptionsValidationException>(() =>
            new FaultTimeline([On("dexcom-share", new FlappingFaultOptions { Down = TimeSpan.Zero })], seed: 1));

        Assert.Equal(new FaultOptionError("down", "down is how long each failure lasts, so it must be longer than 0, e.g. down: 2m, not 0s"), Assert.Single(thrown.Errors));
    }

    [Fact]
    public void Total_read_outages_are_the_windows_nothing_new_can_be_read_for_every_follower()
    {
        var everyone = On("dexcom-share", new OutageFaultOptions { Response = OutageResponse.Malformed, StatusCode = 200 });
        var stale = On("dexcom-share", new StaleFaultOptions());
        var refused = On("dexcom-share", new RateLimitFaultOptions());
        var timeline = new FaultTimeline(
        [
            everyone, stale, refused,
            On("dexcom-share", new OutageFaultOptions { Where = new RequestFaultFilter { Accounts = ["child-2"] } }),
            On("dexcom-share", new OutageFaultOptions { Ratio = 0.5 }),
            On("dexcom-share", new RateLimitFaultOptions { Limit = 10 }),
            On("dexcom-share", new FlappingFaultOptions()),
        ], seed: 1);

        Assert.Equal([everyone, stale, refused], timeline.TotalReadOutages("dexcom-share"));
    }
}
