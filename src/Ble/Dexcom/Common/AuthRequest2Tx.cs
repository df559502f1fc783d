using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.Common;

/// <summary>
/// AuthRequest2Tx (0x02): Second-form auth request, used by G7/ONE+ with the J-PAKE-derived key (spec
/// §1.3, §2.2). 10 bytes, no CRC.
/// </summary>
/// <remarks>Sources: LoopKit/CGMBLEKit:CGMBLEKit/Opcode.swift, NightscoutFoundation/xDrip:libkeks/…/message/AuthRequestTxMessage2.java; synthesized sample.</remarks>
public sealed record AuthRequest2Tx(byte[] Token, byte Slot) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="AuthRequest2Tx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "020123456789abcdef02";

    public static BleMessageType Type { get; } = new(
        "AuthRequest2Tx",
        0x02,
        BleChannel.Authentication,
        BleDirection.Tx,
        minLength: 10,
        maxLength: 10,
        hasCrc: false,
        [TransmitterGeneration.G6, TransmitterGeneration.G7],
        [
            new("token", "bytes[8]", 1, "Single-use token of 8 random bytes (G7/ONE: \"appKeyChallenge\")."),
            new("slot", "u8", 9, "End byte, as for AuthRequestTx (0x02 standard, 0x01 alternate)."),
        ],
        "Second-form auth request, used by G7/ONE+ with the J-PAKE-derived key (spec §1.3, §2.2).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .Bytes(Token, 8, nameof(Token))
        .U8(Slot)
        .Finish();

    public static AuthRequest2Tx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static AuthRequest2Tx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
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

    private static AuthRequest2Tx Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.Bytes("token", 8, s.Token),
            v.U8("slot", s.Slot));
    }
}
