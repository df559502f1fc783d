using ReferenceSystem.Alerts;
using ReferenceSystem.Clock;
using ReferenceSystem.Readings;
using ReferenceSystem.Vendors;

namespace ReferenceSystem.Profiles;

/// <summary>
/// The <c>resilient</c> profile: what a follower service should have done in Nov 2019.
/// <list type="bullet">
/// <item>Sources: Dexcom Share (primary) and Nightscout (secondary, when configured). Readings from both are merged by
///   sensor time; the same sensor time is the same reading and the first copy is kept.</item>
/// <item>Smart schedule: the next Share poll is at newest Share sensor time + 5 min + 15 s grace when that is still
///   ahead; once the next reading is overdue, after half the time it is overdue (30 s to 5 min); it reads <c>minutes=min(1440, gap)</c>, <c>maxCount=288</c>.</item>
/// <item>Backfill: a vendor recovering from a backlog may release old readings after newer ones (a shuffled drain, or
///   live uploads overtaking the queue). So while its history has a hole inside Share's 24-hour window (two readings
///   more than 7.5 min apart, or nothing before the first reading when Share had answered "nothing in 24 h"), every
///   Share read reaches back to the oldest hole, until it is filled or ages out of the window. A history without
///   holes keeps reading only the gap.</item>
/// <item>Failures: exponential backoff with full jitter (base 20 s, cap 5 min virtual, seeded by the run's seed). A
///   <c>SessionIdNotFound</c>/<c>SessionNotValid</c> answer drops the session and logs in again at once (one retry).
///   Every vendor call also has a virtual-time budget so a hanging vendor counts as a failure.</item>
/// <item>Failover: while Share fails, or its newest reading is older than 7 virtual minutes, Nightscout is polled too
///   (same smart schedule, its own backoff). Once Share answers with fresh data again, Nightscout polling stops.</item>
/// <item>Alerts: one push per episode per alert type (an episode is consecutive in-range readings and ends at the first
///   reading out of range). Readings already older than 15 virtual minutes when they arrive only update state: a
///   backlog flush causes no alert storm, and the fresh reading after it still alerts if it is in range.</item>
/// <item>No-data: <see cref="NoDataWatch"/> at newest Share reading + noDataMinutes sends one <c>no-data</c> push per
///   follower (source <c>dexcom-share</c>), once per gap, at that virtual instant.</item>
/// <item>Pushes: up to 3 retries on 5xx/429/transport errors with backoff.</item>
/// </list>
/// </summary>
internal sealed class ResilientFollower : PatientFollower
{
    public static readonly TimeSpan ReadingInterval = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan PollGrace = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan OverdueRetryMin = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan ShareStaleAfter = TimeSpan.FromMinutes(7);
    public static readonly TimeSpan AlertMaxAge = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan BackoffBase = TimeSpan.FromSeconds(20);
    public static readonly TimeSpan BackoffCap = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan CallBudget = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan CallBudgetRealFloor = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan KeepHistory = TimeSpan.FromHours(25);
    /// <summary>Readings further apart than this leave a hole that late readings may still fill.</summary>
    public static readonly TimeSpan GapTolerance = TimeSpan.FromMinutes(7.5);
    public const int MaxReadMinutes = 1440;
    public const int MaxCount = 288;

    private readonly TimeProvider _clock;
    private readonly TimeSpan _callBudget;
    private readonly Lock _gate = new();
    private readonly SortedDictionary<DateTimeOffset, GlucoseReading> _readings = [];
    private readonly Dictionary<AlertKind, Episode> _episodes = AlertKinds.GlucoseAlerts.ToDictionary(k => k, _ => new Episode());
    private readonly NoDataWatch _noData;
    private readonly AsyncSignal _shareChanged = new();
    private DateTimeOffset? _newestProcessed;
    // Sensor time from which readings may still arrive late (the oldest hole in the history), or null when there is none.
    private DateTimeOffset? _backfillFrom;
    // Since when data may be missing ahead of the oldest reading in the window (a jump, or Share had answered "nothing").
    private DateTimeOffset? _missingSince;
    // When Share first answered "nothing in the last 24 h" while the history was empty.
    private DateTimeOffset? _firstEmptyShareRead;
    private GlucoseReading? _newestShare;
    private bool _shareAnswered;
    private bool _shareFailing;
    private bool _stopped;
    private string? _shareSession;

