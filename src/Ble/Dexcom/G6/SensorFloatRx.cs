using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6;

/// <summary>
/// SensorFloatRx (0x2F): Sensor raw data, 18-byte float form of G6 (spec §1.4). 18 bytes, CRC-16/XMODEM
/// in the last two.
/// </summary>
/// <remarks>Sources: NightscoutFoundation/xDrip:…/g5model/SensorRxMessage.java, NightscoutFoundation/xDrip:…/g5model/RawScaling.java; synthesized sample.</remarks>
public sealed record SensorFloatRx(byte Status, uint Timestamp, float Unfiltered, float Filtered, ushort Unknown) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="SensorFloatRx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "2f005ac55b000000c8420000c84200005879";

    public static BleMessageType Type { get; } = new(
        "SensorFloatRx",
        0x2F,
        BleChannel.Control,
        BleDirection.Rx,
        minLength: 18,
        maxLength: 18,
        hasCrc: true,
        [TransmitterGeneration.G6],
        [
            new("status", "u8", 1, "Transmitter status: 0x00 OK, 0x81 low battery (spec §1.4)."),
            new("timestamp", "u32", 2, "Dex seconds."),
            new("unfiltered", "f32", 6, "IEEE float32 raw unfiltered value (multiply by 35)."),
            new("filtered", "f32", 10, "IEEE float32 raw filtered value (multiply by 35)."),
            new("unknown", "u16", 14, "Unknown u16 at 14."),
        ],
        "Sensor raw data, 18-byte float form of G6 (spec §1.4).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .U8(Status)
        .U32(Timestamp)
        .F32(Unfiltered)
        .F32(Filtered)
        .U16(Unknown)
        .Finish();

    public static SensorFloatRx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static SensorFloatRx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var status = r.U8();
        var timestamp = r.U32();
        var unfiltered = r.F32();
        var filtered = r.F32();
        var unknown = r.U16();
        return new(status, timestamp, unfiltered, filtered, unknown);
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["status"] = Status;
        json["timestamp"] = Timestamp;
        json["unfiltered"] = BleJson.Number(Unfiltered);
        json["filtered"] = BleJson.Number(Filtered);
        json["unknown"] = Unknown;
    }

    private static SensorFloatRx Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.U8("status", s.Status),
            v.U32("timestamp", s.Timestamp),
            v.F32("unfiltered", s.Unfiltered),
            v.F32("filtered", s.Filtered),
            v.U16("unknown", s.Unknown));
    }
}
