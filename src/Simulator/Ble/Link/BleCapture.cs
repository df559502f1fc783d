using Simulator.Ble.Btsnoop;
using Simulator.Ble.Framing;

namespace Simulator.Ble.Link;

/// <summary>
/// Exports link frames as a btsnoop file (spec §5.3) that Wireshark decodes as Bluetooth ATT: notifications and
/// indications as received (flags 1), writes as sent (flags 0), on the fixed Dexcom handle map
/// (<see cref="AttHandleMap.Dexcom"/>). Frames without an ATT value on a mapped characteristic — advertisements,
/// connects, disconnects, CCCD changes, reads, fault markers — have no ATT value record and are left out.
/// </summary>
public static class BleCapture
{
    /// <summary>Writes the file and returns how many frames it holds.</summary>
    public static int WriteBtsnoop(IEnumerable<BleFrame> frames, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(destination);
        var handles = AttHandleMap.Dexcom;
        using var writer = new BtsnoopWriter(destination, handles);
        var written = 0;
        foreach (var frame in frames)
        {
            if (AttOpcodeOf(frame.Event) is not { } opcode || !handles.Handles.Values.Contains(frame.Characteristic))
                continue;
            writer.WriteAttValue(frame.Timestamp, opcode, frame.Characteristic, frame.Payload);
            written++;
        }

        writer.Flush();
        return written;
    }

    /// <summary>The ATT opcode carrying a frame's value, or null when the frame is not a value on the air.</summary>
    public static byte? AttOpcodeOf(BleFrameEvent ev) => ev switch
    {
        BleFrameEvent.Notify => AttOpcodes.HandleValueNotification,
        BleFrameEvent.Indicate => AttOpcodes.HandleValueIndication,
        BleFrameEvent.WriteRequest => AttOpcodes.WriteRequest,
        BleFrameEvent.WriteCommand => AttOpcodes.WriteCommand,
        _ => null,
    };
}
