using ReferenceSystem.Profiles;

namespace ReferenceSystem.Tests.Profiles;

public class ExponentialBackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Cap = TimeSpan.FromMinutes(5);

    [Fact]
    public void Full_jitter_stays_under_the_doubling_ceiling_and_the_cap()
    {
        var backoff = new ExponentialBackoff(Base, Cap, new Random(1));
        for (var failure = 1; failure <= 12; failure++)
        {
            var ceiling = TimeSpan.FromTicks(Math.Min(Cap.Ticks, Base.Ticks << Math.Min(failure - 1, 20)));
            var delay = backoff.NextDelay();
            Assert.InRange(delay, ExponentialBackoff.MinimumDelay, ceiling);
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_delays_and_reset_starts_over()
    {
        var a = new ExponentialBackoff(Base, Cap, new Random(ExponentialBackoff.StreamSeed(20191130, 0, 0)));
        var b = new ExponentialBackoff(Base, Cap, new Random(ExponentialBackoff.StreamSeed(20191130, 0, 0)));

        var first = Enumerable.Range(0, 6).Select(_ => a.NextDelay()).ToList();
        Assert.Equal(first, Enumerable.Range(0, 6).Select(_ => b.NextDelay()));
        Assert.Equal(6, a.Failures);

        a.Reset();
        Assert.Equal(0, a.Failures);
        Assert.InRange(a.NextDelay(), ExponentialBackoff.MinimumDelay, Base);
        Assert.NotEqual(ExponentialBackoff.StreamSeed(20191130, 0, 0), ExponentialBackoff.StreamSeed(20191130, 0, 1));
    }
}
