using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6;

/// <summary>
/// GlucoseRx (0x31): G5-style glucose response (spec §1.4). 16 bytes, CRC-16/XMODEM in the last two.
/// </summary>
/// <remarks>Sources: LoopKit/CGMBLEKit:CGMBLEKitTests/GlucoseRxMessageTests.swift (testMessageData), xdrip-js/xdrip-js:test/test-glucose-rx-message.js.</remarks>
public sealed record GlucoseRx(byte Status, uint Sequence, uint Timestamp, ushort Glucose, byte GlucoseFlags, byte State, sbyte Trend) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="GlucoseRx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "3100680a00008a715700cc0006ffc42a";

    public static BleMessageType Type { get; } = new(
        "GlucoseRx",
        0x31,
        BleChannel.Control,
        BleDirection.Rx,
        minLength: 16,
        maxLength: 16,
        hasCrc: true,
        [TransmitterGeneration.G6],
        [
            new("status", "u8", 1, "Transmitter status: 0x00 OK, 0x81 low battery (spec §1.4)."),
            new("sequence", "u32", 2, "Reading sequence number."),
            new("timestamp", "u32", 6, "Dex seconds of the reading."),
            new("glucose", "u12", 10, "Glucose, mg/dL (low 12 bits of the glucose word)."),
            new("glucoseFlags", "u4", 10, "Top 4 bits of the glucose word at byte 10; kept so decode→encode is lossless."),
            new("state", "u8", 12, "Calibration/algorithm state (6 = OK; table in spec §1.4)."),
            new("trend", "i8", 13, "Trend in 0.1 mg/dL per minute; 127 = not available."),
        ],
        "G5-style glucose response (spec §1.4).",
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
        .Finish();

    public static GlucoseRx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static GlucoseRx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var status = r.U8();
        var sequence = r.U32();
        var timestamp = r.U32();
        var (glucose, glucoseFlags) = BleGlucoseWord.Split(r.U16());
        var state = r.U8();
        var trend = r.I8();
        return new(status, sequence, timestamp, glucose, glucoseFlags, state, trend);
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
        json["glucoseIsDisplayOnly"] = GlucoseIsDisplayOnly;
    }

    private static GlucoseRx Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.U8("status", s.Status),
            v.U32("sequence", s.Sequence),
            v.U32("timestamp", s.Timestamp),
            v.U16("glucose", s.Glucose),
            v.U8("glucoseFlags", s.GlucoseFlags),
            v.U8("state", s.State),
            v.I8("trend", s.Trend));
    }
}
