namespace Simulator.Time;

/// <summary>
/// The run's clock: a <see cref="TimeProvider"/> whose "now" advances <see cref="Speed"/> virtual seconds per
/// real second from <see cref="VirtualEpoch"/>. Timers and <c>Task.Delay(…, clock)</c> are scaled the same
/// way, so a virtual 5-minute poll fires after 5 min ÷ speed of real time. Every component of a run reads
/// time from one instance of this; nothing reads the machine clock directly.
/// </summary>
public sealed class VirtualClock : TimeProvider
{
    private readonly TimeProvider _real;
    private long _realEpochTimestamp;
    private DateTimeOffset _realEpoch;
    private volatile bool _started;

    public VirtualClock(DateTimeOffset virtualEpoch, double speed, TimeProvider? real = null)
    {
        if (!(speed > 0) || double.IsInfinity(speed))
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "Speed must be a positive number of virtual seconds per real second.");
        _real = real ?? System;
        VirtualEpoch = virtualEpoch;
        Speed = speed;
    }

    /// <summary>
    /// Lets virtual time run from now on. Until then it stands still at <see cref="VirtualEpoch"/>, so the real
    /// time spent starting fakes and the system under test costs no virtual time.
    /// </summary>
    public void Start()
    {
        if (_started) throw new InvalidOperationException("The clock is already running.");
        _realEpoch = _real.GetUtcNow();
        _realEpochTimestamp = _real.GetTimestamp();
        _started = true;
    }

    public bool IsRunning => _started;

    public DateTimeOffset VirtualEpoch { get; }
    /// <summary>The real instant that corresponds to <see cref="VirtualEpoch"/>.</summary>
    public DateTimeOffset RealEpoch => _started ? _realEpoch : throw new InvalidOperationException("The clock has not been started.");
    public double Speed { get; }

    /// <summary>The values an external system needs to compute the same virtual time (the clock protocol).</summary>
    public ClockSnapshot Snapshot => new(VirtualEpoch, RealEpoch, Speed);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow()
    {
        if (!_started) return VirtualEpoch.ToUniversalTime();
        // Elapsed real time comes from the monotonic timestamp, so a wall-clock step cannot move virtual time.
        var elapsedReal = _real.GetElapsedTime(_realEpochTimestamp);
        return (VirtualEpoch + ToVirtual(elapsedReal)).ToUniversalTime();
    }

    public TimeSpan ToVirtual(TimeSpan real) => TimeSpan.FromTicks((long)(real.Ticks * Speed));

    public TimeSpan ToReal(TimeSpan @virtual) => TimeSpan.FromTicks((long)(@virtual.Ticks / Speed));

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(_real.CreateTimer(callback, state, Scale(dueTime), Scale(period)), this);

    private TimeSpan Scale(TimeSpan virtualSpan) =>
        virtualSpan == Timeout.InfiniteTimeSpan ? virtualSpan : ToReal(virtualSpan);

    /// <summary>A real timer whose <see cref="Change"/> takes virtual spans too, like its creation did.</summary>
    private sealed class ScaledTimer(ITimer inner, VirtualClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.Scale(dueTime), clock.Scale(period));
        public void Dispose() => inner.Dispose();
        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}

/// <summary>
/// The clock protocol: virtual now = <see cref="VirtualEpoch"/> + (real now − <see cref="RealEpoch"/>) × <see cref="Speed"/>.
/// Served as JSON at the harness's <c>/clock</c> endpoint and as environment variables for child processes.
/// </summary>
public sealed record ClockSnapshot(DateTimeOffset VirtualEpoch, DateTimeOffset RealEpoch, double Speed)
{
    public const string UrlVariable = "SIMULATOR_CLOCK_URL";
    public const string VirtualEpochVariable = "SIMULATOR_CLOCK_VIRTUAL_EPOCH";
    public const string RealEpochVariable = "SIMULATOR_CLOCK_REAL_EPOCH";
    public const string SpeedVariable = "SIMULATOR_CLOCK_SPEED";

    public IReadOnlyDictionary<string, string> ToEnvironment(Uri clockUrl) => new Dictionary<string, string>
    {
        [UrlVariable] = clockUrl.ToString(),
        [VirtualEpochVariable] = VirtualEpoch.ToString("O"),
        [RealEpochVariable] = RealEpoch.ToString("O"),
        [SpeedVariable] = Speed.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
    };
}
