using ReferenceSystem.Readings;

namespace ReferenceSystem.Profiles;

/// <summary>
/// The resilient profile's no-data alarm for one patient: a timer at (newest primary reading's sensor time +
/// noDataMinutes). If no newer primary reading arrives before it fires, <c>onSilent</c> runs once with that reading
/// (once per gap); a newer reading re-arms it. It fires at the due instant itself (± timer precision), not at the next
/// poll. A due time already in the past fires at once.
/// </summary>
internal sealed class NoDataWatch(TimeProvider clock, TimeSpan silentAfter, Action<GlucoseReading> onSilent)
{
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private GlucoseReading? _armedFor;
    private DateTimeOffset? _firedFor;
    private bool _disposed;

    /// <summary>When the alarm fires if nothing newer arrives; null before the first primary reading.</summary>
    public DateTimeOffset? DueAt
    {
        get
        {
            lock (_gate)
                return _armedFor?.SensorTime + silentAfter;
        }
    }

    /// <summary>Call with the newest primary reading after every successful primary read.</summary>
    public void Observe(GlucoseReading newestPrimary)
    {
        lock (_gate)
        {
            if (_disposed || (_armedFor is not null && newestPrimary.SensorTime <= _armedFor.SensorTime))
                return;
            _armedFor = newestPrimary;
            _timer?.Dispose();
            var delay = newestPrimary.SensorTime + silentAfter - clock.GetUtcNow();
            _timer = clock.CreateTimer(_ => Fire(newestPrimary), null,
                delay > TimeSpan.Zero ? delay : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    private void Fire(GlucoseReading armedFor)
    {
        lock (_gate)
        {
            if (_disposed || !ReferenceEquals(_armedFor, armedFor) || _firedFor == armedFor.SensorTime)
                return;
            _firedFor = armedFor.SensorTime;
        }
        onSilent(armedFor);
    }

    /// <summary>Disarms for good (the job stopped).</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
        }
    }
}
