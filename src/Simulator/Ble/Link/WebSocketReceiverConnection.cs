using System.Net.WebSockets;
using System.Text;
using Simulator.Ble.Framing;

namespace Simulator.Ble.Link;

/// <summary>
/// A receiver on <c>ws://127.0.0.1:PORT/ble</c>: one frame per message, binary (frame layout) or text (JSON form).
/// The harness answers in the form the receiver last used; <c>?format=json</c> makes it text from the first frame.
/// </summary>
internal sealed class WebSocketReceiverConnection(int id, WebSocket socket, bool json) : ReceiverConnection(id)
{
    /// <summary>A text frame's JSON is about twice its payload in hex plus ~200 bytes; 256 KiB covers any 64 KiB payload.</summary>
    private const int MaxMessageLength = 256 * 1024;

    /// <summary>WebSocket close reasons are at most 123 UTF-8 bytes (RFC 6455 §5.5).</summary>
    private const int MaxCloseReasonBytes = 123;

    private volatile bool _json = json;

    public override string Transport => "websocket";

    protected override async Task ReadFramesAsync(Func<BleFrame, string?> onFrame, Action<string> onMalformed, CancellationToken ct)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close)
                return;
            message.Write(buffer, 0, result.Count);
            if (message.Length > MaxMessageLength)
            {
                onMalformed($"malformed frame: a WebSocket message over {MaxMessageLength} bytes is not one frame");
                return;
            }

            if (!result.EndOfMessage)
                continue;
            var bytes = message.ToArray();
            message.SetLength(0);
            BleFrame frame;
            try
            {
                _json = result.MessageType == WebSocketMessageType.Text;
                frame = _json ? BleFrameJson.Deserialize(Encoding.UTF8.GetString(bytes)) : BleFrameCodec.Decode(bytes);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // BlePacketException, FormatException, or a JSON field of the wrong type: all mean "not a frame".
                onMalformed($"malformed frame: {e.Message}");
                return;
            }

            if (onFrame(frame) is { } problem)
            {
                onMalformed(problem);
                return;
            }
        }
    }

    protected override ValueTask WriteFrameAsync(BleFrame frame, CancellationToken ct) => _json
        ? socket.SendAsync(Encoding.UTF8.GetBytes(BleFrameJson.Serialize(frame)).AsMemory(), WebSocketMessageType.Text, true, ct)
        : socket.SendAsync(BleFrameCodec.Encode(frame).AsMemory(), WebSocketMessageType.Binary, true, ct);

    protected override async Task CloseTransportAsync(string? rejection)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
            return;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)); // real time: a socket close, not a virtual wait
        try
        {
            await socket.CloseOutputAsync(
                rejection is null ? WebSocketCloseStatus.NormalClosure : WebSocketCloseStatus.PolicyViolation,
                rejection is null ? "link closed" : Truncate(rejection),
                timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            // the receiver is already gone
        }
    }

    private static string Truncate(string reason)
    {
        if (Encoding.UTF8.GetByteCount(reason) <= MaxCloseReasonBytes)
            return reason;
        var cut = reason[..Math.Min(reason.Length, MaxCloseReasonBytes - 3)];
        while (Encoding.UTF8.GetByteCount(cut) > MaxCloseReasonBytes - 3)
            cut = cut[..^1];
        return cut + "...";
    }
}
