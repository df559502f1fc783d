using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.Common;

/// <summary>
/// AuthChallengeRx (0x03): Transmitter answer to AuthRequestTx: token hash and challenge (spec §1.3;
/// xDrip name, CGMBLEKit calls it AuthRequestRx). 17 bytes, no CRC.
/// </summary>
/// <remarks>Sources: LoopKit/CGMBLEKit:CGMBLEKit/Messages/AuthRequestRxMessage.swift; sample token hash is the CGMBLEKit vector for serial 123456.</remarks>
public sealed record AuthChallengeRx(byte[] TokenHash, byte[] Challenge) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="AuthChallengeRx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "03e60d4a7999b0fbb21122334455667788";

    public static BleMessageType Type { get; } = new(
        "AuthChallengeRx",
        0x03,
        BleChannel.Authentication,
        BleDirection.Rx,
        minLength: 17,
        maxLength: 17,
        hasCrc: false,
        [TransmitterGeneration.G6, TransmitterGeneration.G7],
        [
            new("tokenHash", "bytes[8]", 1, "hash(token) computed by the transmitter; must equal DexcomAuthHash.Compute(token)."),
            new("challenge", "bytes[8]", 9, "8-byte challenge the phone must hash and return in AuthChallengeTx."),
        ],
        "Transmitter answer to AuthRequestTx: token hash and challenge (spec §1.3; xDrip name, CGMBLEKit calls it AuthRequestRx).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .Bytes(TokenHash, 8, nameof(TokenHash))
        .Bytes(Challenge, 8, nameof(Challenge))
        .Finish();

    public static AuthChallengeRx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static AuthChallengeRx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var tokenHash = r.Bytes(8);
        var challenge = r.Bytes(8);
        return new(tokenHash, challenge);
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["tokenHash"] = Convert.ToHexStringLower(TokenHash);
        json["challenge"] = Convert.ToHexStringLower(Challenge);
    }

    private static AuthChallengeRx Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.Bytes("tokenHash", 8, s.TokenHash),
            v.Bytes("challenge", 8, s.Challenge));
    }
}
