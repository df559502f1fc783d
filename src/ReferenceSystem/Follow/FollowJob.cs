using ReferenceSystem.Alerts;
using ReferenceSystem.Clock;
using ReferenceSystem.Profiles;
using ReferenceSystem.Readings;
using ReferenceSystem.Vendors;

namespace ReferenceSystem.Follow;

internal sealed record FollowJobState(
    string Status,
    string Profile,
    string Now,
    double ClockSpeed,
    long PushesSent,
    long PushesFailed,
    long PushAttempts,
    IReadOnlyList<PatientState> Patients);

/// <summary>
/// One POST /api/follow: a follower per patient (naive or resilient), a clock, and the push dispatcher.
/// </summary>
internal sealed class FollowJob : IDisposable
{
    /// <summary>How long (real time, in all) stopping waits for loops and in-flight pushes before cancelling them.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    private readonly FollowSettings _settings;
    private readonly TimeProvider _clock;
    private readonly TimeProvider _real;
    private readonly CancellationTokenSource _polling = new();
    private readonly CancellationTokenSource _hardStop = new();
    private readonly PushDispatcher _push;
    private readonly FcmClient _fcm;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<PatientFollower> _followers;
    private readonly IReadOnlyList<IngestLedger> _ledgers;
    private Task _running = Task.CompletedTask;
    private bool _stopped;

    public FollowJob(FollowSettings settings, TimeProvider clock, TimeProvider real, IHttpClientFactory http, ILogger logger)
    {
        _settings = settings;
        _clock = clock;
        _real = real;
        _fcm = new FcmClient(http.CreateClient(VendorHttp.Fcm), settings.Fcm, clock);
        _push = new PushDispatcher(_fcm, clock, _hardStop.Token);
        _logger = logger;
        _ledgers = [.. settings.Patients.Select(_ => new IngestLedger())];
        _followers = settings.Patients.Select((patient, index) =>
        {
            var context = new FollowerContext(
                index,
                patient,
                settings.Policy,
                settings.Seed,
                clock,
                _push,
                new DexcomShareClient(http.CreateClient(VendorHttp.Share), patient.Share),
                patient.Nightscout is { } site ? new NightscoutClient(http.CreateClient(VendorHttp.Nightscout), site) : null,
                logger,
                _ledgers[index]);
            return settings.Profile == FollowProfile.Naive
                ? (PatientFollower)new NaiveFollower(context)
                : new ResilientFollower(context);
        }).ToList();
    }

    public int PatientCount => _followers.Count;

    public void Start()
    {
        var token = _polling.Token;
        _running = Task.Run(async () =>
        {
            await ValidatePushTargetsAsync(token);
            await Task.WhenAll(_followers.Select(f => Task.Run(() => f.RunAsync(token), CancellationToken.None)));
        }, CancellationToken.None);
    }

    /// <summary>
    /// Checks every follower's push token once (FCM <c>validate_only</c>: nothing is delivered) before polling
    /// starts. A rejected token is logged, not fatal: following must not wait on the push provider. Checked a few at a
    /// time: one after the other, 2,000 followers kept polling waiting for half a minute of real time.
    /// </summary>
    private async Task ValidatePushTargetsAsync(CancellationToken ct)
    {
        var targets = _settings.Patients.SelectMany(patient => patient.Followers.Select(follower => (patient, follower)));
        try
        {
            await Parallel.ForEachAsync(targets, new ParallelOptions { MaxDegreeOfParallelism = ValidationConcurrency, CancellationToken = ct },
                async (target, token) =>
                {
                    var probe = new PushMessage(target.patient.Id, target.follower, AlertKind.NoData, new GlucoseReading(_clock.GetUtcNow(), 100, "validation"));
                    var outcome = await _fcm.ValidateAsync(probe, token);
                    if (!outcome.Delivered && _logger.IsEnabled(LogLevel.Warning))
                        _logger.LogWarning("Push token of follower {Follower} was not accepted: {Error}", target.follower.Id, outcome.Error);
                });
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>Push-token checks in flight at once when following starts.</summary>
    private const int ValidationConcurrency = 16;

    /// <summary>Stops polling and timers, then waits (bounded) for in-flight pushes. Returns pushes sent.</summary>
    public async Task<long> StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _polling.CancelAsync();
            foreach (var follower in _followers)
                follower.Stop();
            var started = _real.GetTimestamp();
            try
            {
                await _running.WaitAsync(StopGrace, _real);
                _push.Close();
                var left = StopGrace - _real.GetElapsedTime(started);
                await _push.DrainAsync().WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, _real);
            }
            catch (TimeoutException)
            {
                _push.Close();
                await _hardStop.CancelAsync();
            }
        }
        return _push.Sent;
    }

    public void Dispose()
    {
        _polling.Dispose();
        _hardStop.Dispose();
    }

    /// <summary>Every reading each follower was given and what it did with it (see <see cref="IngestLedger"/>).</summary>
    public IngestReport Ingest() => new(
        _stopped ? "stopped" : "following",
        ProfileName,
        [.. _settings.Patients.Select((patient, index) => _ledgers[index].Snapshot(patient.Id))]);

    private string ProfileName => _settings.Profile == FollowProfile.Naive ? "naive" : "resilient";

    public FollowJobState State() => new(
        _stopped ? "stopped" : "following",
        ProfileName,
        GlucoseReading.FormatInstant(_clock.GetUtcNow()),
        _clock is HarnessClock harness ? harness.Speed : 1,
        _push.Sent,
        _push.Failed,
        _push.Attempts,
        _followers.Select(f => f.Status.Snapshot()).ToList());
}
