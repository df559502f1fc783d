using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G7;

/// <summary>
/// G7BackfillRecord: One G7 backfill record: a 9-byte notification on Backfill, no opcode, no CRC (spec
/// §2.5). 9 bytes, no CRC.
/// </summary>
/// <remarks>Sources: LoopKit/G7SensorKit:G7SensorKitTests/G7GlucoseMessageTests.swift (testBackfill).</remarks>
public sealed record G7BackfillRecord(uint Timestamp, ushort? Glucose, byte GlucoseFlags, byte State, byte SecondaryState, sbyte Trend) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="G7BackfillRecord"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "cf5802008f00060f10";

    public static BleMessageType Type { get; } = new(
        "G7BackfillRecord",
        null,
        BleChannel.Backfill,
        BleDirection.Rx,
        minLength: 9,
        maxLength: 9,
        hasCrc: false,
        [TransmitterGeneration.G7],
        [
            new("timestamp", "u32", 0, "Seconds since sensor start (4-byte reading; G7SensorKit reads 3 bytes, identical while byte 3 is 0)."),
            new("glucose", "u12?", 4, "Glucose, mg/dL; none when the word is 0xFFFF."),
            new("glucoseFlags", "u4", 4, "Top 4 bits of the glucose word at byte 4; kept so decode→encode is lossless."),
            new("state", "u8", 6, "Algorithm state."),
            new("secondaryState", "u8", 7, "Secondary state; bit 0x10 = display only."),
            new("trend", "i8", 8, "Rate in 0.1 mg/dL per minute; 127 = none."),
        ],
        "One G7 backfill record: a 9-byte notification on Backfill, no opcode, no CRC (spec §2.5).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    /// <summary>G7SensorKit rule: bit 0x10 of SecondaryState, only when glucose is present.</summary>
    public bool GlucoseIsDisplayOnly => Glucose is not null && (SecondaryState & 0x10) != 0;

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .U32(Timestamp)
        .OptionalGlucoseWord(Glucose, GlucoseFlags)
        .U8(State)
        .U8(SecondaryState)
        .I8(Trend)
        .Finish();

    public static G7BackfillRecord Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static G7BackfillRecord Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var timestamp = r.U32();
        var (glucose, glucoseFlags) = BleGlucoseWord.SplitOptional(r.U16());
        var state = r.U8();
        var secondaryState = r.U8();
        var trend = r.I8();
        return new(timestamp, glucose, glucoseFlags, state, secondaryState, trend);
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["timestamp"] = Timestamp;
        json["glucose"] = Glucose;
        json["glucoseFlags"] = GlucoseFlags;
        json["state"] = State;
        json["secondaryState"] = SecondaryState;
        json["trend"] = Trend;
        json["glucoseIsDisplayOnly"] = GlucoseIsDisplayOnly;
    }

    private static G7BackfillRecord Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.U32("timestamp", s.Timestamp),
            v.OptionalU16("glucose", s.Glucose),
            v.U8("glucoseFlags", s.GlucoseFlags),
            v.U8("state", s.State),
            v.U8("secondaryState", s.SecondaryState),
            v.I8("trend", s.Trend));
    }
}
