using ReferenceSystem.Alerts;
using ReferenceSystem.Profiles;
using ReferenceSystem.Readings;

namespace ReferenceSystem.Receiver;

/// <summary>
/// What the phone knows about one transmitter: its readings (one per sensor time, in time order), the local alarms,
/// the upload backlogs and the counters behind GET /api/receiver/state. The BLE session feeds it; readings of a
/// window are handed to the uploaders together when the window ends, so live and backfilled readings of one window go
/// up as one batch in time order.
/// </summary>
internal sealed class TransmitterTrack
{
    public const string Source = "dexcom-g6-ble";
    public static readonly TimeSpan KeepHistory = TimeSpan.FromHours(25);

    private readonly TimeProvider _clock;
    private readonly LocalAlarmRules _rules;
    private readonly LocalAlarmReporter _reporter;
    private readonly NoDataWatch _signalLoss;
    private readonly Lock _gate = new();
    private readonly SortedDictionary<DateTimeOffset, GlucoseReading> _readings = [];
    private readonly HashSet<DateTimeOffset> _backfilled = [];
    private readonly List<GlucoseReading> _windowBatch = [];
    private readonly List<RaisedAlarm> _alarms = [];
    private GlucoseReading? _lastLive;
    private TransmitterClockMap? _clockMap;
    private DateTimeOffset? _backfilledThrough;
    private bool _inWindow;
    private long _windowsConnected;
    private long _windowsFailed;
    private long _windowsMissed;
    private long _authFailures;
    private long _liveReadings;
    private long _backfilledReadings;
    private long _backfillRequests;
    private long _stepRetries;
    private string? _lastWindowError;
    private bool _stopped;

    public TransmitterTrack(TransmitterSettings settings, AlertPolicy policy, DateTimeOffset startedAt, TimeProvider clock,
        LocalAlarmReporter reporter, IReadOnlyList<UploadQueue> uploads)
    {
        Settings = settings;
        StartedAt = startedAt;
        _clock = clock;
        _rules = new LocalAlarmRules(policy);
        _reporter = reporter;
        Uploads = uploads;
        _signalLoss = new NoDataWatch(clock, policy.NoDataAfter, OnSignalLost);
    }

    public TransmitterSettings Settings { get; }

    /// <summary>When the receiver started: nothing older is backfilled.</summary>
    public DateTimeOffset StartedAt { get; }

    public IReadOnlyList<UploadQueue> Uploads { get; }

    public DateTimeOffset? BackfilledThrough
    {
        get
        {
            lock (_gate)
                return _backfilledThrough;
        }
    }

    /// <summary>
    /// The receiver's view of when the transmitter was activated, refined by every TransmitterTimeRx. A frame can only
    /// be stamped late (after the transmitter read its clock), never early, so the earliest estimate is the best one;
    /// an estimate more than a minute away means another activation (a new transmitter) and replaces it.
    /// </summary>
    public TransmitterClockMap Calibrate(TransmitterClockMap observed)
    {
        lock (_gate)
        {
            if (_clockMap is null || observed.Activation < _clockMap.Activation
                || (observed.Activation - _clockMap.Activation).Duration() > TimeSpan.FromMinutes(1))
                _clockMap = observed;
            return _clockMap;
        }
    }

    public IReadOnlyList<DateTimeOffset> KnownSensorTimes()
    {
        lock (_gate)
            return [.. _readings.Keys];
    }

    public void WindowStarted()
    {
        lock (_gate)
            _inWindow = true;
    }

    /// <summary>A reading from this window's GlucoseRx.</summary>
    public void AcceptLive(GlucoseReading reading)
    {
        var now = _clock.GetUtcNow();
        IReadOnlyList<(AlertKind Kind, GlucoseReading Reading)> alarms;
        lock (_gate)
        {
            if (_stopped || !_readings.TryAdd(reading.SensorTime, reading))
                return;
            _liveReadings++;
            if (_lastLive is { } previous && reading.SensorTime > previous.SensorTime)
            {
                // Wake-ups between two live readings that brought nothing live: the missed windows.
                var slots = (int)Math.Round((reading.SensorTime - previous.SensorTime) / BackfillPlanner.ReadingInterval);
                _windowsMissed += Math.Max(0, slots - 1);
            }
            if (_lastLive is null || reading.SensorTime > _lastLive.SensorTime)
                _lastLive = reading;
            _windowBatch.Add(reading);
            alarms = Raise(_rules.Evaluate([reading], now));
        }
        _signalLoss.Observe(reading);
        Report(alarms);
    }

