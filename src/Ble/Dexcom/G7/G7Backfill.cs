using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G7;

/// <summary>
/// G7Backfill (0x59): G7 backfill end marker / summary, 19 bytes (spec §2.5). 19 bytes, no CRC.
/// </summary>
/// <remarks>Sources: gui-dos/DiaBLE:DiaBLE/DexcomG7.swift; synthesized sample (buffer CRC left 0 because its algorithm is unconfirmed).</remarks>
public sealed record G7Backfill(byte Status, byte Result, uint BufferLength, ushort BufferCrc, ushort FirstSequence, uint FirstTimestamp, uint LastTimestamp) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="G7Backfill"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "5900000900000000000302cf580200cf580200";

    public static BleMessageType Type { get; } = new(
        "G7Backfill",
        0x59,
        BleChannel.Control,
        BleDirection.Rx,
        minLength: 19,
        maxLength: 19,
        hasCrc: false,
        [TransmitterGeneration.G7],
        [
            new("status", "u8", 1, "Transmitter status: 0x00 OK, 0x81 low battery (spec §1.4)."),
            new("result", "u8", 2, "0 success, 1 no record, 2 oversized."),
            new("bufferLength", "u32", 3, "9 × number of records."),
            new("bufferCrc", "u16", 7, "Buffer CRC (algorithm UNCONFIRMED, spec §2.5)."),
            new("firstSequence", "u16", 9, "First sequence number."),
            new("firstTimestamp", "u32", 11, "First record timestamp."),
            new("lastTimestamp", "u32", 15, "Last record timestamp."),
        ],
        "G7 backfill end marker / summary, 19 bytes (spec §2.5).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .U8(Status)
        .U8(Result)
        .U32(BufferLength)
        .U16(BufferCrc)
        .U16(FirstSequence)
        .U32(FirstTimestamp)
        .U32(LastTimestamp)
        .Finish();

    public static G7Backfill Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static G7Backfill Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var status = r.U8();
        var result = r.U8();
        var bufferLength = r.U32();
        var bufferCrc = r.U16();
        var firstSequence = r.U16();
        var firstTimestamp = r.U32();
        var lastTimestamp = r.U32();
        return new(status, result, bufferLength, bufferCrc, firstSequence, firstTimestamp, lastTimestamp);
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["status"] = Status;
        json["result"] = Result;
        json["bufferLength"] = BufferLength;
        json["bufferCrc"] = BufferCrc;
        json["firstSequence"] = FirstSequence;
        json["firstTimestamp"] = FirstTimestamp;
        json["lastTimestamp"] = LastTimestamp;
    }

    private static G7Backfill Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.U8("status", s.Status),
            v.U8("result", s.Result),
            v.U32("bufferLength", s.BufferLength),
            v.U16("bufferCrc", s.BufferCrc),
            v.U16("firstSequence", s.FirstSequence),
            v.U32("firstTimestamp", s.FirstTimestamp),
            v.U32("lastTimestamp", s.LastTimestamp));
    }
}