    public ResilientFollower(FollowerContext context) : base(context)
    {
        _clock = context.Clock;
        _noData = new NoDataWatch(_clock, context.Policy.NoDataAfter, OnShareSilent);
        // The budget is virtual time, but never less than 2 s of real time so that real network latency at high
        // speeds is not mistaken for a hang.
        var speed = _clock is HarnessClock harness ? harness.Speed : 1;
        var floor = TimeSpan.FromTicks((long)(CallBudgetRealFloor.Ticks * speed));
        _callBudget = floor > CallBudget ? floor : CallBudget;
    }

    public override Task RunAsync(CancellationToken ct) =>
        Task.WhenAll(
            RunShareLoopAsync(ct),
            Context.Nightscout is { } nightscout ? RunNightscoutLoopAsync(nightscout, ct) : Task.CompletedTask);

    public override void Stop()
    {
        lock (_gate)
            _stopped = true;
        _noData.Stop();
    }

    // ---- Dexcom Share (primary) ----

    private async Task RunShareLoopAsync(CancellationToken ct)
    {
        var backoff = new ExponentialBackoff(BackoffBase, BackoffCap,
            new Random(ExponentialBackoff.StreamSeed(Context.Seed, Context.PatientIndex, 0)));
        Status.SetPolling(ReadingSources.DexcomShare, true);
        try
        {
            while (true)
            {
                TimeSpan delay;
                try
                {
                    var readings = await ReadShareAsync(ShareReadMinutes(), ct);
                    lock (_gate)
                    {
                        _shareAnswered = true;
                        _shareFailing = false;
                    }
                    Status.PollSucceeded(ReadingSources.DexcomShare, _clock.GetUtcNow(), readings);
                    Ingest(readings, primary: true);
                    backoff.Reset();
                    delay = SmartDelay(NewestShareTime());
                }
                catch (SourceException ex)
                {
                    lock (_gate)
                    {
                        _shareAnswered = true;
                        _shareFailing = true;
                    }
                    Status.PollFailed(ReadingSources.DexcomShare, _clock.GetUtcNow(), ex.Message);
                    if (Context.Logger.IsEnabled(LogLevel.Information))
                        Context.Logger.LogInformation("resilient: Share poll for {Patient} failed: {Error}", Context.Patient.Id, ex.Message);
                    delay = backoff.NextDelay();
                }
                _shareChanged.Pulse();
                await Task.Delay(delay, _clock, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            Status.SetPolling(ReadingSources.DexcomShare, false);
        }
    }

    /// <summary>Login when needed, then read; on a session error log in again at once and retry once.</summary>
    private async Task<IReadOnlyList<GlucoseReading>> ReadShareAsync(int minutes, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            _shareSession ??= await WithBudgetAsync(Context.Share.LoginAsync, ct);
            var session = _shareSession;
            try
            {
                return await WithBudgetAsync(t => Context.Share.ReadAsync(session, minutes, MaxCount, t), ct);
            }
            catch (ShareSessionExpiredException)
            {
                _shareSession = null;
                if (attempt > 0)
                    throw;
            }
        }
    }

    private int ShareReadMinutes()
    {
        var now = _clock.GetUtcNow();
        DateTimeOffset? newest, backfillFrom;
        lock (_gate)
        {
            UpdateBackfill(now);
            newest = _newestShare?.SensorTime;
            backfillFrom = _backfillFrom;
        }
        if (newest is null)
            return MaxReadMinutes;
        var oldestWanted = backfillFrom is { } hole && hole < newest.Value ? hole : newest.Value;
        var gap = now - oldestWanted;
        return (int)Math.Clamp(Math.Ceiling(gap.TotalMinutes) + 5, 5, MaxReadMinutes);
    }

    private DateTimeOffset? NewestShareTime()
    {
        lock (_gate)
            return _newestShare?.SensorTime;
    }

    /// <summary>
    /// The next reading is due 5 min after the newest one: ask 15 s after that. When it is already overdue (uploads
    /// run late, or the poll beat the upload), ask again after half the time it is overdue, between 30 s and 5 min:
    /// quick to catch a reading that is a little late, gentle on a vendor that has been silent for hours.
    /// </summary>
    private TimeSpan SmartDelay(DateTimeOffset? newest)
    {
        if (newest is not { } sensorTime)
            return ReadingInterval;
        var due = sensorTime + ReadingInterval;
        var now = _clock.GetUtcNow();
        var untilNext = due + PollGrace - now;
        if (untilNext > TimeSpan.Zero)
            return untilNext < ReadingInterval + PollGrace ? untilNext : ReadingInterval + PollGrace;
        var overdueRetry = (now - due) / 2;
        return overdueRetry < OverdueRetryMin ? OverdueRetryMin : overdueRetry > ReadingInterval ? ReadingInterval : overdueRetry;
    }

    // ---- Nightscout (secondary, failover only) ----

    private async Task RunNightscoutLoopAsync(NightscoutClient nightscout, CancellationToken ct)
    {
        var backoff = new ExponentialBackoff(BackoffBase, BackoffCap,
            new Random(ExponentialBackoff.StreamSeed(Context.Seed, Context.PatientIndex, 1)));
        try
        {
            while (true)
            {
                var pulse = _shareChanged.NextPulse;
                var (needed, recheckIn) = FailoverNeeded();
                if (!needed)
                {
                    // Share is healthy and fresh: stay idle until Share's state changes or its data turns stale.
                    Status.SetPolling(ReadingSources.Nightscout, false);
                    backoff.Reset();
                    using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    await Task.WhenAny(pulse, Task.Delay(recheckIn ?? Timeout.InfiniteTimeSpan, _clock, idle.Token));
                    await idle.CancelAsync();
                    ct.ThrowIfCancellationRequested();
                    continue;
                }

                Status.SetPolling(ReadingSources.Nightscout, true);
                TimeSpan delay;
                try
                {
                    var after = NewestMergedTime() ?? _clock.GetUtcNow() - TimeSpan.FromMinutes(MaxReadMinutes);
                    var readings = await WithBudgetAsync(t => nightscout.ReadAsync(after, MaxCount, t), ct);
                    Status.PollSucceeded(ReadingSources.Nightscout, _clock.GetUtcNow(), readings);
                    Ingest(readings, primary: false);
                    backoff.Reset();
                    delay = SmartDelay(NewestMergedTime());
                }
                catch (SourceException ex)
                {
                    Status.PollFailed(ReadingSources.Nightscout, _clock.GetUtcNow(), ex.Message);
                    if (Context.Logger.IsEnabled(LogLevel.Information))
                        Context.Logger.LogInformation("resilient: Nightscout poll for {Patient} failed: {Error}", Context.Patient.Id, ex.Message);
                    delay = backoff.NextDelay();
                }
                await Task.Delay(delay, _clock, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            Status.SetPolling(ReadingSources.Nightscout, false);
        }
    }

    /// <summary>Nightscout is needed while Share fails or Share's newest reading is older than 7 minutes.</summary>
    private (bool Needed, TimeSpan? RecheckIn) FailoverNeeded()
    {
        lock (_gate)
        {
            if (!_shareAnswered)
                return (false, null); // wait for Share's first answer
            if (_shareFailing || _newestShare is null)
                return (true, null);
            var untilStale = _newestShare.SensorTime + ShareStaleAfter - _clock.GetUtcNow();
            return untilStale > TimeSpan.Zero ? (false, untilStale) : (true, null);
        }
    }

    private DateTimeOffset? NewestMergedTime()
    {
        lock (_gate)
            return _newestProcessed;
    }

    // ---- Merge, alerts, no-data ----

    private void Ingest(IReadOnlyList<GlucoseReading> batch, bool primary)
    {
        var pushes = new List<PushMessage>();
        GlucoseReading? newestShare = null;
        lock (_gate)
        {
            if (_stopped)
                return;
            var now = _clock.GetUtcNow();
            Context.Ingest.Received(batch);
            var previousNewest = _newestProcessed;
            var added = new List<GlucoseReading>();
            foreach (var reading in batch)
            {
                if (_readings.TryAdd(reading.SensorTime, reading)) // same sensor time = same reading: keep the first
                {
                    added.Add(reading);
                    Context.Ingest.Kept(reading);
                }
            }
            if (primary && batch.Count == 0 && _readings.Count == 0)
                _firstEmptyShareRead ??= now;

            if (primary && batch.Count > 0)
            {
                var newest = batch.MaxBy(r => r.SensorTime)!;
                if (_newestShare is null || newest.SensorTime > _newestShare.SensorTime)
                    _newestShare = newest;
            }
            newestShare = _newestShare;

            // Only readings newer than the newest already processed move the episodes on; late back-fill of older
            // gaps is stored silently.
            foreach (var reading in added.Where(r => _newestProcessed is null || r.SensorTime > _newestProcessed).OrderBy(r => r.SensorTime))
            {
                _newestProcessed = reading.SensorTime;
                Status.Observe(reading);
                var fresh = now - reading.SensorTime <= AlertMaxAge;
                foreach (var kind in AlertKinds.GlucoseAlerts)
                {
                    var episode = _episodes[kind];
                    if (!Context.Policy.IsActive(kind, reading.Mgdl))
                    {
                        episode.Alerted = false; // out of range: the episode is over
                        continue;
                    }
                    if (episode.Alerted || !fresh)
                        continue; // already told the followers, or too old to be news
                    episode.Alerted = true;
                    Context.Ingest.Alerted(reading, kind);
                    pushes.AddRange(ToEveryFollower(kind, reading));
                }
            }

            NoteHoles(previousNewest, now);
            Prune();
        }

        if (primary && newestShare is not null)
            _noData.Observe(newestShare);
        foreach (var message in pushes)
            _ = PushAsync(message, PushRetryPolicy.Resilient);
    }

    /// <summary>
    /// Notes where data may be missing before the oldest reading in the window: after a jump past the previous newest
    /// reading, from that reading; when data appears after Share said it had nothing for 24 h, from 24 h before that
    /// answer. Then re-checks the history. Called under the gate.
    /// </summary>
    private void NoteHoles(DateTimeOffset? previousNewest, DateTimeOffset now)
    {
        if (_newestProcessed is { } newest)
        {
            DateTimeOffset? missingFrom = previousNewest is { } before
                ? (newest - before > GapTolerance ? before : null)
                : _firstEmptyShareRead - TimeSpan.FromMinutes(MaxReadMinutes);
            if (missingFrom is { } from && (_missingSince is null || from < _missingSince))
                _missingSince = from;
        }
        UpdateBackfill(now);
    }

    /// <summary>
    /// Sets <see cref="_backfillFrom"/> to the oldest hole inside Share's read window: the reading before the first gap
    /// over <see cref="GapTolerance"/> (counting from where data was noted missing, when that is before the first
    /// reading in the window); null when there is none. Called under the gate.
    /// </summary>
    private void UpdateBackfill(DateTimeOffset now)
    {
        _backfillFrom = null;
        var windowStart = now - TimeSpan.FromMinutes(MaxReadMinutes);
        DateTimeOffset? mark = _missingSince is { } m ? (m < windowStart ? windowStart : m) : null;
        DateTimeOffset? previous = null;
        foreach (var sensorTime in _readings.Keys)
        {
            if (sensorTime < windowStart)
                continue;
            previous ??= mark is { } k && k < sensorTime ? k : sensorTime;
            if (sensorTime - previous.Value > GapTolerance)
            {
                _backfillFrom = previous;
                return;
            }
            previous = sensorTime;
        }
    }

    private void Prune()
    {
        if (_newestProcessed is not { } newest)
            return;
        var cutoff = newest - KeepHistory;
        while (_readings.Count > 0 && _readings.First().Key < cutoff)
            _readings.Remove(_readings.First().Key);
    }

    private void OnShareSilent(GlucoseReading newestShare)
    {
        lock (_gate)
        {
            if (_stopped)
                return;
        }
        if (Context.Logger.IsEnabled(LogLevel.Information))
            Context.Logger.LogInformation("resilient: no Share data for {Patient} since {SensorTime}", Context.Patient.Id, newestShare.SensorTimeIso);
        Context.Ingest.Alerted(newestShare, AlertKind.NoData);
        foreach (var message in ToEveryFollower(AlertKind.NoData, newestShare))
            _ = PushAsync(message, PushRetryPolicy.Resilient);
    }

    private async Task<T> WithBudgetAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        using var budget = new CancellationTokenSource(_callBudget, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, budget.Token);
        try
        {
            return await call(linked.Token);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new SourceException("no answer within the call budget", ex);
        }
    }

    private sealed class Episode
    {
        /// <summary>The followers were told about the current episode.</summary>
        public bool Alerted { get; set; }
    }
}
