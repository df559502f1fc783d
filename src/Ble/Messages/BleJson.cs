using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Simulator.Ble.Messages;

/// <summary>
/// JSON view of a message for <c>simulator ble decode</c>: one object with <c>message</c>, <c>opcode</c>
/// ("0x31", or null for Backfill-channel data), <c>channel</c>, <c>direction</c>, the fields in camelCase
/// (byte arrays as lowercase hex, "none" values as null, derived values such as <c>glucoseIsDisplayOnly</c>),
/// and — only for layouts with a CRC — <c>crc</c> ("0x2AC4") and <c>crcValid</c>.
/// </summary>
public static class BleJson
{
    /// <summary>Describes a message object; its CRC is the one <see cref="IBleMessage.Encode"/> writes, so <c>crcValid</c> is true.</summary>
    public static JsonObject Describe(IBleMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Describe(message, message.Encode());
    }

    /// <summary>
    /// Decodes <paramref name="bytes"/> without rejecting a wrong CRC and reports the CRC found on the wire
    /// with <c>crcValid</c>. Other decode errors throw <see cref="BlePacketException"/>.
    /// </summary>
    public static JsonObject DescribeBytes(ReadOnlySpan<byte> bytes, TransmitterGeneration generation, BleChannel? channel = null)
    {
        var message = channel is { } c && c == BleChannel.Backfill
            ? BleMessages.Decode(bytes, generation, c)
            : BleMessages.Decode(bytes, generation, verifyCrc: false);
        return Describe(message, bytes);
    }

    /// <summary>A float as a JSON number, or as a string for NaN/infinity (which JSON numbers cannot hold).</summary>
    public static JsonNode Number(float value) =>
        float.IsFinite(value) ? JsonValue.Create(value) : JsonValue.Create(value.ToString(CultureInfo.InvariantCulture));

    private static JsonObject Describe(IBleMessage message, ReadOnlySpan<byte> wire)
    {
        var type = message.MessageType;
        var json = new JsonObject
        {
            ["message"] = type.Name,
            ["opcode"] = type.Opcode is { } op ? string.Create(CultureInfo.InvariantCulture, $"0x{op:X2}") : null,
            ["channel"] = type.Channel.ToString(),
            ["direction"] = type.Direction.ToString(),
        };
        message.DescribeFields(json);
        if (type.HasCrc)
        {
            var end = wire.Length - 2;
            var stored = BinaryPrimitives.ReadUInt16LittleEndian(wire[end..]);
            json["crc"] = string.Create(CultureInfo.InvariantCulture, $"0x{stored:X4}");
            json["crcValid"] = stored == Crc16Xmodem.Compute(wire[..end]);
        }

        return json;
    }
}
