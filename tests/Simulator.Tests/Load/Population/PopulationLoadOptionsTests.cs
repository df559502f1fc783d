using Simulator.Load.Population;
using Simulator.Runs;

namespace Simulator.Tests.Load.Population;

public sealed class PopulationLoadOptionsTests
{
    private static string Refusal(PopulationLoadOptions options) => Assert.Throws<RunFailedException>(options.Validate).Message;

    [Fact]
    public void The_defaults_are_the_issues_figure_and_hold()
    {
        var options = new PopulationLoadOptions();

        options.Validate();
        Assert.Equal((10_000, 2_000, 60.0), (options.Patients, options.Followers, options.Compression));
    }

    [Fact]
    public void Out_of_range_options_say_what_to_give()
    {
        var o = new PopulationLoadOptions();

        Assert.Equal("--patients 100001 is out of range; give 1 to 100000.", Refusal(o with { Patients = 100_001 }));
        Assert.Equal("--real 45m is out of range; give 1s to 30m (one run is bounded to 30 real minutes: for a longer soak, run it again).",
            Refusal(o with { RealSpan = TimeSpan.FromMinutes(45) }));
        Assert.Equal("--virtual 10m is shorter than --real 20m; the load compresses virtual time, so give a virtual span at least as long as the real one.",
            Refusal(o with { VirtualSpan = TimeSpan.FromMinutes(10), RealSpan = TimeSpan.FromMinutes(20) }));
        Assert.Equal("--virtual 48h is out of range; give 5m (one reading cycle) to 24h.",
            Refusal(o with { VirtualSpan = TimeSpan.FromDays(2) }));
        Assert.Equal("--uploads 'dexcom-share,dexcom-share' is not a list of upload targets; give share, nightscout or share,nightscout.",
            Refusal(o with { Uploads = ["dexcom-share", "dexcom-share"] }));
    }

    [Fact]
    public void Only_loopback_targets_are_accepted()
    {
        var o = new PopulationLoadOptions();

        Assert.Equal("--share-url: Refusing to send load to 'http://10.0.0.5:8080/': the load driver only targets loopback hosts (127.0.0.0/8, ::1, localhost).",
            Refusal(o with { Endpoints = new PopulationEndpoints(Share: new Uri("http://10.0.0.5:8080")) }));
        Assert.StartsWith("--nightscout-url: Refusing to send load to 'http://example.org/patient'",
            Refusal(o with { Endpoints = new PopulationEndpoints(Nightscout: "http://example.org/{patient}") }), StringComparison.Ordinal);
        (o with { Endpoints = new PopulationEndpoints(new Uri("http://127.0.0.1:5300"), "http://localhost:5080/{patient}", new Uri("http://[::1]:9000")) }).Validate();
    }

    [Fact]
    public void Push_modes_parse_with_a_message_that_lists_them()
    {
        Assert.True(PushMode.TryParse("crossings", out var crossings, out _));
        Assert.True(PushMode.TryParse("10m", out var every, out _));
        Assert.True(PushMode.TryParse("off", out var off, out _));
        Assert.False(PushMode.TryParse("often", out _, out var error));

        Assert.True(crossings.OnCrossings);
        Assert.Equal(TimeSpan.FromMinutes(10), every.Every);
        Assert.True(off.IsOff);
        Assert.Equal("--pushes 'often' is not a push mode; give a duration (one push per follower that often in virtual time, e.g. 15m), crossings (one per follower at each threshold crossing) or off.", error);
    }
}
