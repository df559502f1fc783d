using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G7;

/// <summary>
/// G7BackfillTx (0x59): G7 backfill request, 9 bytes (spec §2.5). 9 bytes, no CRC.
/// </summary>
/// <remarks>Sources: NightscoutFoundation/xDrip:…/g5model/BackFillTxMessage2.java; synthesized sample.</remarks>
public sealed record G7BackfillTx(uint StartTime, uint EndTime) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="G7BackfillTx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "59c0570200cf580200";

    public static BleMessageType Type { get; } = new(
        "G7BackfillTx",
        0x59,
        BleChannel.Control,
        BleDirection.Tx,
        minLength: 9,
        maxLength: 9,
        hasCrc: false,
        [TransmitterGeneration.G7],
        [
            new("startTime", "u32", 1, "Start, seconds since sensor start."),
            new("endTime", "u32", 5, "End, seconds since sensor start."),
        ],
        "G7 backfill request, 9 bytes (spec §2.5).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .U32(StartTime)
        .U32(EndTime)
        .Finish();

    public static G7BackfillTx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static G7BackfillTx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var startTime = r.U32();
        var endTime = r.U32();
        return new(startTime, endTime);
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["startTime"] = StartTime;
        json["endTime"] = EndTime;
    }

    private static G7BackfillTx Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.U32("startTime", s.StartTime),
            v.U32("endTime", s.EndTime));
    }
}
