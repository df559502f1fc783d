using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using ReferenceSystem.Receiver;
using Simulator.Ble;
using Simulator.Ble.Dexcom;
using Simulator.Ble.Dexcom.Common;
using Simulator.Ble.Dexcom.G6;
using Simulator.Ble.Dexcom.G6.Backfill;
using Simulator.Ble.Framing;
using Simulator.Ble.Messages;

namespace ReferenceSystem.Tests.Support;

/// <summary>
/// A minimal harness-side G6 transmitter on a loopback TCP listener, speaking docs/ble-link.md with the src/Ble codecs.
/// It holds a reading every 5 minutes from <see cref="FirstReading"/> (and 24 h before it) and opens a window only when
/// the test calls <see cref="WindowAsync"/>; the window lasts until the receiver writes DisconnectTx (or 10 s of real
/// time pass), so the test, not the machine's speed, decides which windows happen. Responses are written in two
/// pieces with a flush in between, so the receiver must reassemble split frames.
/// </summary>
internal sealed class FakeTransmitter : IAsyncDisposable
{
    public const string Id = "8G1234";
    public const ushort LinkId = 1;
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan WindowLimit = TimeSpan.FromSeconds(10);

    private readonly TestClock _clock;
    private readonly Func<int, int> _glucose;
    private readonly string _keyId;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly Task _acceptLoop;
    private NetworkStream? _client;
    private TaskCompletionSource<string>? _window;
    private byte[]? _challenge;
    private uint _sequence;

