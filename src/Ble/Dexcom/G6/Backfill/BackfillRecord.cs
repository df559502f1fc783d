using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6.Backfill;

/// <summary>
/// One 8-byte G6 backfill record inside the reassembled backfill stream (spec §1.5):
/// u32 timestamp (dex), u16 glucose word (12-bit value + 4 flag bits, as in GlucoseRx), u8 state, i8 trend.
/// Records have no opcode or CRC of their own; the whole stream is covered by BackfillRx.BufferCrc.
/// </summary>
public sealed record BackfillRecord(uint Timestamp, ushort Glucose, byte GlucoseFlags, byte State, sbyte Trend)
{
    public const int Length = 8;

    /// <summary>True when any of the top 4 bits of the glucose word is set (spec §1.4).</summary>
    public bool GlucoseIsDisplayOnly => GlucoseFlags != 0;

    public byte[] Encode()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, Timestamp);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[4..], BleGlucoseWord.Join(nameof(BackfillRecord), Glucose, GlucoseFlags));
        destination[6] = State;
        destination[7] = unchecked((byte)Trend);
    }

    /// <summary>Reads the first 8 bytes of <paramref name="bytes"/>; throws <see cref="BlePacketException"/> if fewer.</summary>
    public static BackfillRecord Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Length)
        {
            throw new BlePacketException(bytes.Length, BlePacketErrorReason.TooShort, $"byte {bytes.Length}: a backfill record needs {Length} bytes but only {bytes.Length} remain");
        }

        var (glucose, flags) = BleGlucoseWord.Split(BinaryPrimitives.ReadUInt16LittleEndian(bytes[4..]));
        return new BackfillRecord(BinaryPrimitives.ReadUInt32LittleEndian(bytes), glucose, flags, bytes[6], unchecked((sbyte)bytes[7]));
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["timestamp"] = Timestamp;
        json["glucose"] = Glucose;
        json["glucoseFlags"] = GlucoseFlags;
        json["state"] = State;
        json["trend"] = Trend;
        json["glucoseIsDisplayOnly"] = GlucoseIsDisplayOnly;
    }
}
