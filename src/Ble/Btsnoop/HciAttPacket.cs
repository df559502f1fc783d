using System.Buffers.Binary;

namespace Simulator.Ble.Btsnoop;

/// <summary>
/// Wraps an ATT PDU for an H4 btsnoop record (spec §5.3):
/// <code>
/// [0]      0x02 H4 packet type ACL
/// [1..2]   u16 LE: connection handle (12 bits) | packet-boundary flag &lt;&lt; 12 (0b10 = first fragment) | broadcast 0
/// [3..4]   u16 LE: ACL data length (= 4 + ATT PDU length)
/// [5..6]   u16 LE: L2CAP PDU length (= ATT PDU length)
/// [7..8]   u16 LE: L2CAP channel id 0x0004 (ATT on LE)
/// [9]      ATT opcode (0x1B notify, 0x1D indicate, 0x12 write request, 0x52 write command)
/// [10..11] u16 LE: attribute handle
/// [12..]   characteristic value
/// </code>
/// Our writer never fragments (the ACL length field holds any ATT value up to 65531 bytes) and uses
/// boundary flag 0b10 in both directions; the reader also reassembles 0b01 continuation fragments.
/// </summary>
public static class HciAttPacket
{
    public const byte H4Acl = 0x02;
    public const ushort AttChannelId = 0x0004;
    public const int FirstFragment = 0b10;
    public const int ContinuationFragment = 0b01;

    /// <summary>The connection handle our writer uses; any 12-bit value is valid, 0x0040 is typical of Android LE links.</summary>
    public const ushort DefaultConnectionHandle = 0x0040;

    public static byte[] Build(ushort connectionHandle, byte attOpcode, ushort attHandle, ReadOnlySpan<byte> value)
    {
        if (connectionHandle > 0x0FFF)
        {
            throw new ArgumentOutOfRangeException(nameof(connectionHandle), connectionHandle, "An HCI connection handle has 12 bits.");
        }

        var attLength = 3 + value.Length;
        if (attLength + 4 > ushort.MaxValue)
        {
            throw new ArgumentException("The ATT value is too long for one ACL packet.", nameof(value));
        }

        var packet = new byte[1 + 4 + 4 + attLength];
        packet[0] = H4Acl;
        BinaryPrimitives.WriteUInt16LittleEndian(packet.AsSpan(1), (ushort)(connectionHandle | (FirstFragment << 12)));
        BinaryPrimitives.WriteUInt16LittleEndian(packet.AsSpan(3), (ushort)(attLength + 4));
        BinaryPrimitives.WriteUInt16LittleEndian(packet.AsSpan(5), (ushort)attLength);
        BinaryPrimitives.WriteUInt16LittleEndian(packet.AsSpan(7), AttChannelId);
        packet[9] = attOpcode;
        BinaryPrimitives.WriteUInt16LittleEndian(packet.AsSpan(10), attHandle);
        value.CopyTo(packet.AsSpan(12));
        return packet;
    }
}
