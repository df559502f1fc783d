using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6;

/// <summary>
/// SessionStartTx (0x26): G6 session start without a sensor code, 13-byte form (spec §1.4). 13 bytes,
/// CRC-16/XMODEM in the last two.
/// </summary>
/// <remarks>Sources: NightscoutFoundation/xDrip:…/g5model/SessionStartTxMessage.java, xdrip-js/xdrip-js:lib/messages/g6/session-start-tx-message.js; synthesized sample.</remarks>
public sealed record SessionStartTx(uint StartTime, uint StartTimeUnix, ushort Reserved) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="SessionStartTx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "261027000000e1f5050000ea80";

    public static BleMessageType Type { get; } = new(
        "SessionStartTx",
        0x26,
        BleChannel.Control,
        BleDirection.Tx,
        minLength: 13,
        maxLength: 13,
        hasCrc: true,
        [TransmitterGeneration.G6],
        [
            new("startTime", "u32", 1, "Session start, dex seconds."),
            new("startTimeUnix", "u32", 5, "Session start, Unix seconds."),
            new("reserved", "u16", 9, "Trailing u16, 0x0000 in every peer."),
        ],
        "G6 session start without a sensor code, 13-byte form (spec §1.4).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .U32(StartTime)
        .U32(StartTimeUnix)
        .U16(Reserved)
        .Finish();

    public static SessionStartTx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static SessionStartTx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var startTime = r.U32();
        var startTimeUnix = r.U32();
        var reserved = r.U16();
        return new(startTime, startTimeUnix, reserved);
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["startTime"] = StartTime;
        json["startTimeUnix"] = StartTimeUnix;
        json["reserved"] = Reserved;
    }

    private static SessionStartTx Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.U32("startTime", s.StartTime),
            v.U32("startTimeUnix", s.StartTimeUnix),
            v.U16("reserved", s.Reserved));
    }
}
