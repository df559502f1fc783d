using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Simulator.Ble.Framing;
using Simulator.Glucose;
using Simulator.Journal;
using Simulator.Time;

namespace Simulator.Ble.Link;

/// <summary>
/// The loopback BLE link (docs/ble-link.md): plays every patient's transmitter on the run's clock and carries the
/// framed GATT traffic to receivers under test over TCP (<see cref="TcpUrl"/>) and WebSocket (<see cref="WebSocketUrl"/>).
/// Every frame and every window outcome is journaled. A receiver that sends something malformed is told why (a
/// fault frame) and disconnected; the run goes on.
/// </summary>
public sealed class BleLinkServer : IAsyncDisposable
{
    private readonly TimeProvider _clock;
    private readonly RunJournal _journal;
    private readonly IReadOnlyDictionary<ushort, LinkRuntime> _links;
    private readonly IReadOnlyDictionary<string, LinkRuntime> _byPatient;
    private readonly ConcurrentDictionary<int, ReceiverConnection> _receivers = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TcpListener _tcp;
    private WebApplication? _web;
    private int _nextReceiver;

    private BleLinkServer(TimeProvider clock, DateTimeOffset origin, RunJournal journal, IReadOnlyList<BleLinkSpec> links)
    {
        _clock = clock;
        _journal = journal;
        var runtimes = links.Select(l => new LinkRuntime(l, origin, journal, () => _receivers.Values)).ToList();
        _links = runtimes.ToDictionary(l => l.Spec.LinkId);
        _byPatient = runtimes.ToDictionary(l => l.Spec.Patient, StringComparer.Ordinal);
        _tcp = new TcpListener(IPAddress.Loopback, 0);
    }

    /// <summary><c>tcp://127.0.0.1:PORT</c>: binary frames back to back.</summary>
    public Uri TcpUrl { get; private set; } = null!;

    /// <summary><c>ws://127.0.0.1:PORT/ble</c>: one frame per message, binary or JSON text.</summary>
    public Uri WebSocketUrl { get; private set; } = null!;

    public IReadOnlyList<BleLinkSpec> Links => [.. _links.Values.Select(l => l.Spec).OrderBy(s => s.LinkId)];

    /// <summary>Receivers attached right now.</summary>
    public int ReceiverCount => _receivers.Count;

    /// <summary>
    /// Starts both listeners and every transmitter's wake schedule; windows open from the clock's virtual epoch
    /// (the run start) + each link's phase.
    /// </summary>
    public static Task<BleLinkServer> StartAsync(VirtualClock clock, RunJournal journal, IReadOnlyList<BleLinkSpec> links, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return StartAsync(clock, clock.VirtualEpoch, journal, links, ct);
    }

    /// <summary>As above with any clock; window k of a link opens at <paramref name="origin"/> + phase + k × 300 s.</summary>
    public static async Task<BleLinkServer> StartAsync(TimeProvider clock, DateTimeOffset origin, RunJournal journal, IReadOnlyList<BleLinkSpec> links, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(links);
        foreach (var link in links)
            link.Validate();
        if (links.Select(l => l.LinkId).Distinct().Count() != links.Count)
            throw new ArgumentException("Two BLE links share a link id; give each patient its own, from 1.", nameof(links));
        if (links.Select(l => l.Patient).Distinct(StringComparer.Ordinal).Count() != links.Count)
            throw new ArgumentException("Two BLE links play the same patient; a patient has one transmitter.", nameof(links));

        var server = new BleLinkServer(clock, origin, journal, links);
        try
        {
            await server.ListenAsync(ct);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>The sensor of <paramref name="reading"/>'s patient measured it; call when its SensorTime arrives (or earlier).</summary>
    public void Measure(Reading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (!_byPatient.TryGetValue(reading.Patient, out var link))
            throw new ArgumentException($"Patient '{reading.Patient}' has no BLE link in this run.", nameof(reading));
        link.Measure(reading);
    }

    /// <summary>Whether <paramref name="patient"/> has a transmitter on this server.</summary>
    public bool Serves(string patient) => _byPatient.ContainsKey(patient);

    private async Task ListenAsync(CancellationToken ct)
    {
        _tcp.Start();
        TcpUrl = new Uri($"tcp://127.0.0.1:{((IPEndPoint)_tcp.LocalEndpoint).Port}");
        Track(AcceptTcpAsync(_stop.Token));

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _web = builder.Build();
        _web.UseWebSockets();
        _web.Map("/ble", branch => branch.Run(ServeWebSocketAsync));
        await _web.StartAsync(ct);
        var address = _web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        WebSocketUrl = new Uri($"ws://127.0.0.1:{port}/ble");

        foreach (var link in _links.Values)
            Track(RunScheduleAsync(link, _stop.Token));
    }

    private async Task AcceptTcpAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _tcp.AcceptTcpClientAsync(ct);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            client.NoDelay = true;
            Track(ServeAsync(new TcpReceiverConnection(Interlocked.Increment(ref _nextReceiver), client), ct));
        }
    }

