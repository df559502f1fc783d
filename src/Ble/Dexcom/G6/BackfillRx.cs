using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6;

/// <summary>
/// BackfillRx (0x51): Glucose backfill summary, sent after the frames (spec §1.5). 20 bytes,
/// CRC-16/XMODEM in the last two.
/// </summary>
/// <remarks>Sources: LoopKit/CGMBLEKit:CGMBLEKitTests/GlucoseBackfillMessageTests.swift (testRxMessage).</remarks>
public sealed record BackfillRx(byte Status, byte BackfillStatus, byte Identifier, uint StartTime, uint EndTime, uint BufferLength, ushort BufferCrc) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="BackfillRx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "51000100b7ff52006604530032000000e6cb9805";

    public static BleMessageType Type { get; } = new(
        "BackfillRx",
        0x51,
        BleChannel.Control,
        BleDirection.Rx,
        minLength: 20,
        maxLength: 20,
        hasCrc: true,
        [TransmitterGeneration.G6],
        [
            new("status", "u8", 1, "Transmitter status: 0x00 OK, 0x81 low battery (spec §1.4)."),
            new("backfillStatus", "u8", 2, "1 in all vectors (xdrip-js has seen 1 or 2)."),
            new("identifier", "u8", 3, "Stream identifier; frames carry it shifted left by 6."),
            new("startTime", "u32", 4, "First record time, dex seconds."),
            new("endTime", "u32", 8, "Last record time, dex seconds."),
            new("bufferLength", "u32", 12, "Total bytes of all frames including their 2-byte headers."),
            new("bufferCrc", "u16", 16, "CRC-16/XMODEM over the concatenated whole frames."),
        ],
        "Glucose backfill summary, sent after the frames (spec §1.5).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .U8(Status)
        .U8(BackfillStatus)
        .U8(Identifier)
        .U32(StartTime)
        .U32(EndTime)
        .U32(BufferLength)
        .U16(BufferCrc)
        .Finish();

    public static BackfillRx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static BackfillRx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var status = r.U8();
        var backfillStatus = r.U8();
        var identifier = r.U8();
        var startTime = r.U32();
        var endTime = r.U32();
        var bufferLength = r.U32();
        var bufferCrc = r.U16();
        return new(status, backfillStatus, identifier, startTime, endTime, bufferLength, bufferCrc);
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["status"] = Status;
        json["backfillStatus"] = BackfillStatus;
        json["identifier"] = Identifier;
        json["startTime"] = StartTime;
        json["endTime"] = EndTime;
        json["bufferLength"] = BufferLength;
        json["bufferCrc"] = BufferCrc;
    }

    private static BackfillRx Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.U8("status", s.Status),
            v.U8("backfillStatus", s.BackfillStatus),
            v.U8("identifier", s.Identifier),
            v.U32("startTime", s.StartTime),
            v.U32("endTime", s.EndTime),
            v.U32("bufferLength", s.BufferLength),
            v.U16("bufferCrc", s.BufferCrc));
    }
}
