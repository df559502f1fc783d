using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6;

/// <summary>
/// SensorTimestampRx (0x2F): Sensor data, 8-byte G6+ form with status and timestamp only (spec §1.4). 8
/// bytes, CRC-16/XMODEM in the last two.
/// </summary>
/// <remarks>Sources: xdrip-js/xdrip-js:test/test-sensor-rx-message.js (G6+ vector).</remarks>
public sealed record SensorTimestampRx(byte Status, uint Timestamp) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="SensorTimestampRx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "2f005ac55b00d9f2";

    public static BleMessageType Type { get; } = new(
        "SensorTimestampRx",
        0x2F,
        BleChannel.Control,
        BleDirection.Rx,
        minLength: 8,
        maxLength: 8,
        hasCrc: true,
        [TransmitterGeneration.G6],
        [
            new("status", "u8", 1, "Transmitter status: 0x00 OK, 0x81 low battery (spec §1.4)."),
            new("timestamp", "u32", 2, "Dex seconds."),
        ],
        "Sensor data, 8-byte G6+ form with status and timestamp only (spec §1.4).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .U8(Status)
        .U32(Timestamp)
        .Finish();

    public static SensorTimestampRx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static SensorTimestampRx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var status = r.U8();
        var timestamp = r.U32();
        return new(status, timestamp);
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["status"] = Status;
        json["timestamp"] = Timestamp;
    }

    private static SensorTimestampRx Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.U8("status", s.Status),
            v.U32("timestamp", s.Timestamp));
    }
}
