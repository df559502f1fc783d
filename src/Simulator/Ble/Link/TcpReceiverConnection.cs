using System.Net.Sockets;
using Simulator.Ble.Framing;

namespace Simulator.Ble.Link;

/// <summary>A receiver on <c>tcp://127.0.0.1:PORT</c>: binary frames back to back in both directions.</summary>
internal sealed class TcpReceiverConnection(int id, TcpClient client) : ReceiverConnection(id)
{
    private readonly NetworkStream _stream = client.GetStream();

    public override string Transport => "tcp";

    protected override async Task ReadFramesAsync(Func<BleFrame, string?> onFrame, Action<string> onMalformed, CancellationToken ct)
    {
        var parser = new FrameStreamParser();
        var buffer = new byte[8192];
        int read;
        while ((read = await _stream.ReadAsync(buffer, ct)) > 0)
        {
            parser.Append(buffer.AsSpan(0, read));
            while (true)
            {
                BleFrame? frame;
                try
                {
                    if (!parser.TryRead(out frame))
                        break;
                }
                catch (BlePacketException e)
                {
                    onMalformed($"malformed frame: {e.Message}");
                    return;
                }

                if (onFrame(frame!) is { } problem)
                {
                    onMalformed(problem);
                    return;
                }
            }
        }
    }

    protected override ValueTask WriteFrameAsync(BleFrame frame, CancellationToken ct) => _stream.WriteAsync(BleFrameCodec.Encode(frame), ct);

    protected override Task CloseTransportAsync(string? rejection)
    {
        try
        {
            client.Client.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // already closed by the receiver
        }
        catch (ObjectDisposedException)
        {
        }

        client.Dispose();
        return Task.CompletedTask;
    }
}
