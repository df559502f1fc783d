using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.Common;

/// <summary>
/// AuthChallengeTx (0x04): Phone answer to the challenge (spec §1.3). 9 bytes, no CRC.
/// </summary>
/// <remarks>Sources: LoopKit/CGMBLEKit:CGMBLEKit/Messages/AuthChallengeTxMessage.swift; sample is the CGMBLEKit hash vector.</remarks>
public sealed record AuthChallengeTx(byte[] ChallengeHash) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="AuthChallengeTx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "04e60d4a7999b0fbb2";

    public static BleMessageType Type { get; } = new(
        "AuthChallengeTx",
        0x04,
        BleChannel.Authentication,
        BleDirection.Tx,
        minLength: 9,
        maxLength: 9,
        hasCrc: false,
        [TransmitterGeneration.G6, TransmitterGeneration.G7],
        [
            new("challengeHash", "bytes[8]", 1, "hash(challenge) with the transmitter-id key (DexcomAuthHash)."),
        ],
        "Phone answer to the challenge (spec §1.3).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .Bytes(ChallengeHash, 8, nameof(ChallengeHash))
        .Finish();

    public static AuthChallengeTx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static AuthChallengeTx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var challengeHash = r.Bytes(8);
        return new(challengeHash);
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["challengeHash"] = Convert.ToHexStringLower(ChallengeHash);
    }

    private static AuthChallengeTx Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.Bytes("challengeHash", 8, s.ChallengeHash));
    }
}
