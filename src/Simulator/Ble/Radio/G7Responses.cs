using Simulator.Ble.Dexcom.G7;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Radio;

/// <summary>The G7 control-channel answers built from a sensor's memory (spec §2.4, §2.5). No CRC on any of them.</summary>
internal static class G7Responses
{
    /// <summary>Byte 9 of the EGV: 1 in running sessions (spec §2.4).</summary>
    private const byte SessionNumber = 1;

    /// <summary>
    /// EGV (0x4E): message time = now, age = seconds since the reading was measured (so glucose time = timestamp −
    /// age is the reading's own time), predicted none. With no reading yet: glucose none, state warm-up.
    /// </summary>
    public static G7Egv Egv(ReadingMemory memory, DateTimeOffset now)
    {
        var timestamp = DexTime.At(memory.ActivatedAt, now);
        if (memory.Latest(now) is not { } r)
            return new G7Egv(0, timestamp, 0, 0, SessionNumber, 0, null, 0, G6Responses.StateWarmUp, TrendRate.None, null, 0);
        var age = (ushort)Math.Min(ushort.MaxValue, timestamp - Math.Min(timestamp, r.Timestamp));
        return new G7Egv(0, timestamp, (ushort)r.Sequence, 0, SessionNumber, age, r.Glucose, 0, G6Responses.StateOk, r.Trend, null, 0);
    }

    /// <summary>
    /// Backfill (spec §2.5): one 9-byte record per stored reading in [start, end], then the 0x59 summary. The
    /// summary's buffer CRC is CRC-16/XMODEM over the concatenated records — what DiaBLE checks; unconfirmed on a
    /// real sensor. Result 1 "no record" when the range is empty.
    /// </summary>
    public static (IReadOnlyList<G7BackfillRecord> Records, G7Backfill Summary) Backfill(ReadingMemory memory, G7BackfillTx request, DateTimeOffset now)
    {
        var stored = memory.Between(request.StartTime, request.EndTime, now);
        var records = stored.Select(r => new G7BackfillRecord(r.Timestamp, r.Glucose, 0, G6Responses.StateOk, 0, r.Trend)).ToList();
        if (records.Count == 0)
            return (records, new G7Backfill(0, 1, 0, 0, 0, 0, 0));
        var buffer = records.SelectMany(r => r.Encode()).ToArray();
        var summary = new G7Backfill(0, 0, (uint)buffer.Length, Crc16Xmodem.Compute(buffer), (ushort)stored[0].Sequence, stored[0].Timestamp, stored[^1].Timestamp);
        return (records, summary);
    }
}
