namespace Simulator.Ble.Btsnoop;

/// <summary>
/// One btsnoop packet record (spec §5.3): 24-byte big-endian header — u32 original length, u32 included
/// length (= <see cref="Data"/>.Length), u32 flags, u32 cumulative drops, i64 timestamp in µs since 0 AD —
/// then the packet data (for H4: HCI packet type byte first).
/// </summary>
public sealed record BtsnoopRecord(uint OriginalLength, uint Flags, uint CumulativeDrops, long Timestamp, byte[] Data)
{
    public const int HeaderLength = 24;

    /// <summary>Flags bit 0: 1 = received (controller→host), 0 = sent (host→controller).</summary>
    public const uint ReceivedFlag = 0x1;

    /// <summary>Flags bit 1: 1 = command/event, 0 = ACL/data.</summary>
    public const uint CommandOrEventFlag = 0x2;

    public bool IsReceived => (Flags & ReceivedFlag) != 0;

    public bool IsTruncated => Data.Length < OriginalLength;

    public DateTimeOffset Time => BtsnoopTime.ToDateTimeOffset(Timestamp);
}
