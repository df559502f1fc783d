namespace ReferenceSystem.Clock;

/// <summary>
/// The harness's clock protocol (version 1), as served by <c>GET {clock.url}</c>:
/// virtual now = <see cref="VirtualEpoch"/> + (real UTC now − <see cref="RealEpoch"/>) × <see cref="Speed"/>.
/// </summary>
internal sealed record ClockSnapshot(DateTimeOffset VirtualEpoch, DateTimeOffset RealEpoch, double Speed);

/// <summary>
/// A <see cref="TimeProvider"/> that runs on the harness's virtual time. "Now" is computed from the real system clock
/// with the protocol formula; timers (and therefore <c>Task.Delay(…, clock)</c>, <c>CancellationTokenSource(…, clock)</c>)
/// are scaled, so a virtual due time d fires after d ÷ speed of real time. Every time read and delay in the
/// ReferenceSystem goes through the job's clock: this class when the harness gives a clock, <see cref="TimeProvider.System"/>
/// otherwise.
/// </summary>
internal sealed class HarnessClock : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly TimeZoneInfo _localZone;

    public HarnessClock(ClockSnapshot snapshot, TimeProvider real)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(real);
        if (!(snapshot.Speed > 0) || double.IsInfinity(snapshot.Speed))
            throw new ArgumentOutOfRangeException(nameof(snapshot), snapshot.Speed, "Speed must be a positive, finite number.");
        Snapshot = snapshot;
        _real = real;
        // The virtual epoch's offset (e.g. -05:00 for the Nov 2019 US outage) is the "local" time of the run:
        // it is what push bodies show ("52 mg/dL at 03:22").
        var offset = snapshot.VirtualEpoch.Offset;
        _localZone = offset == TimeSpan.Zero
            ? TimeZoneInfo.Utc
            : TimeZoneInfo.CreateCustomTimeZone($"harness{offset:hhmm}", offset, $"Harness virtual time ({offset})", $"Harness ({offset})");
    }

    public ClockSnapshot Snapshot { get; }

    public double Speed => Snapshot.Speed;

    public override TimeZoneInfo LocalTimeZone => _localZone;

    public override DateTimeOffset GetUtcNow()
    {
        var realElapsed = _real.GetUtcNow() - Snapshot.RealEpoch;
        return Snapshot.VirtualEpoch.ToUniversalTime() + ToVirtual(realElapsed);
    }

    // Timestamps are virtual too, so GetElapsedTime measures virtual durations.
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return new ScaledTimer(_real.CreateTimer(callback, state, ToRealDelay(dueTime), ToRealDelay(period)), this);
    }

    public TimeSpan ToVirtual(TimeSpan real) => TimeSpan.FromTicks(checked((long)(real.Ticks * Speed)));

    /// <summary>Virtual span → real span (rounded up, so a timer never fires before its virtual due time).</summary>
    public TimeSpan ToReal(TimeSpan @virtual) => TimeSpan.FromTicks((long)Math.Ceiling(@virtual.Ticks / Speed));

    private TimeSpan ToRealDelay(TimeSpan @virtual)
    {
        if (@virtual == Timeout.InfiniteTimeSpan)
            return @virtual;
        ArgumentOutOfRangeException.ThrowIfLessThan(@virtual, TimeSpan.Zero);
        return ToReal(@virtual);
    }

    /// <summary>Wraps the real timer so that <see cref="ITimer.Change"/> is scaled as well.</summary>
    private sealed class ScaledTimer(ITimer inner, HarnessClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) =>
            inner.Change(clock.ToRealDelay(dueTime), clock.ToRealDelay(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
