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
    private readonly IReadOnlyList<PatientFollower> _followers;
    private Task _running = Task.CompletedTask;
    private bool _stopped;

    public FollowJob(FollowSettings settings, TimeProvider clock, TimeProvider real, IHttpClientFactory http, ILogger logger)
    {
        _settings = settings;
        _clock = clock;
        _real = real;
        var fcm = new FcmClient(http.CreateClient(VendorHttp.Fcm), settings.Fcm, clock);
        _push = new PushDispatcher(fcm, clock, _hardStop.Token);
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
                logger);
            return settings.Profile == FollowProfile.Naive
                ? (PatientFollower)new NaiveFollower(context)
                : new ResilientFollower(context);
        }).ToList();
    }

    public int PatientCount => _followers.Count;

    public void Start()
    {
        var token = _polling.Token;
        _running = Task.WhenAll(_followers.Select(f => Task.Run(() => f.RunAsync(token), CancellationToken.None)));
    }

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

    public FollowJobState State() => new(
        _stopped ? "stopped" : "following",
        _settings.Profile == FollowProfile.Naive ? "naive" : "resilient",
        GlucoseReading.FormatInstant(_clock.GetUtcNow()),
        _clock is HarnessClock harness ? harness.Speed : 1,
        _push.Sent,
        _push.Failed,
        _push.Attempts,
        _followers.Select(f => f.Status.Snapshot()).ToList());
}
