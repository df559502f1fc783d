using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6;

/// <summary>
/// SessionStopTx (0x28): Session stop request (spec §1.4). 7 bytes, CRC-16/XMODEM in the last two.
/// </summary>
/// <remarks>Sources: LoopKit/CGMBLEKit:CGMBLEKit/Messages/SessionStopTxMessage.swift; synthesized sample.</remarks>
public sealed record SessionStopTx(uint StopTime) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="SessionStopTx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "2820270000813e";

    public static BleMessageType Type { get; } = new(
        "SessionStopTx",
        0x28,
        BleChannel.Control,
        BleDirection.Tx,
        minLength: 7,
        maxLength: 7,
        hasCrc: true,
        [TransmitterGeneration.G6],
        [
            new("stopTime", "u32", 1, "Stop time, dex seconds."),
        ],
        "Session stop request (spec §1.4).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .U32(StopTime)
        .Finish();

    public static SessionStopTx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static SessionStopTx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var stopTime = r.U32();
        return new(stopTime);
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["stopTime"] = StopTime;
    }

    private static SessionStopTx Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.U32("stopTime", s.StopTime));
    }
}
