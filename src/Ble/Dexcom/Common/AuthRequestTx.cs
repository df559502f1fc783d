using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.Common;

/// <summary>
/// AuthRequestTx (0x01): Starts authentication with a single-use token (spec §1.3). 10 bytes, no CRC.
/// </summary>
/// <remarks>Sources: LoopKit/CGMBLEKit:CGMBLEKit/Messages/AuthRequestTxMessage.swift, NightscoutFoundation/xDrip:…/g5model/AuthRequestTxMessage.java; sample token is the CGMBLEKit hash-test input.</remarks>
public sealed record AuthRequestTx(byte[] Token, byte Slot) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="AuthRequestTx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "010123456789abcdef02";

    public static BleMessageType Type { get; } = new(
        "AuthRequestTx",
        0x01,
        BleChannel.Authentication,
        BleDirection.Tx,
        minLength: 10,
        maxLength: 10,
        hasCrc: false,
        [TransmitterGeneration.G6, TransmitterGeneration.G7],
        [
            new("token", "bytes[8]", 1, "Single-use token of 8 random bytes; the transmitter answers with hash(token)."),
            new("slot", "u8", 9, "End byte: 0x02 standard, 0x01 alternate slot (xDrip AuthRequestTxMessage)."),
        ],
        "Starts authentication with a single-use token (spec §1.3).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .Bytes(Token, 8, nameof(Token))
        .U8(Slot)
        .Finish();

    public static AuthRequestTx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static AuthRequestTx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var token = r.Bytes(8);
        var slot = r.U8();
        return new(token, slot);
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["token"] = Convert.ToHexStringLower(Token);
        json["slot"] = Slot;
    }

    private static AuthRequestTx Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.Bytes("token", 8, s.Token),
            v.U8("slot", s.Slot));
    }
}
