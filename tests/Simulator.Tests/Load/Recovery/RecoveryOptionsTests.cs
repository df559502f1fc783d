using Scenarios.Model;
using Simulator.Load.Recovery;
using Simulator.Runs;

namespace Simulator.Tests.Load.Recovery;

public sealed class RecoveryOptionsTests
{
    private static RecoveryOptions Valid => new() { OutputDirectory = "out" };

    private static string Problem(RecoveryOptions options) => Assert.Throws<RunFailedException>(options.Validate).Message;

    [Fact]
    public void The_defaults_are_the_must_show_run()
    {
        var options = Valid;
        options.Validate();

        Assert.Equal((10_000, 2_000, TimeSpan.FromDays(3)), (options.Patients, options.Followers, options.Outage));
        Assert.Equal(RecoveryRelease.Default, options.Release);
        Assert.Equal(BacklogNewUploads.Wait, options.NewUploads);
        Assert.Equal([RecoveryProfile.Resilient], options.Asserted);
    }

    [Fact]
    public void Each_bound_is_named_with_what_to_give()
    {
        Assert.Equal("--patients 0 is out of range; give 1 to 20,000 (every patient's readings for the whole outage are held in memory).",
            Problem(Valid with { Patients = 0 }));
        Assert.Equal("--followers 0 is out of range; give at least 1 (the follower system under test follows the patients that have followers).",
            Problem(Valid with { Followers = 0 }));
        Assert.Equal("--outage 30m is out of range; give 1h to 7d in whole 5-minute reading intervals, e.g. 3d or 12h.",
            Problem(Valid with { Outage = TimeSpan.FromMinutes(30) }));
        Assert.Equal("--outage 1h2m is out of range; give 1h to 7d in whole 5-minute reading intervals, e.g. 3d or 12h.",
            Problem(Valid with { Outage = TimeSpan.FromMinutes(62) }));
        Assert.Equal("--speed 0 is out of range; give more than 0 and at most 1000 virtual seconds per real second.",
            Problem(Valid with { Speed = 0 }));
    }

    [Fact]
    public void A_drain_slower_than_the_uploads_would_never_empty_a_waiting_pipeline()
    {
        var slow = Valid with { Release = new RecoveryRelease(BacklogRelease.DrainRate, 20, TimeSpan.Zero) };

        Assert.Equal("--release drain:20/s drains no faster than the uploads arrive (10000 patients every 5 minutes is 33.3/s), so with new uploads waiting " +
            "behind the backlog it would never drain; give a rate above 33.3/s, or --new-uploads bypass.", Problem(slow));
        (slow with { NewUploads = BacklogNewUploads.Bypass }).Validate();
    }
}
