namespace Simulator.Ble.Dexcom.G6.Backfill;

/// <summary>
/// A reassembled G6 backfill stream (spec §1.5): the 4-byte stream header (meaning UNKNOWN; xdrip-js
/// reads its first u16 as a request counter), the 8-byte records, and how many trailing bytes did not
/// form a whole record (peers ignore them).
/// </summary>
public sealed record BackfillStreamContents(uint Header, IReadOnlyList<BackfillRecord> Records, int TrailingBytes);
