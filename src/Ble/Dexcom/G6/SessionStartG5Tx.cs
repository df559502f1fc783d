using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6;

/// <summary>
/// SessionStartG5Tx (0x26): G5 session start, 11-byte form (spec §1.4). 11 bytes, CRC-16/XMODEM in the
/// last two.
/// </summary>
/// <remarks>Sources: LoopKit/CGMBLEKit:CGMBLEKit/Messages/SessionStartTxMessage.swift; synthesized sample.</remarks>
public sealed record SessionStartG5Tx(uint StartTime, uint StartTimeUnix) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="SessionStartG5Tx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "261027000000e1f505e29c";

    public static BleMessageType Type { get; } = new(
        "SessionStartG5Tx",
        0x26,
        BleChannel.Control,
        BleDirection.Tx,
        minLength: 11,
        maxLength: 11,
        hasCrc: true,
        [TransmitterGeneration.G6],
        [
            new("startTime", "u32", 1, "Session start, dex seconds."),
            new("startTimeUnix", "u32", 5, "Session start, Unix seconds."),
        ],
        "G5 session start, 11-byte form (spec §1.4).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .U32(StartTime)
        .U32(StartTimeUnix)
        .Finish();

    public static SessionStartG5Tx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static SessionStartG5Tx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var startTime = r.U32();
        var startTimeUnix = r.U32();
        return new(startTime, startTimeUnix);
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["startTime"] = StartTime;
        json["startTimeUnix"] = StartTimeUnix;
    }

    private static SessionStartG5Tx Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.U32("startTime", s.StartTime),
            v.U32("startTimeUnix", s.StartTimeUnix));
    }
}
