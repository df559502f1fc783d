using System.Buffers.Binary;
using System.Globalization;

namespace Simulator.Ble.Messages;

/// <summary>
/// Writes one message field by field (little-endian) and appends the CRC-16/XMODEM where the
/// layout has one (spec §1.2). Out-of-range values throw <see cref="ArgumentException"/>.
/// </summary>
public sealed class BleWriter
{
    private readonly BleMessageType type;
    private readonly byte[] buffer;
    private int position;

    public BleWriter(BleMessageType type, int length)
    {
        this.type = type;
        buffer = new byte[length];
        if (type.Opcode is { } opcode)
        {
            buffer[position++] = opcode;
        }
    }

    public BleWriter(BleMessageType type)
        : this(type, type.MinLength)
    {
    }

    public BleWriter U8(byte value)
    {
        buffer[position++] = value;
        return this;
    }

    public BleWriter I8(sbyte value)
    {
        buffer[position++] = unchecked((byte)value);
        return this;
    }

    public BleWriter U16(ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(position), value);
        position += 2;
        return this;
    }

    public BleWriter U32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(position), value);
        position += 4;
        return this;
    }

    public BleWriter F32(float value)
    {
        BinaryPrimitives.WriteSingleLittleEndian(buffer.AsSpan(position), value);
        position += 4;
        return this;
    }

    public BleWriter Bytes(byte[] value, int count, string fieldName)
    {
        ArgumentNullException.ThrowIfNull(value, fieldName);
        if (value.Length != count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{type.Name}.{fieldName} must be {count} bytes, not {value.Length}."), fieldName);
        }

        value.CopyTo(buffer, position);
        position += count;
        return this;
    }

    public BleWriter OptionalU16(ushort? value) => U16(value ?? 0xFFFF);

    /// <summary>Writes the glucose word: value in the low 12 bits, flags in the top 4 (spec §1.4 GlucoseRx).</summary>
    public BleWriter GlucoseWord(ushort glucose, byte flags) => U16(BleGlucoseWord.Join(type.Name, glucose, flags));

    /// <summary>As <see cref="GlucoseWord"/>, but a null glucose is written as 0xFFFF (G7, spec §2.4/§2.5).</summary>
    public BleWriter OptionalGlucoseWord(ushort? glucose, byte flags) => U16(BleGlucoseWord.JoinOptional(type.Name, glucose, flags));

    /// <summary>Appends the CRC if the layout has one and returns the message bytes.</summary>
    public byte[] Finish()
    {
        if (type.HasCrc)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(position), Crc16Xmodem.Compute(buffer.AsSpan(0, position)));
            position += 2;
        }

        if (position != buffer.Length)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{type.Name} wrote {position} of {buffer.Length} bytes."));
        }

        return buffer;
    }
}
