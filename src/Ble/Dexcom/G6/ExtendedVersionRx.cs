using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6;

/// <summary>
/// ExtendedVersionRx (0x53): Extended version response (spec §1.4). 19 bytes, CRC-16/XMODEM in the last
/// two.
/// </summary>
/// <remarks>Sources: xdrip-js/xdrip-js:test/test-version.js (rx 2 vector), NightscoutFoundation/xDrip:…/g5model/VersionRequest2RxMessage.java.</remarks>
public sealed record ExtendedVersionRx(byte Status, byte TypicalSensorDays, ushort FeatureBits, byte[] Unknown) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="ExtendedVersionRx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "53000a0f0000000000303235302d50726f771a";

    public static BleMessageType Type { get; } = new(
        "ExtendedVersionRx",
        0x53,
        BleChannel.Control,
        BleDirection.Rx,
        minLength: 19,
        maxLength: 19,
        hasCrc: true,
        [TransmitterGeneration.G6],
        [
            new("status", "u8", 1, "Transmitter status: 0x00 OK, 0x81 low battery (spec §1.4)."),
            new("typicalSensorDays", "u8", 2, "Typical sensor days."),
            new("featureBits", "u16", 3, "Feature bits."),
            new("unknown", "bytes[12]", 5, "Bytes 5-16, unknown."),
        ],
        "Extended version response (spec §1.4).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .U8(Status)
        .U8(TypicalSensorDays)
        .U16(FeatureBits)
        .Bytes(Unknown, 12, nameof(Unknown))
        .Finish();

    public static ExtendedVersionRx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static ExtendedVersionRx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var status = r.U8();
        var typicalSensorDays = r.U8();
        var featureBits = r.U16();
        var unknown = r.Bytes(12);
        return new(status, typicalSensorDays, featureBits, unknown);
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["status"] = Status;
        json["typicalSensorDays"] = TypicalSensorDays;
        json["featureBits"] = FeatureBits;
        json["unknown"] = Convert.ToHexStringLower(Unknown);
    }

    private static ExtendedVersionRx Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.U8("status", s.Status),
            v.U8("typicalSensorDays", s.TypicalSensorDays),
            v.U16("featureBits", s.FeatureBits),
            v.Bytes("unknown", 12, s.Unknown));
    }
}
