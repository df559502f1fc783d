namespace Simulator.Ble.Btsnoop;

/// <summary>
/// btsnoop timestamps are microseconds since midnight 1 January 0 AD (spec §5.3):
/// Unix µs = value − 0x00DCDDB30F2F8000.
/// </summary>
public static class BtsnoopTime
{
    /// <summary>Microseconds from 0 AD to the Unix epoch.</summary>
    public const long UnixEpochOffset = 0x00DCDDB30F2F8000;

    public static long FromDateTimeOffset(DateTimeOffset timestamp) => FromUnixMicroseconds((timestamp.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10);

    public static long FromUnixMicroseconds(long unixMicroseconds) => unixMicroseconds + UnixEpochOffset;

    public static long ToUnixMicroseconds(long btsnoopMicroseconds) => btsnoopMicroseconds - UnixEpochOffset;

    public static DateTimeOffset ToDateTimeOffset(long btsnoopMicroseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks(ToUnixMicroseconds(btsnoopMicroseconds) * 10);
}
