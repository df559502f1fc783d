using System.Buffers.Binary;

namespace Simulator.Ble.Btsnoop;

/// <summary>
/// Writes a btsnoop file (spec §5.3). The 16-byte header is written on construction:
/// <c>62 74 73 6E 6F 6F 70 00</c> ("btsnoop\0"), u32 BE version 1, u32 BE datalink (1002 = H4 by default).
/// Each record is a 24-byte big-endian header (original length, included length, flags, cumulative drops,
/// i64 µs since 0 AD) followed by the data. Timestamps are passed in; nothing reads the wall clock.
/// </summary>
public sealed class BtsnoopWriter : IDisposable
{
    public const int FileHeaderLength = 16;
    public const uint Version = 1;

    private static readonly byte[] Magic = "btsnoop\0"u8.ToArray();
    private readonly Stream stream;
    private readonly bool leaveOpen;
    private readonly AttHandleMap handles;
    private readonly ushort connectionHandle;

    public BtsnoopWriter(Stream stream, AttHandleMap? handles = null, ushort connectionHandle = HciAttPacket.DefaultConnectionHandle, BtsnoopDatalink datalink = BtsnoopDatalink.HciUart, bool leaveOpen = true)
    {
        ArgumentNullException.ThrowIfNull(stream);
        this.stream = stream;
        this.leaveOpen = leaveOpen;
        this.handles = handles ?? AttHandleMap.Dexcom;
        this.connectionHandle = connectionHandle;
        Datalink = datalink;
        Span<byte> header = stackalloc byte[FileHeaderLength];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt32BigEndian(header[8..], Version);
        BinaryPrimitives.WriteUInt32BigEndian(header[12..], (uint)datalink);
        stream.Write(header);
    }

    public BtsnoopDatalink Datalink { get; }

    /// <summary>Writes one raw record; included length is <c>record.Data.Length</c>.</summary>
    public void WriteRecord(BtsnoopRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Span<byte> header = stackalloc byte[BtsnoopRecord.HeaderLength];
        BinaryPrimitives.WriteUInt32BigEndian(header, record.OriginalLength);
        BinaryPrimitives.WriteUInt32BigEndian(header[4..], (uint)record.Data.Length);
        BinaryPrimitives.WriteUInt32BigEndian(header[8..], record.Flags);
        BinaryPrimitives.WriteUInt32BigEndian(header[12..], record.CumulativeDrops);
        BinaryPrimitives.WriteInt64BigEndian(header[16..], record.Timestamp);
        stream.Write(header);
        stream.Write(record.Data);
    }

    /// <summary>
    /// Writes a characteristic value as an H4 ACL / L2CAP / ATT record. Notifications and indications are
    /// "received" (flags = 1), writes are "sent" (flags = 0), as an Android phone logs them (spec §5.3).
    /// </summary>
    public void WriteAttValue(DateTimeOffset timestamp, byte attOpcode, Guid characteristic, ReadOnlySpan<byte> value)
    {
        if (!AttOpcodes.CarriesValue(attOpcode))
        {
            throw new ArgumentException($"ATT opcode 0x{attOpcode:X2} does not carry a characteristic value; use 0x1B, 0x1D, 0x12 or 0x52.", nameof(attOpcode));
        }

        var data = HciAttPacket.Build(connectionHandle, attOpcode, handles.HandleFor(characteristic), value);
        var flags = AttOpcodes.IsFromPeripheral(attOpcode) ? BtsnoopRecord.ReceivedFlag : 0u;
        WriteRecord(new BtsnoopRecord((uint)data.Length, flags, 0, BtsnoopTime.FromDateTimeOffset(timestamp), data));
    }

    public void WriteNotification(DateTimeOffset timestamp, Guid characteristic, ReadOnlySpan<byte> value) =>
        WriteAttValue(timestamp, AttOpcodes.HandleValueNotification, characteristic, value);

    public void WriteIndication(DateTimeOffset timestamp, Guid characteristic, ReadOnlySpan<byte> value) =>
        WriteAttValue(timestamp, AttOpcodes.HandleValueIndication, characteristic, value);

    public void WriteWriteRequest(DateTimeOffset timestamp, Guid characteristic, ReadOnlySpan<byte> value) =>
        WriteAttValue(timestamp, AttOpcodes.WriteRequest, characteristic, value);

    public void WriteWriteCommand(DateTimeOffset timestamp, Guid characteristic, ReadOnlySpan<byte> value) =>
        WriteAttValue(timestamp, AttOpcodes.WriteCommand, characteristic, value);

    public void Flush() => stream.Flush();

    public void Dispose()
    {
        stream.Flush();
        if (!leaveOpen)
        {
            stream.Dispose();
        }
    }
}
