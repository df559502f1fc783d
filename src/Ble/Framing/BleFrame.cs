namespace Simulator.Ble.Framing;

/// <summary>
/// One logical BLE event in the harness stream (spec §5.2). Characteristic UUIDs, not ATT handles, so the
/// stream does not depend on a device's handle map. Wire formats: <see cref="BleFrameCodec"/> (binary)
/// and <see cref="BleFrameJson"/> (JSON Lines).
/// </summary>
/// <param name="Event">What happened.</param>
/// <param name="Direction">Phone→CGM or CGM→phone.</param>
/// <param name="Flags">Synthetic/truncated markers.</param>
/// <param name="UnixMicroseconds">Virtual-clock time, microseconds since the Unix epoch.</param>
/// <param name="LinkId">Link/connection id.</param>
/// <param name="Service">Service UUID (Guid.Empty when not applicable, e.g. connect).</param>
/// <param name="Characteristic">Characteristic UUID (Guid.Empty when not applicable).</param>
/// <param name="Payload">The exact ATT value bytes (e.g. a 16-byte GlucoseRx with CRC).</param>
public sealed record BleFrame(
    BleFrameEvent Event,
    BleFrameDirection Direction,
    BleFrameFlags Flags,
    long UnixMicroseconds,
    ushort LinkId,
    Guid Service,
    Guid Characteristic,
    byte[] Payload)
{
    /// <summary>The timestamp as a DateTimeOffset (UTC).</summary>
    public DateTimeOffset Timestamp => DateTimeOffset.UnixEpoch.AddTicks(UnixMicroseconds * 10);

    /// <summary>Microseconds since the Unix epoch for <paramref name="timestamp"/> (sub-µs ticks are dropped).</summary>
    public static long ToUnixMicroseconds(DateTimeOffset timestamp) => (timestamp.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    /// <summary>Structural equality including payload bytes (records compare arrays by reference).</summary>
    public bool SameAs(BleFrame other) =>
        other is not null && this with { Payload = [] } == other with { Payload = [] } && Payload.AsSpan().SequenceEqual(other.Payload);
}