    private async Task ServeWebSocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("This endpoint speaks WebSocket only: connect to ws://127.0.0.1:PORT/ble (docs/ble-link.md).", context.RequestAborted);
            return;
        }

        var json = string.Equals(context.Request.Query["format"], "json", StringComparison.OrdinalIgnoreCase);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var both = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token, context.RequestAborted);
        await ServeAsync(new WebSocketReceiverConnection(Interlocked.Increment(ref _nextReceiver), socket, json), both.Token);
    }

    private async Task ServeAsync(ReceiverConnection receiver, CancellationToken ct)
    {
        _receivers[receiver.Id] = receiver;
        _journal.Append(new BleReceiverChanged { At = _clock.GetUtcNow(), Receiver = receiver.Id, Transport = receiver.Transport, Change = "connected" });
        try
        {
            await receiver.RunAsync(frame => OnFrame(receiver, frame), reason => Reject(receiver, reason), ct);
        }
        finally
        {
            _receivers.TryRemove(receiver.Id, out _);
            foreach (var link in _links.Values)
                link.ReceiverGone(receiver);
            _journal.Append(new BleReceiverChanged
            {
                At = _clock.GetUtcNow(),
                Receiver = receiver.Id,
                Transport = receiver.Transport,
                Change = receiver.Rejection is null ? "closed" : "rejected",
                Reason = receiver.Rejection,
            });
        }
    }

    /// <summary>Routes a receiver's frame to its link; returns why the frame is unacceptable, or null.</summary>
    private string? OnFrame(ReceiverConnection receiver, BleFrame frame)
    {
        if (ReceiverFrameRules.Check(frame, _links.Keys) is { } problem)
            return problem;
        _links[frame.LinkId].Handle(receiver, frame, _clock.GetUtcNow());
        return null;
    }

    /// <summary>Journals the problem, sends it to the receiver as a fault frame (link 0, synthetic), then closes.</summary>
    private void Reject(ReceiverConnection receiver, string reason)
    {
        var now = _clock.GetUtcNow();
        var notice = new BleFrame(BleFrameEvent.FaultMarker, BleFrameDirection.PeripheralToCentral, BleFrameFlags.Synthetic, BleFrame.ToUnixMicroseconds(now), 0, Guid.Empty, Guid.Empty, Encoding.UTF8.GetBytes(reason));
        _journal.Append(FrameSummary.Describe(notice, now, TransmitterGeneration.G6, receiver.Id, note: $"receiver {receiver.Id} rejected"));
        receiver.Reject(reason, notice);
    }

    private async Task RunScheduleAsync(LinkRuntime link, CancellationToken ct)
    {
        try
        {
            for (var window = link.Schedule.FirstWindowOpenAfter(_clock.GetUtcNow()); !ct.IsCancellationRequested; window++)
            {
                await WaitUntilAsync(link.Schedule.Opens(window), ct);
                link.OpenWindow(window, _clock.GetUtcNow());
                await WaitUntilAsync(link.Schedule.Closes(window), ct);
                link.CloseWindow(window, _clock.GetUtcNow());
            }
        }
        catch (OperationCanceledException)
        {
            // the run is over
        }
    }

    /// <summary>Waits on the run's clock (scaled by its speed); loops because a scaled timer may fire a hair early.</summary>
    private async Task WaitUntilAsync(DateTimeOffset at, CancellationToken ct)
    {
        TimeSpan wait;
        while ((wait = at - _clock.GetUtcNow()) > TimeSpan.Zero)
            await Task.Delay(wait, _clock, ct);
    }

    private void Track(Task task)
    {
        _running[task] = 0;
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _tcp.Stop();
        if (_web is not null)
        {
            await _web.StopAsync();
            await _web.DisposeAsync();
        }

        try
        {
            await Task.WhenAll(_running.Keys);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
