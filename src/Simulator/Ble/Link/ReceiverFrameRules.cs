using System.Globalization;
using Simulator.Ble.Framing;

namespace Simulator.Ble.Link;

/// <summary>
/// What a receiver may send (docs/ble-link.md): c2p frames, for a link that exists, of an event a phone produces.
/// Anything else is a bug in the receiver's framing layer, so the connection is closed with the reason rather than
/// the frame being silently ignored. GATT-level mistakes (wrong opcode, bad CRC) are not framing errors: the
/// transmitter ignores those and the journal notes why.
/// </summary>
internal static class ReceiverFrameRules
{
    private static readonly BleFrameEvent[] PhoneEvents =
    [
        BleFrameEvent.Connect, BleFrameEvent.Disconnect, BleFrameEvent.CccdChange,
        BleFrameEvent.WriteRequest, BleFrameEvent.WriteCommand, BleFrameEvent.ReadRequest,
    ];

    public static string? Check(BleFrame frame, IEnumerable<ushort> links)
    {
        if (frame.Direction != BleFrameDirection.CentralToPeripheral)
            return "malformed frame: byte 6: a receiver sends direction 0 (c2p), not 1 (p2c)";
        if (!PhoneEvents.Contains(frame.Event))
            return $"malformed frame: byte 5: a receiver does not send '{BleFrameJson.EventName(frame.Event)}' frames; it sends connect, disconnect, cccd, write-request, write-command or read-request";
        if (!links.Contains(frame.LinkId))
            return string.Create(CultureInfo.InvariantCulture, $"malformed frame: bytes 16-17: link {frame.LinkId} does not exist; this run has links {string.Join(", ", links.Order())}");
        return null;
    }
}
