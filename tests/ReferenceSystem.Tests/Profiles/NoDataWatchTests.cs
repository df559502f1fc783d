using ReferenceSystem.Profiles;
using ReferenceSystem.Readings;
using ReferenceSystem.Tests.Support;

namespace ReferenceSystem.Tests.Profiles;

public class NoDataWatchTests
{
    private static readonly DateTimeOffset T0 = new(2019, 11, 30, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Twenty = TimeSpan.FromMinutes(20);

    private static GlucoseReading At(TimeSpan offset, int mgdl = 120) => new(T0 + offset, mgdl, ReadingSources.DexcomShare);

    [Fact]
    public void Fires_once_at_newest_reading_plus_no_data_minutes()
    {
        var clock = new ManualTimeProvider(T0 + TimeSpan.FromMinutes(1));
        var fired = new List<(DateTimeOffset At, GlucoseReading Reading)>();
        var watch = new NoDataWatch(clock, Twenty, r => fired.Add((clock.GetUtcNow(), r)));

        var reading = At(TimeSpan.Zero);
        watch.Observe(reading);
        Assert.Equal(T0 + Twenty, watch.DueAt);

        clock.Advance(TimeSpan.FromMinutes(18));
        Assert.Empty(fired);
        clock.Advance(TimeSpan.FromMinutes(1));
        var (at, silentSince) = Assert.Single(fired);
        Assert.Equal(T0 + Twenty, at);
        Assert.Same(reading, silentSince);

        watch.Observe(reading);          // the same newest reading again: still the same gap
        clock.Advance(TimeSpan.FromHours(2));
        Assert.Single(fired);
    }

    [Fact]
    public void A_newer_reading_rearms_and_an_older_one_does_not()
    {
        var clock = new ManualTimeProvider(T0);
        var fired = new List<DateTimeOffset>();
        var watch = new NoDataWatch(clock, Twenty, _ => fired.Add(clock.GetUtcNow()));

        watch.Observe(At(TimeSpan.Zero));
        clock.Advance(TimeSpan.FromMinutes(5));
        watch.Observe(At(TimeSpan.FromMinutes(5)));
        watch.Observe(At(TimeSpan.FromMinutes(-10)));
        clock.Advance(TimeSpan.FromMinutes(19));
        Assert.Empty(fired);             // the first due time (T0+20) passed silently

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal([T0 + TimeSpan.FromMinutes(25)], fired);

        watch.Observe(At(TimeSpan.FromMinutes(40)));   // data back, then a new gap: a new notice
        clock.Advance(TimeSpan.FromMinutes(40));
        Assert.Equal([T0 + TimeSpan.FromMinutes(25), T0 + TimeSpan.FromMinutes(60)], fired);
    }

    [Fact]
    public void A_due_time_already_past_fires_at_once_and_stop_disarms()
    {
        var clock = new ManualTimeProvider(T0 + TimeSpan.FromMinutes(30));
        var fired = 0;
        var watch = new NoDataWatch(clock, Twenty, _ => fired++);

        watch.Observe(At(TimeSpan.Zero));
        clock.Advance(TimeSpan.Zero);
        Assert.Equal(1, fired);

        watch.Observe(At(TimeSpan.FromMinutes(29)));
        watch.Stop();
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, fired);
    }
}
