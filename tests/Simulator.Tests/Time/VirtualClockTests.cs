using Simulator.Time;

namespace Simulator.Tests.Time;

public class VirtualClockTests
{
    private static readonly DateTimeOffset Epoch = new(2019, 11, 30, 1, 0, 0, TimeSpan.FromHours(-5));

    [Fact]
    public void Time_stands_still_at_the_epoch_until_the_clock_starts()
    {
        var real = new SteppedRealClock();
        var clock = new VirtualClock(Epoch, speed: 3000, real);
        real.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(Epoch, clock.GetUtcNow());
        Assert.False(clock.IsRunning);
        Assert.Throws<InvalidOperationException>(() => clock.RealEpoch);
    }

    [Fact]
    public void Virtual_time_runs_speed_times_faster_than_real_time_once_started()
    {
        var real = new SteppedRealClock();
        var clock = new VirtualClock(Epoch, speed: 3000, real);
        clock.Start();
        real.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal(Epoch + TimeSpan.FromMinutes(5), clock.GetUtcNow());
        Assert.Equal(TimeSpan.Zero, clock.GetUtcNow().Offset);
    }

    [Fact]
    public void Timers_are_scaled_from_virtual_to_real_time()
    {
        var real = new SteppedRealClock();
        var clock = new VirtualClock(Epoch, speed: 600, real);
        clock.Start();

        using var timer = clock.CreateTimer(_ => { }, null, TimeSpan.FromMinutes(10), Timeout.InfiniteTimeSpan);

        Assert.Equal(TimeSpan.FromSeconds(1), real.LastDueTime);
        Assert.Equal(Timeout.InfiniteTimeSpan, real.LastPeriod);
    }

    [Fact]
    public void The_clock_protocol_snapshot_lets_another_process_compute_the_same_now()
    {
        var real = new SteppedRealClock();
        var clock = new VirtualClock(Epoch, speed: 2000, real);
        clock.Start();
        real.Advance(TimeSpan.FromSeconds(1.5));

        var snapshot = clock.Snapshot;
        var computed = snapshot.VirtualEpoch + (real.GetUtcNow() - snapshot.RealEpoch) * snapshot.Speed;

        Assert.Equal(clock.GetUtcNow(), computed);
        var env = snapshot.ToEnvironment(new Uri("http://127.0.0.1:5000/clock"));
        Assert.Equal("2000", env[ClockSnapshot.SpeedVariable]);
        Assert.Equal("http://127.0.0.1:5000/clock", env[ClockSnapshot.UrlVariable]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_speed_that_is_not_a_positive_number_is_refused(double speed) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new VirtualClock(Epoch, speed));

    /// <summary>A real-time source the test moves by hand, recording the timers asked of it.</summary>
    private sealed class SteppedRealClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        private long _ticks;
        public TimeSpan LastDueTime { get; private set; }
        public TimeSpan LastPeriod { get; private set; }

        public void Advance(TimeSpan by) { _now += by; _ticks += by.Ticks; }
        public override DateTimeOffset GetUtcNow() => _now;
        public override long GetTimestamp() => _ticks;
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            (LastDueTime, LastPeriod) = (dueTime, period);
            return System.CreateTimer(callback, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }
}
