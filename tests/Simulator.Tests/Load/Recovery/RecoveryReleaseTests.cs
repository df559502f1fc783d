using Scenarios.Model;
using Simulator.Load.Recovery;

namespace Simulator.Tests.Load.Recovery;

public sealed class RecoveryReleaseTests
{
    [Theory]
    [InlineData("drain:5000/s", BacklogRelease.DrainRate, 5000.0, 0)]
    [InlineData("drain:300/min", BacklogRelease.DrainRate, 5.0, 0)]
    [InlineData("burst", BacklogRelease.Burst, 0.0, 0)]
    [InlineData("reorder", BacklogRelease.Reorder, 0.0, 30)]
    [InlineData("reorder:2h", BacklogRelease.Reorder, 0.0, 120)]
    public void Reads_every_release_form(string text, BacklogRelease mode, double perSecond, int overMinutes)
    {
        Assert.True(RecoveryRelease.TryParse(text, out var release, out var error), error);

        Assert.Equal(new RecoveryRelease(mode, perSecond, TimeSpan.FromMinutes(overMinutes)), release);
    }

    [Theory]
    [InlineData("slow", "--release 'slow' is not a release mode; write drain:5000/s, burst, or reorder (optionally over a span, e.g. reorder:30m).")]
    [InlineData("drain", "--release drain needs a rate, e.g. drain:5000/s (readings per virtual second).")]
    [InlineData("drain:fast", "--release drain:fast: 'fast' is not a drain rate above 0; write readings per virtual second, e.g. drain:5000/s (or per minute or hour: drain:300/min, drain:600/h), or burst.")]
    [InlineData("drain:0/s", "--release drain:0/s: '0/s' is not a drain rate above 0; write readings per virtual second, e.g. drain:5000/s (or per minute or hour: drain:300/min, drain:600/h), or burst.")]
    [InlineData("reorder:soon", "--release reorder:soon: 'soon' is not a span longer than 0 for the shuffled backlog to come out over; write e.g. reorder:30m or reorder:2h.")]
    [InlineData("burst:5", "--release 'burst:5' is not a release mode; write drain:5000/s, burst, or reorder (optionally over a span, e.g. reorder:30m).")]
    public void Says_what_to_write_instead(string text, string message)
    {
        Assert.False(RecoveryRelease.TryParse(text, out _, out var error));
        Assert.Equal(message, error);
    }

    [Fact]
    public void Becomes_the_backlog_faults_options_and_prints_as_it_is_written()
    {
        Assert.True(RecoveryRelease.TryParse("reorder:45m", out var release, out _));

        Assert.Equal(
            new BacklogFaultOptions { Release = BacklogRelease.Reorder, ReorderOver = TimeSpan.FromMinutes(45), Seed = 9, NewUploads = BacklogNewUploads.Wait },
            release.ToFaultOptions(BacklogNewUploads.Wait, seed: 9));
        Assert.Equal("reorder:45m", release.ToString());
        Assert.Equal("drain:5000/s", RecoveryRelease.Default.ToString());
        Assert.Equal(TimeSpan.FromSeconds(2), RecoveryRelease.Default.DrainDuration(10_000));
    }
}