    /// <param name="glucose">mg/dL of reading k (at FirstReading + k × 5 min; k is negative for history).</param>
    /// <param name="keyId">The id whose key the transmitter hashes with; another id than <see cref="Id"/> plays an impostor.</param>
    public FakeTransmitter(TestClock clock, Func<int, int> glucose, string keyId = Id)
    {
        _clock = clock;
        _glucose = glucose;
        _keyId = keyId;
        StartSchedule();
        Activation = FirstReading - TimeSpan.FromDays(3);
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Sensor time of reading 0 (whole seconds); reading k is at FirstReading + k × 5 min.</summary>
    public DateTimeOffset FirstReading { get; private set; }

    /// <summary>
    /// Makes "now" (to the whole second) reading 0, so that a test's schedule starts when the receiver is up rather
    /// than when the fixture was built (at 300x one real second of start-up is already 5 virtual minutes).
    /// </summary>
    public void StartSchedule()
    {
        var now = _clock.Now;
        FirstReading = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    public DateTimeOffset Activation { get; }

    public string Link => $"tcp://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public int Connections;
    public int AuthSucceeded;
    public int AuthFailed;

    public ConcurrentQueue<(DateTimeOffset Start, DateTimeOffset End)> BackfillRequests { get; } = new();

    public DateTimeOffset ReadingTime(int k) => FirstReading + (k * Interval);

    /// <summary>Advertises, then waits for the window to close; returns why it closed.</summary>
    public async Task<string> WindowAsync()
    {
        await Eventually.UntilAsync(() => Volatile.Read(ref _client) is not null, "the receiver connected to the fake transmitter");
        var window = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _window, window);
        await SendAsync(BleFrameEvent.Advertisement, DexcomUuids.AdvertisedService, Guid.Empty, Encoding.ASCII.GetBytes(Id));
        var closed = await Task.WhenAny(window.Task, Task.Delay(WindowLimit));
        Volatile.Write(ref _window, null);
        return closed == window.Task ? await window.Task : "window limit";
    }

    /// <summary>Drops the receiver's connection, as a restarting harness would.</summary>
    public void DropConnection() => Interlocked.Exchange(ref _client, null)?.Socket.Close();

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (true)
            {
                var tcp = await _listener.AcceptTcpClientAsync(_stop.Token);
                tcp.NoDelay = true;
                Interlocked.Increment(ref Connections);
                var stream = tcp.GetStream();
                Volatile.Write(ref _client, stream);
                _ = Task.Run(() => ReadLoopAsync(tcp, stream));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task ReadLoopAsync(TcpClient tcp, NetworkStream stream)
    {
        using var _ = tcp;
        var assembler = new BleFrameAssembler();
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                    return;
                foreach (var frame in assembler.Add(buffer.AsSpan(0, read)))
                    await HandleAsync(frame);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
        }
    }

    private async Task HandleAsync(BleFrame frame)
    {
        if (frame.LinkId != LinkId || frame.Direction != BleFrameDirection.CentralToPeripheral || Volatile.Read(ref _window) is not { } window)
            return;
        if (frame.Event == BleFrameEvent.Connect)
        {
            await SendAsync(BleFrameEvent.Connect, Guid.Empty, Guid.Empty, []);
            return;
        }
        if (frame.Event is not (BleFrameEvent.WriteRequest or BleFrameEvent.WriteCommand))
            return;

        var message = BleMessages.Decode(frame.Payload, TransmitterGeneration.G6);
        switch (message)
        {
            case AuthRequestTx request:
                _challenge = RandomNumberGenerator.GetBytes(8);
                await IndicateAsync(DexcomUuids.Authentication, new AuthChallengeRx(DexcomAuthHash.Compute(_keyId, request.Token), _challenge));
                break;
            case AuthChallengeTx answer:
                var ok = _challenge is not null && answer.ChallengeHash.AsSpan().SequenceEqual(DexcomAuthHash.Compute(Id, _challenge));
                if (ok)
                    Interlocked.Increment(ref AuthSucceeded);
                else
                    Interlocked.Increment(ref AuthFailed);
                await IndicateAsync(DexcomUuids.Authentication, new AuthStatusRx(ok ? (byte)1 : (byte)0, 1));
                if (!ok)
                    await CloseWindowAsync(window, "wrong challenge hash");
                break;
            case TransmitterTimeTx:
                // The frame carries the same instant as currentTime, as docs/ble-link.md's mapping assumes.
                var at = FirstReading + TimeSpan.FromSeconds(Math.Floor((_clock.Now - FirstReading).TotalSeconds));
                await SendAsync(BleFrameEvent.Indicate, DexcomUuids.CgmService, DexcomUuids.Control,
                    new TransmitterTimeRx(0, ToDex(at), 0, 1).Encode(), at);
                break;
            case GlucoseTx:
                var newest = Newest(_clock.Now);
                await IndicateAsync(DexcomUuids.Control,
                    new GlucoseRx(0, ++_sequence, ToDex(newest), (ushort)_glucose(Index(newest)), 0, 6, 0));
                break;
            case BackfillTx backfill:
                await BackfillAsync(backfill);
                break;
            case DisconnectTx:
                await CloseWindowAsync(window, "receiver disconnected");
                break;
            default:
                break;
        }
    }

    private async Task BackfillAsync(BackfillTx request)
    {
        BackfillRequests.Enqueue((Activation + TimeSpan.FromSeconds(request.StartTime), Activation + TimeSpan.FromSeconds(request.EndTime)));
        var newest = Newest(_clock.Now);
        var records = new List<BackfillRecord>();
        for (var t = newest - TimeSpan.FromHours(24); t <= newest; t += Interval)
        {
            var dex = ToDex(t);
            if (dex >= request.StartTime && dex <= request.EndTime)
                records.Add(new BackfillRecord(dex, (ushort)_glucose(Index(t)), 0, 6, 0));
        }
        var frames = BackfillStream.Split(records, 0, BackfillStream.StreamIdFor(0));
        foreach (var frame in frames)
            await SendAsync(BleFrameEvent.Notify, DexcomUuids.CgmService, DexcomUuids.Backfill, frame.Encode());
        await IndicateAsync(DexcomUuids.Control, BackfillStream.Summarize(frames, records, 0));
    }

    private async Task CloseWindowAsync(TaskCompletionSource<string> window, string why)
    {
        await SendAsync(BleFrameEvent.Disconnect, Guid.Empty, Guid.Empty, []);
        window.TrySetResult(why);
    }

    private DateTimeOffset Newest(DateTimeOffset now) =>
        FirstReading + (Math.Floor((now - FirstReading) / Interval) * Interval);

    private int Index(DateTimeOffset sensorTime) => (int)Math.Round((sensorTime - FirstReading) / Interval);

    private uint ToDex(DateTimeOffset wall) => (uint)Math.Floor((wall - Activation).TotalSeconds);

    private Task IndicateAsync(Guid characteristic, IBleMessage message) =>
        SendAsync(BleFrameEvent.Indicate, DexcomUuids.CgmService, characteristic, message.Encode());

    private async Task SendAsync(BleFrameEvent ev, Guid service, Guid characteristic, byte[] payload, DateTimeOffset? at = null)
    {
        var bytes = BleFrameCodec.Encode(new BleFrame(ev, BleFrameDirection.PeripheralToCentral, BleFrameFlags.None,
            BleFrame.ToUnixMicroseconds(at ?? _clock.Now), LinkId, service, characteristic, payload));
        await _writeGate.WaitAsync();
        try
        {
            if (Volatile.Read(ref _client) is not { } stream)
                return;
            // Two writes per frame: TCP may deliver them apart, and the receiver must put the frame back together.
            var half = bytes.Length / 2;
            await stream.WriteAsync(bytes.AsMemory(0, half));
            await stream.FlushAsync();
            await stream.WriteAsync(bytes.AsMemory(half));
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException)
        {
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        DropConnection();
        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
        _writeGate.Dispose();
    }
}
