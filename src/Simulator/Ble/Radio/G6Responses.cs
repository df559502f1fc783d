using Simulator.Ble.Dexcom.G6;
using Simulator.Ble.Dexcom.G6.Backfill;

namespace Simulator.Ble.Radio;

/// <summary>
/// The G6 control-channel answers built from a transmitter's memory (spec §1.4, §1.5). Status is always 0x00 (OK):
/// battery faults are not simulated.
/// </summary>
internal static class G6Responses
{
    /// <summary>Algorithm state 6 "OK" (spec §1.4 table); 2 "warm-up" while the transmitter has no reading yet.</summary>
    public const byte StateOk = 6;
    public const byte StateWarmUp = 2;

    /// <summary>Bytes 10-13 of TransmitterTimeRx: every peer vector has 01 00 00 00 (spec §1.4).</summary>
    private const uint TimeReserved = 1;

    public static TransmitterTimeRx Time(ReadingMemory memory, DateTimeOffset sessionStartedAt, DateTimeOffset now) =>
        new(0, DexTime.At(memory.ActivatedAt, now), DexTime.At(memory.ActivatedAt, sessionStartedAt), TimeReserved);

    /// <summary>The newest reading; with none yet, state warm-up, glucose 0, sequence 0, timestamp now (docs/ble-link.md step 5).</summary>
    public static GlucoseRx Glucose(ReadingMemory memory, DateTimeOffset now) => memory.Latest(now) is { } r
        ? new GlucoseRx(0, r.Sequence, r.Timestamp, r.Glucose, 0, StateOk, r.Trend)
        : new GlucoseRx(0, 0, DexTime.At(memory.ActivatedAt, now), 0, 0, StateWarmUp, TrendRate.None);

    /// <summary>G6 EGV (0x4F): GlucoseRx plus a predicted value; the harness predicts no change.</summary>
    public static EgvRx Egv(ReadingMemory memory, DateTimeOffset now)
    {
        var g = Glucose(memory, now);
        return new EgvRx(g.Status, g.Sequence, g.Timestamp, g.Glucose, g.GlucoseFlags, g.State, g.Trend, g.Glucose);
    }

    /// <summary>
    /// Backfill (spec §1.5): the stored readings in [start, end], 8-byte records with their original timestamps,
    /// split into ≤20-byte frames by <see cref="BackfillStream"/>, then the BackfillRx that covers them. The stream's
    /// 4-byte header (meaning unknown; xdrip-js reads a request counter) carries <paramref name="requestCount"/>.
    /// No readings: no frames and a BackfillRx with length 0 and times 0.
    /// </summary>
    public static (IReadOnlyList<BackfillFrame> Frames, BackfillRx Summary) Backfill(ReadingMemory memory, BackfillTx request, uint requestCount, DateTimeOffset now)
    {
        var records = memory.Between(request.StartTime, request.EndTime, now)
            .Select(r => new BackfillRecord(r.Timestamp, r.Glucose, 0, StateOk, r.Trend))
            .ToList();
        var frames = records.Count == 0
            ? []
            : BackfillStream.Split(records, requestCount, BackfillStream.StreamIdFor(request.Identifier));
        return (frames, BackfillStream.Summarize(frames, records, request.Identifier));
    }
}
