using System.Threading.Channels;
using Simulator.Ble.Framing;

namespace Simulator.Ble.Link;

/// <summary>
/// One receiver under test attached to the link server. Frames to it queue in an outbox that a single writer drains,
/// so the order the links produce is the order on the wire and no link ever waits on a slow receiver.
/// </summary>
internal abstract class ReceiverConnection(int id)
{
    private readonly Channel<BleFrame> _outbox = Channel.CreateUnbounded<BleFrame>(new UnboundedChannelOptions { SingleReader = true });

    public int Id { get; } = id;

    /// <summary><c>tcp</c> or <c>websocket</c>.</summary>
    public abstract string Transport { get; }

    /// <summary>Set when the harness closed the connection because the receiver sent something malformed.</summary>
    public string? Rejection { get; private set; }

    public void Send(BleFrame frame) => _outbox.Writer.TryWrite(frame);

    /// <summary>Sends <paramref name="notice"/> (a fault frame naming the problem) as the last frame, then closes.</summary>
    public void Reject(string reason, BleFrame notice)
    {
        Rejection = reason;
        _outbox.Writer.TryWrite(notice);
        _outbox.Writer.TryComplete();
    }

    /// <summary>
    /// Runs until the receiver leaves, is rejected, or <paramref name="ct"/> ends. <paramref name="onFrame"/> returns
    /// null to accept a frame, or the reason it is malformed; <paramref name="onMalformed"/> then rejects.
    /// </summary>
    public async Task RunAsync(Func<BleFrame, string?> onFrame, Action<string> onMalformed, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var writer = WriteLoopAsync(stop);
        try
        {
            await ReadFramesAsync(onFrame, onMalformed, stop.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or System.Net.WebSockets.WebSocketException or System.Net.Sockets.SocketException or ObjectDisposedException)
        {
            // The receiver went away or the server is stopping: nothing left to read.
        }

        _outbox.Writer.TryComplete();
        await writer;
        await CloseTransportAsync(Rejection);
    }

    /// <summary>Reads until end of stream or until a frame is malformed (after calling <paramref name="onMalformed"/>).</summary>
    protected abstract Task ReadFramesAsync(Func<BleFrame, string?> onFrame, Action<string> onMalformed, CancellationToken ct);

    protected abstract ValueTask WriteFrameAsync(BleFrame frame, CancellationToken ct);

    protected abstract Task CloseTransportAsync(string? rejection);

    private async Task WriteLoopAsync(CancellationTokenSource stop)
    {
        try
        {
            await foreach (var frame in _outbox.Reader.ReadAllAsync(stop.Token))
                await WriteFrameAsync(frame, stop.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or System.Net.WebSockets.WebSocketException or System.Net.Sockets.SocketException or ObjectDisposedException)
        {
            // A receiver that cannot be written to is gone; stop reading from it too.
            await stop.CancelAsync();
        }
    }
}
