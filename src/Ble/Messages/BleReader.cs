using System.Buffers.Binary;
using System.Globalization;

namespace Simulator.Ble.Messages;

/// <summary>
/// Reads one fixed-layout message field by field (little-endian, spec conventions) after checking
/// opcode, length and CRC against its <see cref="BleMessageType"/>. Every failure is a <see cref="BlePacketException"/>.
/// </summary>
public ref struct BleReader
{
    private readonly ReadOnlySpan<byte> bytes;
    private int position;

    private BleReader(ReadOnlySpan<byte> bytes, int position)
    {
        this.bytes = bytes;
        this.position = position;
    }

    /// <summary>Validates <paramref name="bytes"/> against <paramref name="type"/> and positions after the opcode.</summary>
    public static BleReader Open(ReadOnlySpan<byte> bytes, BleMessageType type, bool verifyCrc)
    {
        if (type.Opcode is { } opcode)
        {
            if (bytes.IsEmpty)
            {
                throw new BlePacketException(0, BlePacketErrorReason.TooShort, $"byte 0: message is empty; {type.Name} needs {type.MinLength} bytes");
            }

            if (bytes[0] != opcode)
            {
                throw new BlePacketException(0, BlePacketErrorReason.UnknownOpcode, string.Create(CultureInfo.InvariantCulture, $"byte 0: opcode 0x{bytes[0]:X2} is not {type.Name} (0x{opcode:X2})"));
            }
        }

        if (bytes.Length < type.MinLength)
        {
            throw new BlePacketException(bytes.Length, BlePacketErrorReason.TooShort, string.Create(CultureInfo.InvariantCulture, $"byte {bytes.Length}: {type.Name} needs {type.MinLength} bytes but the message ends after {bytes.Length}"));
        }

        if (bytes.Length > type.MaxLength)
        {
            throw new BlePacketException(type.MaxLength, BlePacketErrorReason.TooLong, string.Create(CultureInfo.InvariantCulture, $"byte {type.MaxLength}: {type.Name} is {type.MaxLength} bytes but the message has {bytes.Length}"));
        }

        if (type.HasCrc && verifyCrc)
        {
            CheckCrc(bytes);
        }

        return new BleReader(bytes, type.Opcode is null ? 0 : 1);
    }

    /// <summary>Throws <see cref="BlePacketErrorReason.BadCrc"/> unless the last two bytes are the CRC of the rest.</summary>
    public static void CheckCrc(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.Length - 2;
        var stored = BinaryPrimitives.ReadUInt16LittleEndian(bytes[end..]);
        var computed = Crc16Xmodem.Compute(bytes[..end]);
        if (stored != computed)
        {
            throw new BlePacketException(end, BlePacketErrorReason.BadCrc, string.Create(CultureInfo.InvariantCulture, $"bytes {end}-{end + 1}: CRC is 0x{stored:X4} but the message computes 0x{computed:X4}"));
        }
    }

    public byte U8() => bytes[position++];

    public sbyte I8() => unchecked((sbyte)bytes[position++]);

    public ushort U16()
    {
        var value = BinaryPrimitives.ReadUInt16LittleEndian(bytes[position..]);
        position += 2;
        return value;
    }

    public uint U32()
    {
        var value = BinaryPrimitives.ReadUInt32LittleEndian(bytes[position..]);
        position += 4;
        return value;
    }

    public float F32()
    {
        var value = BinaryPrimitives.ReadSingleLittleEndian(bytes[position..]);
        position += 4;
        return value;
    }

    public byte[] Bytes(int count)
    {
        var value = bytes.Slice(position, count).ToArray();
        position += count;
        return value;
    }

    /// <summary>Everything up to (not including) the CRC, for variable-length payloads.</summary>
    public byte[] Rest(bool hasCrc)
    {
        var end = hasCrc ? bytes.Length - 2 : bytes.Length;
        var value = bytes[position..end].ToArray();
        position = end;
        return value;
    }

    /// <summary>A u16 where 0xFFFF means "none" (G7 predicted glucose, spec §2.4).</summary>
    public ushort? OptionalU16()
    {
        var raw = U16();
        return raw == 0xFFFF ? null : raw;
    }
}
