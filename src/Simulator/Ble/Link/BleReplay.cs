using System.Net;
using System.Net.Sockets;
using Simulator.Ble.Btsnoop;
using Simulator.Ble.Dexcom;
using Simulator.Ble.Framing;

namespace Simulator.Ble.Link;

/// <summary>
/// Plays recorded BLE traffic into a loopback listener as link frames: a btsnoop capture's ATT values on known
/// handles (spec §5.3) become frames in recorded order, paced by their recorded timestamps ÷ a speed factor, or
/// back to back. Only loopback targets are accepted: captures hold a patient's glucose.
/// </summary>
public static class BleReplay
{
    /// <summary>The frames of a btsnoop capture: received values as p2c notify/indicate, sent values as c2p writes.</summary>
    public static IReadOnlyList<BleFrame> FramesFromBtsnoop(Stream capture, ushort linkId = 1, AttHandleMap? handles = null)
    {
        var values = BtsnoopReader.Read(capture, handles).AttValues;
        return [.. values.Select(v => new BleFrame(
            EventOf(v.AttOpcode),
            v.IsReceived ? BleFrameDirection.PeripheralToCentral : BleFrameDirection.CentralToPeripheral,
            BleFrameFlags.None,
            BtsnoopTime.ToUnixMicroseconds(v.Timestamp),
            linkId,
            DexcomUuids.CgmService,
            v.Characteristic,
            v.Value))];
    }

    /// <summary>Sends the frames of the btsnoop file at <paramref name="btsnoopPath"/>; see the frames overload.</summary>
    public static async Task<int> SendAsync(string btsnoopPath, Uri tcpTarget, TimeProvider time, double? speed, CancellationToken ct, ushort linkId = 1)
    {
        var target = LoopbackEndpoint(tcpTarget);
        await using var file = File.OpenRead(btsnoopPath);
        return await SendAsync(FramesFromBtsnoop(file, linkId), target, time, speed, ct);
    }

    /// <summary>
    /// Connects to <paramref name="tcpTarget"/> (tcp://127.0.0.1:PORT) and writes the frames in order. With a
    /// <paramref name="speed"/>, the gap between two frames is their recorded gap ÷ speed, waited on
    /// <paramref name="time"/>; null sends as fast as possible. Returns the number of frames sent.
    /// </summary>
    public static Task<int> SendAsync(IReadOnlyList<BleFrame> frames, Uri tcpTarget, TimeProvider time, double? speed, CancellationToken ct) =>
        SendAsync(frames, LoopbackEndpoint(tcpTarget), time, speed, ct);

    /// <summary>The endpoint for a tcp:// loopback URL; anything else is refused in one sentence.</summary>
    public static IPEndPoint LoopbackEndpoint(Uri target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var address = target.IsAbsoluteUri && target.Scheme == "tcp" && target.Port > 0
            ? target.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
              : IPAddress.TryParse(target.Host.Trim('[', ']'), out var ip) ? ip
              : null
            : null;
        if (address is null || !IPAddress.IsLoopback(address))
            throw new ArgumentException($"BLE replay sends only to a loopback listener such as tcp://127.0.0.1:PORT, so '{target}' is refused.", nameof(target));
        return new IPEndPoint(address, target.Port);
    }

    private static async Task<int> SendAsync(IReadOnlyList<BleFrame> frames, IPEndPoint target, TimeProvider time, double? speed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(time);
        if (speed is { } s && !(s > 0 && double.IsFinite(s)))
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "The replay speed is a positive factor (1 = as recorded), or null for as fast as possible.");
        using var client = new TcpClient(target.AddressFamily) { NoDelay = true };
        await client.ConnectAsync(target, ct);
        var stream = client.GetStream();
        for (var i = 0; i < frames.Count; i++)
        {
            if (speed is { } factor && i > 0)
            {
                var gap = TimeSpan.FromTicks((frames[i].UnixMicroseconds - frames[i - 1].UnixMicroseconds) * 10);
                if (gap > TimeSpan.Zero)
                    await Task.Delay(gap / factor, time, ct);
            }

            await stream.WriteAsync(BleFrameCodec.Encode(frames[i]), ct);
        }

        await stream.FlushAsync(ct);
        client.Client.Shutdown(SocketShutdown.Send);
        return frames.Count;
    }

    private static BleFrameEvent EventOf(byte attOpcode) => attOpcode switch
    {
        AttOpcodes.HandleValueNotification => BleFrameEvent.Notify,
        AttOpcodes.HandleValueIndication => BleFrameEvent.Indicate,
        AttOpcodes.WriteRequest => BleFrameEvent.WriteRequest,
        _ => BleFrameEvent.WriteCommand,
    };
}
