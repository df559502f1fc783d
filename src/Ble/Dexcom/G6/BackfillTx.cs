using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6;

/// <summary>
/// BackfillTx (0x50): Glucose backfill request (spec §1.5). 20 bytes, CRC-16/XMODEM in the last two.
/// </summary>
/// <remarks>Sources: LoopKit/CGMBLEKit:CGMBLEKitTests/GlucoseBackfillMessageTests.swift (testTxMessage).</remarks>
public sealed record BackfillTx(byte Byte1, byte Byte2, byte Identifier, uint StartTime, uint EndTime, uint BufferLength, ushort BufferCrc) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="BackfillTx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "50050200b7ff5200660453000000000000007138";

    public static BleMessageType Type { get; } = new(
        "BackfillTx",
        0x50,
        BleChannel.Control,
        BleDirection.Tx,
        minLength: 20,
        maxLength: 20,
        hasCrc: true,
        [TransmitterGeneration.G6],
        [
            new("byte1", "u8", 1, "0x05 in every peer."),
            new("byte2", "u8", 2, "0x02 in every peer."),
            new("identifier", "u8", 3, "Stream identifier, 0x00."),
            new("startTime", "u32", 4, "First reading wanted, dex seconds."),
            new("endTime", "u32", 8, "Last reading wanted, dex seconds."),
            new("bufferLength", "u32", 12, "Length, 0 in requests."),
            new("bufferCrc", "u16", 16, "Backfill CRC, 0 in requests."),
        ],
        "Glucose backfill request (spec §1.5).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .U8(Byte1)
        .U8(Byte2)
        .U8(Identifier)
        .U32(StartTime)
        .U32(EndTime)
        .U32(BufferLength)
        .U16(BufferCrc)
        .Finish();

    public static BackfillTx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static BackfillTx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var byte1 = r.U8();
        var byte2 = r.U8();
        var identifier = r.U8();
        var startTime = r.U32();
        var endTime = r.U32();
        var bufferLength = r.U32();
        var bufferCrc = r.U16();
        return new(byte1, byte2, identifier, startTime, endTime, bufferLength, bufferCrc);
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["byte1"] = Byte1;
        json["byte2"] = Byte2;
        json["identifier"] = Identifier;
        json["startTime"] = StartTime;
        json["endTime"] = EndTime;
        json["bufferLength"] = BufferLength;
        json["bufferCrc"] = BufferCrc;
    }

    private static BackfillTx Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.U8("byte1", s.Byte1),
            v.U8("byte2", s.Byte2),
            v.U8("identifier", s.Identifier),
            v.U32("startTime", s.StartTime),
            v.U32("endTime", s.EndTime),
            v.U32("bufferLength", s.BufferLength),
            v.U16("bufferCrc", s.BufferCrc));
    }
}
