using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6;

/// <summary>
/// TransmitterVersionRx (0x4B): Transmitter version response (spec §1.4). 19 bytes, CRC-16/XMODEM in
/// the last two.
/// </summary>
/// <remarks>Sources: xdrip-js/xdrip-js:test/test-version.js (rx 1 vector), NightscoutFoundation/xDrip:…/g5model/VersionRequest1RxMessage.java.</remarks>
public sealed record TransmitterVersionRx(byte Status, byte[] FirmwareVersion, uint BuildVersion, ushort InactiveDays, byte VersionCode, ushort MaxRuntimeDays, ushort MaxInactiveDays) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="TransmitterVersionRx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "4b00021202582a2e00001100036e006d010997";

    public static BleMessageType Type { get; } = new(
        "TransmitterVersionRx",
        0x4B,
        BleChannel.Control,
        BleDirection.Rx,
        minLength: 19,
        maxLength: 19,
        hasCrc: true,
        [TransmitterGeneration.G6],
        [
            new("status", "u8", 1, "Transmitter status: 0x00 OK, 0x81 low battery (spec §1.4)."),
            new("firmwareVersion", "bytes[4]", 2, "Firmware version, dotted bytes."),
            new("buildVersion", "u32", 6, "Build number."),
            new("inactiveDays", "u16", 10, "Inactive days."),
            new("versionCode", "u8", 12, "Version code."),
            new("maxRuntimeDays", "u16", 13, "Max runtime days (xDrip reading: u16 at 13; peers disagree)."),
            new("maxInactiveDays", "u16", 15, "Max inactive days (xDrip reading: u16 at 15)."),
        ],
        "Transmitter version response (spec §1.4).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .U8(Status)
        .Bytes(FirmwareVersion, 4, nameof(FirmwareVersion))
        .U32(BuildVersion)
        .U16(InactiveDays)
        .U8(VersionCode)
        .U16(MaxRuntimeDays)
        .U16(MaxInactiveDays)
        .Finish();

    public static TransmitterVersionRx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static TransmitterVersionRx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var status = r.U8();
        var firmwareVersion = r.Bytes(4);
        var buildVersion = r.U32();
        var inactiveDays = r.U16();
        var versionCode = r.U8();
        var maxRuntimeDays = r.U16();
        var maxInactiveDays = r.U16();
        return new(status, firmwareVersion, buildVersion, inactiveDays, versionCode, maxRuntimeDays, maxInactiveDays);
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["status"] = Status;
        json["firmwareVersion"] = Convert.ToHexStringLower(FirmwareVersion);
        json["buildVersion"] = BuildVersion;
        json["inactiveDays"] = InactiveDays;
        json["versionCode"] = VersionCode;
        json["maxRuntimeDays"] = MaxRuntimeDays;
        json["maxInactiveDays"] = MaxInactiveDays;
    }

    private static TransmitterVersionRx Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.U8("status", s.Status),
            v.Bytes("firmwareVersion", 4, s.FirmwareVersion),
            v.U32("buildVersion", s.BuildVersion),
            v.U16("inactiveDays", s.InactiveDays),
            v.U8("versionCode", s.VersionCode),
            v.U16("maxRuntimeDays", s.MaxRuntimeDays),
            v.U16("maxInactiveDays", s.MaxInactiveDays));
    }
}
