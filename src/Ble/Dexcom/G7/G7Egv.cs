using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G7;

/// <summary>
/// G7Egv (0x4E): G7 EGV notification (spec §2.4). 19 bytes, no CRC.
/// </summary>
/// <remarks>Sources: LoopKit/G7SensorKit:G7SensorKitTests/G7GlucoseMessageTests.swift (testG7MessageDataDetails).</remarks>
public sealed record G7Egv(byte Status, uint Timestamp, ushort Sequence, byte Unknown, byte SessionNumber, ushort Age, ushort? Glucose, byte GlucoseFlags, byte State, sbyte Trend, ushort? PredictedGlucose, byte SecondaryState) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="G7Egv"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "4e00a89c00008800000104008d0006038a000f";

    public static BleMessageType Type { get; } = new(
        "G7Egv",
        0x4E,
        BleChannel.Control,
        BleDirection.Rx,
        minLength: 19,
        maxLength: 19,
        hasCrc: false,
        [TransmitterGeneration.G7],
        [
            new("status", "u8", 1, "Transmitter status: 0x00 OK, 0x81 low battery (spec §1.4)."),
            new("timestamp", "u32", 2, "Message timestamp (txTime), seconds since sensor start."),
            new("sequence", "u16", 6, "Sequence number."),
            new("unknown", "u8", 8, "Byte 8, 0 in all vectors."),
            new("sessionNumber", "u8", 9, "Session number (1 in running sessions)."),
            new("age", "u16", 10, "Seconds from measurement to transmission."),
            new("glucose", "u12?", 12, "Glucose, mg/dL (low 12 bits); none when the word is 0xFFFF."),
            new("glucoseFlags", "u4", 12, "Top 4 bits of the glucose word at byte 12; kept so decode→encode is lossless."),
            new("state", "u8", 14, "Algorithm state (table in spec §1.4)."),
            new("trend", "i8", 15, "Rate in 0.1 mg/dL per minute; 127 = none."),
            new("predictedGlucose", "u16?", 16, "Predicted glucose word, raw (peers mask 0x0FFF); none when 0xFFFF."),
            new("secondaryState", "u8", 18, "Secondary algorithm state; bit 0x10 = display only / calibrated."),
        ],
        "G7 EGV notification (spec §2.4).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    /// <summary>Seconds since sensor start of the measurement: Timestamp − Age (spec §2.4).</summary>
    public uint GlucoseTimestamp => Timestamp - Age;

    /// <summary>G7SensorKit rule: bit 0x10 of SecondaryState, only when glucose is present.</summary>
    public bool GlucoseIsDisplayOnly => Glucose is not null && (SecondaryState & 0x10) != 0;

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .U8(Status)
        .U32(Timestamp)
        .U16(Sequence)
        .U8(Unknown)
        .U8(SessionNumber)
        .U16(Age)
        .OptionalGlucoseWord(Glucose, GlucoseFlags)
        .U8(State)
        .I8(Trend)
        .OptionalU16(PredictedGlucose)
        .U8(SecondaryState)
        .Finish();

    public static G7Egv Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static G7Egv Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var status = r.U8();
        var timestamp = r.U32();
        var sequence = r.U16();
        var unknown = r.U8();
        var sessionNumber = r.U8();
        var age = r.U16();
        var (glucose, glucoseFlags) = BleGlucoseWord.SplitOptional(r.U16());
        var state = r.U8();
        var trend = r.I8();
        var predictedGlucose = r.OptionalU16();
        var secondaryState = r.U8();
        return new(status, timestamp, sequence, unknown, sessionNumber, age, glucose, glucoseFlags, state, trend, predictedGlucose, secondaryState);
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["status"] = Status;
        json["timestamp"] = Timestamp;
        json["sequence"] = Sequence;
        json["unknown"] = Unknown;
        json["sessionNumber"] = SessionNumber;
        json["age"] = Age;
        json["glucose"] = Glucose;
        json["glucoseFlags"] = GlucoseFlags;
        json["state"] = State;
        json["trend"] = Trend;
        json["predictedGlucose"] = PredictedGlucose;
        json["secondaryState"] = SecondaryState;
        json["glucoseTimestamp"] = GlucoseTimestamp;
        json["glucoseIsDisplayOnly"] = GlucoseIsDisplayOnly;
    }

    private static G7Egv Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.U8("status", s.Status),
            v.U32("timestamp", s.Timestamp),
            v.U16("sequence", s.Sequence),
            v.U8("unknown", s.Unknown),
            v.U8("sessionNumber", s.SessionNumber),
            v.U16("age", s.Age),
            v.OptionalU16("glucose", s.Glucose),
            v.U8("glucoseFlags", s.GlucoseFlags),
            v.U8("state", s.State),
            v.I8("trend", s.Trend),
            v.OptionalU16("predictedGlucose", s.PredictedGlucose),
            v.U8("secondaryState", s.SecondaryState));
    }
}
