using System.Net.Sockets;
using System.Threading.Channels;
using Simulator.Ble;
using Simulator.Ble.Dexcom;
using Simulator.Ble.Dexcom.Common;
using Simulator.Ble.Dexcom.G6;
using Simulator.Ble.Dexcom.G6.Backfill;
using Simulator.Ble.Framing;
using Simulator.Ble.Link;
using Simulator.Ble.Messages;

namespace Simulator.Tests.Ble.Link;

/// <summary>
/// A minimal receiver under test on the link's TCP transport, written from docs/ble-link.md alone: waits for
/// advertisements, runs the G6 exchange (connect, CCCDs, auth, time, glucose), and backfills. Waits are bounded in
/// real time so a broken server fails the test instead of hanging it.
/// </summary>
internal sealed class BleLinkTestReceiver : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly Channel<BleFrame> _inbox = Channel.CreateUnbounded<BleFrame>();
    private readonly List<BleFrame> _session = [];
    private readonly Lock _gate = new();
    private readonly Task _reader;
    private readonly TimeProvider _clock;

    private BleLinkTestReceiver(TcpClient client, TimeProvider clock)
    {
        _client = client;
        _stream = client.GetStream();
        _clock = clock;
        _reader = ReadAsync();
    }

    /// <summary>Every frame sent and received, in the order this receiver saw them.</summary>
    public IReadOnlyList<BleFrame> Session
    {
        get { lock (_gate) return [.. _session]; }
    }

    /// <summary>Completes when the server closes the connection.</summary>
    public Task Closed => _reader;

    public static async Task<BleLinkTestReceiver> ConnectAsync(Uri tcpUrl, TimeProvider clock)
    {
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(tcpUrl.Host, tcpUrl.Port);
        return new BleLinkTestReceiver(client, clock);
    }

    public async Task SendAsync(BleFrame frame)
    {
        lock (_gate) _session.Add(frame);
        await _stream.WriteAsync(BleFrameCodec.Encode(frame));
    }

    public async Task SendRawAsync(byte[] bytes) => await _stream.WriteAsync(bytes);

    /// <summary>The next received frame that matches; frames before it are skipped (still in <see cref="Session"/>).</summary>
    public async Task<BleFrame> NextAsync(Func<BleFrame, bool> match, string what, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            while (true)
            {
                var frame = await _inbox.Reader.ReadAsync(cts.Token);
                if (match(frame))
                    return frame;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Timed out waiting for {what}.");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"The server closed the connection while the receiver waited for {what}.");
        }
    }

    public Task<BleFrame> AdvertisementAsync(ushort link, TimeSpan? timeout = null) =>
        NextAsync(f => f.LinkId == link && f.Event == BleFrameEvent.Advertisement, $"an advertisement on link {link}", timeout);

    public BleFrame C2p(BleFrameEvent ev, ushort link, Guid characteristic, byte[] payload) =>
        new(ev, BleFrameDirection.CentralToPeripheral, BleFrameFlags.None, BleFrame.ToUnixMicroseconds(_clock.GetUtcNow()), link,
            characteristic == Guid.Empty ? Guid.Empty : DexcomUuids.CgmService, characteristic, payload);

    public Task WriteAsync(ushort link, Guid characteristic, IBleMessage message) =>
        SendAsync(C2p(BleFrameEvent.WriteRequest, link, characteristic, message.Encode()));

    /// <summary>The next notification/indication on <paramref name="characteristic"/>, decoded as <typeparamref name="T"/>.</summary>
    public async Task<T> ValueAsync<T>(ushort link, Guid characteristic, Func<byte[], T> decode)
    {
        var frame = await NextAsync(
            f => f.LinkId == link && f.Characteristic == characteristic && f.Event is BleFrameEvent.Notify or BleFrameEvent.Indicate,
            $"a {typeof(T).Name} on link {link}");
        return decode(frame.Payload);
    }

    /// <summary>Connect, enable the three CCCDs, authenticate. Returns the AuthStatusRx (authenticated 1 on success).</summary>
    public async Task<AuthStatusRx> ConnectAndAuthenticateAsync(ushort link, string transmitterId, bool rightHash = true)
    {
        await SendAsync(C2p(BleFrameEvent.Connect, link, Guid.Empty, []));
        await ConnectedAsync(link);
        await SendAsync(C2p(BleFrameEvent.CccdChange, link, DexcomUuids.Authentication, [0x02, 0x00]));
        await SendAsync(C2p(BleFrameEvent.CccdChange, link, DexcomUuids.Control, [0x01, 0x00]));
        await SendAsync(C2p(BleFrameEvent.CccdChange, link, DexcomUuids.Backfill, [0x01, 0x00]));
        return await AuthenticateAsync(link, transmitterId, rightHash);
    }

    /// <summary>Waits for the answer to a connect; throws if the link refused it.</summary>
    public async Task ConnectedAsync(ushort link)
    {
        var answer = await NextAsync(f => f.LinkId == link && f.Event is BleFrameEvent.Connect or BleFrameEvent.Disconnect, $"connect on link {link}");
        if (answer.Event != BleFrameEvent.Connect)
            throw new InvalidOperationException($"Link {link} refused the connection (reason 0x{answer.Payload.FirstOrDefault():X2}).");
    }

    /// <summary>Auth (docs/ble-link.md step 4): 0x01 → 0x03 (checks the token hash) → 0x04 → 0x05.</summary>
    public async Task<AuthStatusRx> AuthenticateAsync(ushort link, string transmitterId, bool rightHash = true)
    {
        var token = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 };
        await WriteAsync(link, DexcomUuids.Authentication, new AuthRequestTx(token, 0x02));
        var challenge = await ValueAsync(link, DexcomUuids.Authentication, b => AuthChallengeRx.Decode(b));
        if (!challenge.TokenHash.AsSpan().SequenceEqual(DexcomAuthHash.Compute(transmitterId, token)))
            throw new InvalidOperationException("The transmitter's token hash is wrong.");
        var hash = DexcomAuthHash.Compute(transmitterId, challenge.Challenge);
        if (!rightHash)
            hash[0] ^= 0xFF;
        await WriteAsync(link, DexcomUuids.Authentication, new AuthChallengeTx(hash));
        return await ValueAsync(link, DexcomUuids.Authentication, b => AuthStatusRx.Decode(b));
    }

    /// <summary>Steps 5: time then glucose (after authentication).</summary>
    public async Task<(TransmitterTimeRx Time, GlucoseRx Glucose)> TimeAndGlucoseAsync(ushort link)
    {
        await WriteAsync(link, DexcomUuids.Control, new TransmitterTimeTx());
        var time = await ValueAsync(link, DexcomUuids.Control, b => TransmitterTimeRx.Decode(b));
        await WriteAsync(link, DexcomUuids.Control, new GlucoseTx());
        var glucose = await ValueAsync(link, DexcomUuids.Control, b => GlucoseRx.Decode(b));
        return (time, glucose);
    }

    /// <summary>The whole G6 exchange of docs/ble-link.md steps 2–5.</summary>
    public async Task<(TransmitterTimeRx Time, GlucoseRx Glucose)> ReadGlucoseAsync(ushort link, string transmitterId)
    {
        var status = await ConnectAndAuthenticateAsync(link, transmitterId);
        if (status.Authenticated != 1)
            throw new InvalidOperationException("Authentication failed.");
        return await TimeAndGlucoseAsync(link);
    }

    /// <summary>Backfill (step 6): the reassembled records and the BackfillRx that followed them.</summary>
    public async Task<(BackfillStreamContents Contents, BackfillRx Summary, IReadOnlyList<BackfillFrame> Frames)> BackfillAsync(ushort link, uint start, uint end)
    {
        await WriteAsync(link, DexcomUuids.Control, new BackfillTx(5, 2, 0, start, end, 0, 0));
        var frames = new List<BackfillFrame>();
        while (true)
        {
            var frame = await NextAsync(f => f.LinkId == link && f.Event is BleFrameEvent.Notify or BleFrameEvent.Indicate, "backfill frames and BackfillRx");
            if (frame.Characteristic == DexcomUuids.Backfill)
            {
                frames.Add(BackfillFrame.Decode(frame.Payload));
                continue;
            }

            var summary = BackfillRx.Decode(frame.Payload);
            return (BackfillStream.Reassemble(frames), summary, frames);
        }
    }

    public async Task DisconnectAsync(ushort link)
    {
        await SendAsync(C2p(BleFrameEvent.WriteRequest, link, DexcomUuids.Control, new DisconnectTx().Encode()));
        await NextAsync(f => f.LinkId == link && f.Event == BleFrameEvent.Disconnect, $"disconnect on link {link}");
    }

    private async Task ReadAsync()
    {
        var parser = new FrameStreamParser();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await _stream.ReadAsync(buffer)) > 0)
            {
                parser.Append(buffer.AsSpan(0, read));
                while (parser.TryRead(out var frame))
                {
                    lock (_gate) _session.Add(frame!);
                    _inbox.Writer.TryWrite(frame!);
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
            // closed
        }
        finally
        {
            _inbox.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _reader;
    }
}