    /// <summary>
    /// Readings from this window's backfill; the ones already known are dropped, and so is history from before the
    /// phone began receiving (older than its start and its first reading). Returns how many were new.
    /// </summary>
    public int AcceptBackfill(IEnumerable<GlucoseReading> readings, DateTimeOffset windowTime)
    {
        var now = _clock.GetUtcNow();
        IReadOnlyList<(AlertKind Kind, GlucoseReading Reading)> alarms;
        var added = new List<GlucoseReading>();
        lock (_gate)
        {
            if (_stopped)
                return 0;
            _backfilledThrough = windowTime;
            var horizon = _readings.Count > 0 && _readings.First().Key < StartedAt ? _readings.First().Key : StartedAt;
            foreach (var reading in readings.Where(r => r.SensorTime >= horizon))
            {
                if (_readings.TryAdd(reading.SensorTime, reading))
                {
                    _backfilled.Add(reading.SensorTime);
                    added.Add(reading);
                }
            }
            _backfilledReadings += added.Count;
            _windowBatch.AddRange(added);
            alarms = Raise(_rules.Evaluate(added, now));
        }
        // A backfilled reading newer than any live one (the live GlucoseRx was lost) also proves the signal is back.
        if (added.Count > 0)
            _signalLoss.Observe(added.MaxBy(r => r.SensorTime)!);
        Report(alarms);
        return added.Count;
    }

    public void BackfillRequested()
    {
        lock (_gate)
            _backfillRequests++;
    }

    public void AuthFailed()
    {
        lock (_gate)
            _authFailures++;
    }

    public void StepRetried()
    {
        lock (_gate)
            _stepRetries++;
    }

    /// <summary>Closes the window: counts it and hands its new readings (time order) to every uploader.</summary>
    public void WindowEnded(bool completed, string? error)
    {
        List<GlucoseReading> batch;
        lock (_gate)
        {
            _inWindow = false;
            if (completed)
                _windowsConnected++;
            else
                _windowsFailed++;
            _lastWindowError = error;
            batch = [.. _windowBatch.OrderBy(r => r.SensorTime)];
            _windowBatch.Clear();
            Prune();
        }
        if (batch.Count == 0)
            return;
        foreach (var queue in Uploads)
            queue.Enqueue(batch);
    }

    public void Stop()
    {
        lock (_gate)
            _stopped = true;
        _signalLoss.Stop();
    }

    public TransmitterState State()
    {
        lock (_gate)
        {
            var newest = _readings.Count == 0 ? null : _readings.Last().Value;
            return new TransmitterState(
                Settings.Patient,
                Settings.LinkId,
                Settings.TransmitterId,
                _inWindow,
                _windowsConnected,
                _windowsFailed,
                _windowsMissed,
                _authFailures,
                _stepRetries,
                _lastWindowError,
                newest is null ? null : new ReadingState(newest.SensorTimeIso, newest.Mgdl, newest.Trend, _backfilled.Contains(newest.SensorTime)),
                _readings.Count,
                _liveReadings,
                _backfilledReadings,
                _backfillRequests,
                Uploads.ToDictionary(q => q.Vendor, q => q.State()),
                [.. _alarms]);
        }
    }

    private List<(AlertKind Kind, GlucoseReading Reading)> Raise(IReadOnlyList<(AlertKind Kind, GlucoseReading Reading)> alarms)
    {
        foreach (var (kind, reading) in alarms)
            _alarms.Add(new RaisedAlarm(kind.WireName(), reading.SensorTimeIso, GlucoseReading.FormatInstant(_clock.GetUtcNow())));
        return [.. alarms];
    }

    private void Report(IReadOnlyList<(AlertKind Kind, GlucoseReading Reading)> alarms)
    {
        foreach (var (kind, reading) in alarms)
            _reporter.Report(Settings.Patient, kind.WireName(), reading);
    }

    private void OnSignalLost(GlucoseReading newest)
    {
        lock (_gate)
        {
            if (_stopped)
                return;
            _alarms.Add(new RaisedAlarm(SignalLoss, newest.SensorTimeIso, GlucoseReading.FormatInstant(_clock.GetUtcNow())));
        }
        _reporter.Report(Settings.Patient, SignalLoss, newest);
    }

    /// <summary>The alert name of the phone's signal-loss alarm.</summary>
    public const string SignalLoss = "signal-loss";

    private void Prune()
    {
        if (_readings.Count == 0)
            return;
        var cutoff = _readings.Last().Key - KeepHistory;
        while (_readings.Count > 0 && _readings.First().Key < cutoff)
        {
            var oldest = _readings.First().Key;
            _readings.Remove(oldest);
            _backfilled.Remove(oldest);
        }
    }
}
