using ReferenceSystem.Clock;
using ReferenceSystem.Profiles;
using ReferenceSystem.Readings;
using ReferenceSystem.Vendors;
using Simulator.Ble.Framing;

namespace ReferenceSystem.Receiver;

/// <summary>
/// One POST /api/receiver: the BLE link, a <see cref="G6Session"/> and a <see cref="TransmitterTrack"/> per
/// transmitter, and per transmitter an upload queue for each vendor it was given. Everything runs on the harness clock.
/// </summary>
internal sealed class ReceiverJob : IDisposable
{
    /// <summary>How long (real time) stopping waits for the loops before giving up on them.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    private readonly ReceiverSettings _settings;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _running = new();
    private readonly BleLinkClient _link;
    private readonly Dictionary<ushort, G6Session> _sessions = [];
    private readonly List<TransmitterTrack> _tracks = [];
    private Task _loops = Task.CompletedTask;
    private bool _stopped;

    public ReceiverJob(ReceiverSettings settings, TimeProvider clock, IHttpClientFactory http, ILogger logger)
    {
        _settings = settings;
        _clock = clock;
        // A phone app already running when the rehearsal starts collects from then on, not from when it was told.
        var now = clock.GetUtcNow();
        var startedAt = settings.Since is { } since && since < now ? since : now;
        var reporter = new LocalAlarmReporter(http.CreateClient(ReceiverServices.LocalAlarmsHttpClient), settings.LocalAlarms, clock, logger, _running.Token);
        _link = new BleLinkClient(settings.Link, clock, Dispatch, OnLinkLost, logger);
        for (var i = 0; i < settings.Transmitters.Count; i++)
        {
            var transmitter = settings.Transmitters[i];
            var uploads = new List<UploadQueue>();
            if (transmitter.Share is { } account)
            {
                var share = new ShareUploader(new DexcomShareClient(http.CreateClient(VendorHttp.Share), account), transmitter.TransmitterId);
                uploads.Add(new UploadQueue(ReadingSources.DexcomShare, share.UploadAsync, clock,
                    new Random(ExponentialBackoff.StreamSeed(transmitter.LinkId, i, 0)), logger));
            }
            if (transmitter.Nightscout is { } site)
            {
                var nightscout = new NightscoutUploader(new NightscoutClient(http.CreateClient(VendorHttp.Nightscout), site));
                uploads.Add(new UploadQueue(ReadingSources.Nightscout, nightscout.UploadAsync, clock,
                    new Random(ExponentialBackoff.StreamSeed(transmitter.LinkId, i, 1)), logger));
            }
            var track = new TransmitterTrack(transmitter, settings.Policy, startedAt, clock, reporter, uploads);
            _tracks.Add(track);
            _sessions[transmitter.LinkId] = new G6Session(track, _link.SendAsync, clock, logger);
        }
    }

    public int TransmitterCount => _tracks.Count;

    public void Start()
    {
        var ct = _running.Token;
        var loops = new List<Task> { Task.Run(() => _link.RunAsync(ct), CancellationToken.None) };
        loops.AddRange(_sessions.Values.Select(s => Task.Run(() => s.RunAsync(ct), CancellationToken.None)));
        loops.AddRange(_tracks.SelectMany(t => t.Uploads).Select(q => Task.Run(() => q.RunAsync(ct), CancellationToken.None)));
        _loops = Task.WhenAll(loops);
    }

    public async Task StopAsync()
    {
        if (_stopped)
            return;
        _stopped = true;
        foreach (var track in _tracks)
            track.Stop();
        await _running.CancelAsync();
        try
        {
            await _loops.WaitAsync(StopGrace);
        }
        catch (TimeoutException)
        {
        }
    }

    public ReceiverJobState State() => new(
        _stopped ? "stopped" : "receiving",
        GlucoseReading.FormatInstant(_clock.GetUtcNow()),
        _clock is HarnessClock harness ? harness.Speed : 1,
        new LinkState($"tcp://{_settings.Link}", _link.Connected, _link.Connects, _link.FramesIn, _link.FramesOut),
        _tracks.Select(t => t.State()).ToList());

    /// <summary>Routes a frame from the harness to its transmitter's session; frames of other link ids are ignored.</summary>
    private void Dispatch(BleFrame frame)
    {
        if (frame.Direction == BleFrameDirection.PeripheralToCentral && _sessions.TryGetValue(frame.LinkId, out var session))
            session.Post(frame);
    }

    private void OnLinkLost()
    {
        foreach (var session in _sessions.Values)
            session.LinkLost();
    }

    public void Dispose()
    {
        _running.Dispose();
        _link.Dispose();
    }
}
