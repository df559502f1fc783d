using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6;

/// <summary>
/// EgvRx (0x4F): G6 EGV response with predicted glucose, 18 bytes (spec §1.4). 18 bytes, CRC-16/XMODEM
/// in the last two.
/// </summary>
/// <remarks>Sources: NightscoutFoundation/xDrip:…/g5model/EGlucoseRxMessage.java, gui-dos/DiaBLE:DiaBLE/Dexcom.swift; synthesized from the GlucoseRx vector (no asserted 0x4F vector exists).</remarks>
public sealed record EgvRx(byte Status, uint Sequence, uint Timestamp, ushort Glucose, byte GlucoseFlags, byte State, sbyte Trend, ushort PredictedGlucose) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="EgvRx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "4f00680a00008a715700cc0006ffcc00d41b";

    public static BleMessageType Type { get; } = new(
        "EgvRx",
        0x4F,
        BleChannel.Control,
        BleDirection.Rx,
        minLength: 18,
        maxLength: 18,
        hasCrc: true,
        [TransmitterGeneration.G6],
        [
            new("status", "u8", 1, "Transmitter status: 0x00 OK, 0x81 low battery (spec §1.4)."),
            new("sequence", "u32", 2, "Reading sequence number."),
            new("timestamp", "u32", 6, "Dex seconds of the reading."),
            new("glucose", "u12", 10, "Glucose, mg/dL (low 12 bits of the glucose word)."),
            new("glucoseFlags", "u4", 10, "Top 4 bits of the glucose word at byte 10; kept so decode→encode is lossless."),
            new("state", "u8", 12, "Calibration/algorithm state."),
            new("trend", "i8", 13, "Trend in 0.1 mg/dL per minute; 127 = not available."),
            new("predictedGlucose", "u16", 14, "Predicted glucose word, raw (xDrip masks 0x03FF, DiaBLE 0x0FFF; 0xFFFF none)."),
        ],
        "G6 EGV response with predicted glucose, 18 bytes (spec §1.4).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    /// <summary>True when any of the top 4 bits of the glucose word is set (spec §1.4).</summary>
    public bool GlucoseIsDisplayOnly => GlucoseFlags != 0;

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .U8(Status)
        .U32(Sequence)
        .U32(Timestamp)
        .GlucoseWord(Glucose, GlucoseFlags)
        .U8(State)
        .I8(Trend)
        .U16(PredictedGlucose)
        .Finish();

    public static EgvRx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static EgvRx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var status = r.U8();
        var sequence = r.U32();
        var timestamp = r.U32();
        var (glucose, glucoseFlags) = BleGlucoseWord.Split(r.U16());
        var state = r.U8();
        var trend = r.I8();
        var predictedGlucose = r.U16();
        return new(status, sequence, timestamp, glucose, glucoseFlags, state, trend, predictedGlucose);
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["status"] = Status;
        json["sequence"] = Sequence;
        json["timestamp"] = Timestamp;
        json["glucose"] = Glucose;
        json["glucoseFlags"] = GlucoseFlags;
        json["state"] = State;
        json["trend"] = Trend;
        json["predictedGlucose"] = PredictedGlucose;
        json["glucoseIsDisplayOnly"] = GlucoseIsDisplayOnly;
    }

    private static EgvRx Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.U8("status", s.Status),
            v.U32("sequence", s.Sequence),
            v.U32("timestamp", s.Timestamp),
            v.U16("glucose", s.Glucose),
            v.U8("glucoseFlags", s.GlucoseFlags),
            v.U8("state", s.State),
            v.I8("trend", s.Trend),
            v.U16("predictedGlucose", s.PredictedGlucose));
    }
}
