using ReferenceSystem.Clock;
using ReferenceSystem.Tests.Support;

namespace ReferenceSystem.Tests.Clock;

public class HarnessClockTests
{
    private static readonly DateTimeOffset VirtualEpoch = new(2019, 11, 29, 22, 0, 0, TimeSpan.FromHours(-5));
    private static readonly DateTimeOffset RealEpoch = new(2026, 11, 23, 20, 40, 0, 123, TimeSpan.Zero);

    [Fact]
    public void Now_is_virtual_epoch_plus_scaled_real_elapsed_time()
    {
        var real = new ManualTimeProvider(RealEpoch);
        var clock = new HarnessClock(new ClockSnapshot(VirtualEpoch, RealEpoch, 3000), real);

        Assert.Equal(VirtualEpoch, clock.GetUtcNow());
        Assert.Equal(TimeSpan.Zero, clock.GetUtcNow().Offset);

        real.SetUtcNow(RealEpoch + TimeSpan.FromSeconds(1.2));   // 1.2 s real × 3000 = 3600 s virtual
        Assert.Equal(VirtualEpoch + TimeSpan.FromHours(1), clock.GetUtcNow());

        real.SetUtcNow(RealEpoch - TimeSpan.FromMilliseconds(100));  // before the real epoch: virtual time runs back too
        Assert.Equal(VirtualEpoch - TimeSpan.FromMinutes(5), clock.GetUtcNow());
    }

    [Fact]
    public void Timestamps_measure_virtual_time()
    {
        var real = new ManualTimeProvider(RealEpoch);
        var clock = new HarnessClock(new ClockSnapshot(VirtualEpoch, RealEpoch, 600), real);

        var start = clock.GetTimestamp();
        real.SetUtcNow(RealEpoch + TimeSpan.FromSeconds(0.5));

        Assert.Equal(TimeSpan.FromMinutes(5), clock.GetElapsedTime(start));
    }

    [Fact]
    public void Timers_run_speed_times_faster_in_real_time_including_Change()
    {
        var real = new ManualTimeProvider(RealEpoch);
        var clock = new HarnessClock(new ClockSnapshot(VirtualEpoch, RealEpoch, 3000), real);
        var fired = 0;

        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromMinutes(5), Timeout.InfiniteTimeSpan);
        Assert.Equal((TimeSpan.FromMilliseconds(100), Timeout.InfiniteTimeSpan), real.Created[0]);

        real.Advance(TimeSpan.FromMilliseconds(99));
        Assert.Equal(0, fired);
        real.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, fired);

        timer.Change(TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(5));
        real.Advance(TimeSpan.FromMilliseconds(400));   // 20 virtual minutes
        Assert.Equal(2, fired);
        real.Advance(TimeSpan.FromMilliseconds(200));   // two 5-minute periods
        Assert.Equal(4, fired);
    }

    [Fact]
    public async Task Task_Delay_with_the_clock_waits_virtual_time_on_the_real_system_clock()
    {
        var snapshot = new ClockSnapshot(VirtualEpoch, TimeProvider.System.GetUtcNow(), 30_000);
        var clock = new HarnessClock(snapshot, TimeProvider.System);
        var realStart = TimeProvider.System.GetTimestamp();
        var virtualStart = clock.GetUtcNow();
        var fiveVirtualMinutes = TimeSpan.FromMinutes(5);

        await Task.Delay(fiveVirtualMinutes, clock);   // 10 ms of real time at 30000x

        // The timer runs on the monotonic clock and "now" on the wall clock: allow 1 ms of real skew (30 virtual s).
        Assert.True(clock.GetUtcNow() - virtualStart >= fiveVirtualMinutes - TimeSpan.FromSeconds(30));
        Assert.True(TimeProvider.System.GetElapsedTime(realStart) < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Local_time_zone_is_the_virtual_epoch_offset()
    {
        var clock = new HarnessClock(new ClockSnapshot(VirtualEpoch, RealEpoch, 1), new ManualTimeProvider(RealEpoch));
        var instant = new DateTimeOffset(2019, 11, 30, 8, 22, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromHours(-5), clock.LocalTimeZone.GetUtcOffset(instant));
    }

    [Fact]
    public void Rejects_a_speed_that_is_not_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new HarnessClock(new ClockSnapshot(VirtualEpoch, RealEpoch, 0), TimeProvider.System));
    }
}
