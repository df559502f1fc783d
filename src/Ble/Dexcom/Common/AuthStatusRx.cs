using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.Common;

/// <summary>
/// AuthStatusRx (0x05): Authentication result (spec §1.3; CGMBLEKit calls it AuthChallengeRx). Peers
/// accept ≥3 bytes; this codec accepts exactly 3 so decode→encode is lossless. 3 bytes, no CRC.
/// </summary>
/// <remarks>Sources: xdrip-js/xdrip-js:test/test-auth-status-rx-message.js (05 01 01 → authenticated 1, bonded 1).</remarks>
public sealed record AuthStatusRx(byte Authenticated, byte Bonded) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="AuthStatusRx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "050101";

    public static BleMessageType Type { get; } = new(
        "AuthStatusRx",
        0x05,
        BleChannel.Authentication,
        BleDirection.Rx,
        minLength: 3,
        maxLength: 3,
        hasCrc: false,
        [TransmitterGeneration.G6, TransmitterGeneration.G7],
        [
            new("authenticated", "u8", 1, "1 = authenticated."),
            new("bonded", "u8", 2, "1 = bonded; 0x02 seen while not yet bonded."),
        ],
        "Authentication result (spec §1.3; CGMBLEKit calls it AuthChallengeRx). Peers accept ≥3 bytes; this codec accepts exactly 3 so decode→encode is lossless.",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .U8(Authenticated)
        .U8(Bonded)
        .Finish();

    public static AuthStatusRx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static AuthStatusRx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var authenticated = r.U8();
        var bonded = r.U8();
        return new(authenticated, bonded);
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["authenticated"] = Authenticated;
        json["bonded"] = Bonded;
    }

    private static AuthStatusRx Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.U8("authenticated", s.Authenticated),
            v.U8("bonded", s.Bonded));
    }
}
