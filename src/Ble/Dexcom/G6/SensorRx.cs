using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6;

/// <summary>
/// SensorRx (0x2F): Sensor raw data, 16-byte integer form (spec §1.4). 16 bytes, CRC-16/XMODEM in the
/// last two.
/// </summary>
/// <remarks>Sources: xdrip-js/xdrip-js:test/test-sensor-rx-message.js (G5/G6 vector), NightscoutFoundation/xDrip:…/g5model/SensorRxMessage.java.</remarks>
public sealed record SensorRx(byte Status, uint Timestamp, uint Unfiltered, uint Filtered) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="SensorRx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "2f005ac55b006081010030790100482a";

    public static BleMessageType Type { get; } = new(
        "SensorRx",
        0x2F,
        BleChannel.Control,
        BleDirection.Rx,
        minLength: 16,
        maxLength: 16,
        hasCrc: true,
        [TransmitterGeneration.G6],
        [
            new("status", "u8", 1, "Transmitter status: 0x00 OK, 0x81 low battery (spec §1.4)."),
            new("timestamp", "u32", 2, "Dex seconds."),
            new("unfiltered", "u32", 6, "Raw unfiltered value (G6 rev 1: multiply by 34)."),
            new("filtered", "u32", 10, "Raw filtered value (G6 rev 1: multiply by 34)."),
        ],
        "Sensor raw data, 16-byte integer form (spec §1.4).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .U8(Status)
        .U32(Timestamp)
        .U32(Unfiltered)
        .U32(Filtered)
        .Finish();

    public static SensorRx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static SensorRx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var status = r.U8();
        var timestamp = r.U32();
        var unfiltered = r.U32();
        var filtered = r.U32();
        return new(status, timestamp, unfiltered, filtered);
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["status"] = Status;
        json["timestamp"] = Timestamp;
        json["unfiltered"] = Unfiltered;
        json["filtered"] = Filtered;
    }

    private static SensorRx Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.U8("status", s.Status),
            v.U32("timestamp", s.Timestamp),
            v.U32("unfiltered", s.Unfiltered),
            v.U32("filtered", s.Filtered));
    }
}
