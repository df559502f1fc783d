using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.Common;

/// <summary>
/// KeepAliveTx (0x06): Asks the transmitter to keep the connection open (spec §1.3). 2 bytes, no CRC.
/// </summary>
/// <remarks>Sources: LoopKit/CGMBLEKit:CGMBLEKit/Messages/KeepAliveTxMessage.swift.</remarks>
public sealed record KeepAliveTx(byte Seconds) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="KeepAliveTx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "0619";

    public static BleMessageType Type { get; } = new(
        "KeepAliveTx",
        0x06,
        BleChannel.Authentication,
        BleDirection.Tx,
        minLength: 2,
        maxLength: 2,
        hasCrc: false,
        [TransmitterGeneration.G6, TransmitterGeneration.G7],
        [
            new("seconds", "u8", 1, "Keep-alive time in seconds: CGMBLEKit sends 25 before bonding, xDrip 60."),
        ],
        "Asks the transmitter to keep the connection open (spec §1.3).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .U8(Seconds)
        .Finish();

    public static KeepAliveTx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static KeepAliveTx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var seconds = r.U8();
        return new(seconds);
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["seconds"] = Seconds;
    }

    private static KeepAliveTx Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.U8("seconds", s.Seconds));
    }
}
