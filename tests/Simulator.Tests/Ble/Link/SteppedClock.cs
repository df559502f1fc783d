namespace Simulator.Tests.Ble.Link;

/// <summary>
/// A clock that moves only when the test advances it, and whose timers (so <c>Task.Delay(…, clock)</c>) fire when
/// it passes their due time. Link tests use it so a wake window stays open for exactly as long as the test wants,
/// however loaded the machine is: the exchange happens at a frozen instant.
/// </summary>
internal sealed class SteppedClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<SteppedTimer> _timers = [];
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Moves time to <paramref name="to"/>, firing every timer due on the way, in due order.</summary>
    public void AdvanceTo(DateTimeOffset to)
    {
        while (true)
        {
            SteppedTimer? next;
            lock (_gate)
            {
                next = _timers.Where(t => t.DueAt <= to).OrderBy(t => t.DueAt).FirstOrDefault();
                if (next is null)
                {
                    _now = to > _now ? to : _now;
                    return;
                }

                _now = next.DueAt > _now ? next.DueAt : _now;
                next.Rearm();
            }

            next.Fire(); // outside the lock: the callback may create timers
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SteppedTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class SteppedTimer(SteppedClock clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                clock._timers.Remove(this);
                _period = period;
                if (dueTime == Timeout.InfiniteTimeSpan)
                    return true;
                DueAt = clock._now + dueTime;
                clock._timers.Add(this);
            }

            if (dueTime <= TimeSpan.Zero)
                clock.AdvanceTo(clock.GetUtcNow()); // due now: fire at once
            return true;
        }

        /// <summary>Called under the clock's lock: reschedules a periodic timer, removes a one-shot.</summary>
        public void Rearm()
        {
            clock._timers.Remove(this);
            if (_period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
            {
                DueAt += _period;
                clock._timers.Add(this);
            }
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (clock._gate) clock._timers.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
