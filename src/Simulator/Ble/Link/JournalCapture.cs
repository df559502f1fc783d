using Simulator.Ble.Dexcom;
using Simulator.Ble.Framing;
using Simulator.Journal;

namespace Simulator.Ble.Link;

/// <summary>
/// Rebuilds the frames that crossed the BLE link from a run's journal (<c>ble-frame</c> lines), so a finished run's
/// traffic can be written as a btsnoop capture and opened in Wireshark. Frames the radio plan dropped never went over
/// the air and are left out.
/// </summary>
public static class JournalCapture
{
    public static IReadOnlyList<BleFrame> FramesOf(IEnumerable<JournalEvent> journal, int? link = null)
    {
        ArgumentNullException.ThrowIfNull(journal);
        return [.. journal.OfType<BleFrameRecorded>()
            .Where(f => !f.Dropped && (link is null || f.Link == link))
            .OrderBy(f => f.Seq)
            .Select(ToFrame)];
    }

    private static BleFrame ToFrame(BleFrameRecorded f)
    {
        var ev = Enum.GetValues<BleFrameEvent>().First(e => BleFrameJson.EventName(e) == f.Event);
        var (service, characteristic) = f.Characteristic switch
        {
            "advertisement" => (DexcomUuids.AdvertisedService, Guid.Empty),
            "authentication" => (DexcomUuids.CgmService, DexcomUuids.Authentication),
            "control" => (DexcomUuids.CgmService, DexcomUuids.Control),
            "backfill" => (DexcomUuids.CgmService, DexcomUuids.Backfill),
            "communication" => (DexcomUuids.CgmService, DexcomUuids.Communication),
            "extra-data" => (DexcomUuids.CgmService, DexcomUuids.ExtraData),
            null => (Guid.Empty, Guid.Empty),
            var other => (DexcomUuids.CgmService, Guid.Parse(other)),
        };
        var direction = f.Direction == "c2p" ? BleFrameDirection.CentralToPeripheral : BleFrameDirection.PeripheralToCentral;
        var micros = (f.At - DateTimeOffset.UnixEpoch).Ticks / 10;
        return new BleFrame(ev, direction, BleFrameFlags.None, micros, (ushort)f.Link, service, characteristic, Convert.FromHexString(f.Hex));
    }
}
