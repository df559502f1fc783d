using System.Net;
using System.Net.Sockets;
using ReferenceSystem.Clock;
using Simulator.Ble;
using Simulator.Ble.Framing;

namespace ReferenceSystem.Receiver;

/// <summary>
/// The receiver's end of the harness's framed BLE stream (docs/ble-link.md, TCP form): one loopback connection for
/// every transmitter of the run. Received frames go to <c>onFrame</c> (which must not block: sessions queue them);
/// <see cref="SendAsync"/> writes whole frames one at a time. When the harness drops the connection (or is not up yet)
/// it reconnects with exponential backoff, 0.5 s doubling to 10 s of virtual time but never faster than 50 ms of real
/// time, so a dead port is not hammered at high clock speeds; <c>onLinkLost</c> tells the sessions their window is over.
/// </summary>
internal sealed class BleLinkClient(
    IPEndPoint endpoint,
    TimeProvider clock,
    Action<BleFrame> onFrame,
    Action onLinkLost,
    ILogger logger) : IDisposable
{
    public static readonly TimeSpan ReconnectBase = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan ReconnectCap = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan ReconnectRealFloor = TimeSpan.FromMilliseconds(50);

    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly BleFrameAssembler _assembler = new();
    private NetworkStream? _stream;
    private long _connects;
    private long _framesIn;
    private long _framesOut;

    public bool Connected => Volatile.Read(ref _stream) is not null;

    public long Connects => Interlocked.Read(ref _connects);

    public long FramesIn => Interlocked.Read(ref _framesIn);

    public long FramesOut => Interlocked.Read(ref _framesOut);

    /// <summary>Connects, reads until the connection drops, reconnects; returns when <paramref name="ct"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                using var tcp = new TcpClient(endpoint.AddressFamily) { NoDelay = true };
                await tcp.ConnectAsync(endpoint, ct);
                failures = 0;
                Interlocked.Increment(ref _connects);
                _assembler.Reset();
                Volatile.Write(ref _stream, tcp.GetStream());
                await ReadUntilClosedAsync(tcp.GetStream(), ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is SocketException or IOException or BlePacketException or ObjectDisposedException)
            {
                if (logger.IsEnabled(LogLevel.Information))
                    logger.LogInformation("receiver: BLE link {Endpoint}: {Error}", endpoint, ex.Message);
            }
            finally
            {
                if (Interlocked.Exchange(ref _stream, null) is not null)
                    onLinkLost();
            }

            failures++;
            try
            {
                await Task.Delay(ReconnectDelay(failures), clock, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Writes one frame; false when there is no connection (the frame is lost, as a write to a gone device is).</summary>
    public async Task<bool> SendAsync(BleFrame frame, CancellationToken ct)
    {
        var bytes = BleFrameCodec.Encode(frame);
        await _writeGate.WaitAsync(ct);
        try
        {
            if (Volatile.Read(ref _stream) is not { } stream)
                return false;
            await stream.WriteAsync(bytes, ct);
            Interlocked.Increment(ref _framesOut);
            return true;
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException)
        {
            return false; // the read loop sees the drop too and reconnects
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task ReadUntilClosedAsync(NetworkStream stream, CancellationToken ct)
    {
        var buffer = new byte[8192];
        while (true)
        {
            var read = await stream.ReadAsync(buffer, ct);
            if (read == 0)
                return; // the harness closed the connection
            foreach (var frame in _assembler.Add(buffer.AsSpan(0, read)))
            {
                Interlocked.Increment(ref _framesIn);
                onFrame(frame);
            }
        }
    }

    private TimeSpan ReconnectDelay(int failures)
    {
        var delay = TimeSpan.FromTicks(Math.Min(ReconnectCap.Ticks, ReconnectBase.Ticks << Math.Min(failures - 1, 10)));
        if (clock is HarnessClock harness && harness.ToReal(delay) < ReconnectRealFloor)
            delay = harness.ToVirtual(ReconnectRealFloor);
        return delay;
    }

    public void Dispose() => _writeGate.Dispose();
}
