using Simulator.Ble.Dexcom;
using Simulator.Ble.Framing;
using Simulator.Ble.Messages;
using Simulator.Journal;

namespace Simulator.Ble.Link;

/// <summary>Turns a frame into its journal line (<c>ble-frame</c>): short characteristic name and decoded message name.</summary>
internal static class FrameSummary
{
    public static BleFrameRecorded Describe(BleFrame frame, DateTimeOffset at, TransmitterGeneration generation, int? receiver, bool dropped = false, string? note = null) => new()
    {
        At = at,
        Link = frame.LinkId,
        Direction = frame.Direction == BleFrameDirection.CentralToPeripheral ? "c2p" : "p2c",
        Event = BleFrameJson.EventName(frame.Event),
        Characteristic = ShortName(frame),
        Message = MessageName(frame, generation),
        Hex = Convert.ToHexStringLower(frame.Payload),
        Receiver = receiver,
        Dropped = dropped,
        Note = note,
    };

    public static string? ShortName(BleFrame frame) =>
        frame.Event == BleFrameEvent.Advertisement ? "advertisement"
        : frame.Characteristic == DexcomUuids.Authentication ? "authentication"
        : frame.Characteristic == DexcomUuids.Control ? "control"
        : frame.Characteristic == DexcomUuids.Backfill ? "backfill"
        : frame.Characteristic == DexcomUuids.Communication ? "communication"
        : frame.Characteristic == DexcomUuids.ExtraData ? "extra-data"
        : frame.Characteristic == Guid.Empty ? null
        : frame.Characteristic.ToString("D").ToUpperInvariant();

    private static string? MessageName(BleFrame frame, TransmitterGeneration generation)
    {
        if (frame.Payload.Length == 0 || frame.Event is not (BleFrameEvent.Notify or BleFrameEvent.Indicate or BleFrameEvent.WriteRequest or BleFrameEvent.WriteCommand or BleFrameEvent.ReadResponse))
            return null;
        BleChannel? channel = frame.Characteristic == DexcomUuids.Authentication ? BleChannel.Authentication
            : frame.Characteristic == DexcomUuids.Control ? BleChannel.Control
            : frame.Characteristic == DexcomUuids.Backfill ? BleChannel.Backfill
            : null;
        if (channel is null)
            return null;
        try
        {
            return BleMessages.Decode(frame.Payload, generation, channel.Value).MessageType.Name;
        }
        catch (BlePacketException)
        {
            return null;
        }
    }
}
