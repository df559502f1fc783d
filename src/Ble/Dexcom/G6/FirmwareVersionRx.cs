using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6;

/// <summary>
/// FirmwareVersionRx (0x21): Firmware version response (spec §1.4). 18 bytes, CRC-16/XMODEM in the last
/// two.
/// </summary>
/// <remarks>Sources: xdrip-js/xdrip-js:test/test-version.js (rx 0 vector), NightscoutFoundation/xDrip:…/g5model/VersionRequestRxMessage.java.</remarks>
public sealed record FirmwareVersionRx(byte Status, byte[] FirmwareVersion, byte[] BluetoothFirmwareVersion, byte HardwareRevision, byte[] OtherFirmwareVersion, ushort Asic) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="FirmwareVersionRx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "21000212025802120258ff00314541412412";

    public static BleMessageType Type { get; } = new(
        "FirmwareVersionRx",
        0x21,
        BleChannel.Control,
        BleDirection.Rx,
        minLength: 18,
        maxLength: 18,
        hasCrc: true,
        [TransmitterGeneration.G6],
        [
            new("status", "u8", 1, "Transmitter status: 0x00 OK, 0x81 low battery (spec §1.4)."),
            new("firmwareVersion", "bytes[4]", 2, "Firmware version, one byte per dotted component."),
            new("bluetoothFirmwareVersion", "bytes[4]", 6, "Bluetooth firmware version, dotted bytes."),
            new("hardwareRevision", "u8", 10, "Hardware revision."),
            new("otherFirmwareVersion", "bytes[3]", 11, "Other firmware version, dotted bytes."),
            new("asic", "u16", 14, "ASIC id. The spec says u16 at 15, which would overlap the CRC of the 18-byte vector; this codec reads bytes 14-15."),
        ],
        "Firmware version response (spec §1.4).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .U8(Status)
        .Bytes(FirmwareVersion, 4, nameof(FirmwareVersion))
        .Bytes(BluetoothFirmwareVersion, 4, nameof(BluetoothFirmwareVersion))
        .U8(HardwareRevision)
        .Bytes(OtherFirmwareVersion, 3, nameof(OtherFirmwareVersion))
        .U16(Asic)
        .Finish();

    public static FirmwareVersionRx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static FirmwareVersionRx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var status = r.U8();
        var firmwareVersion = r.Bytes(4);
        var bluetoothFirmwareVersion = r.Bytes(4);
        var hardwareRevision = r.U8();
        var otherFirmwareVersion = r.Bytes(3);
        var asic = r.U16();
        return new(status, firmwareVersion, bluetoothFirmwareVersion, hardwareRevision, otherFirmwareVersion, asic);
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["status"] = Status;
        json["firmwareVersion"] = Convert.ToHexStringLower(FirmwareVersion);
        json["bluetoothFirmwareVersion"] = Convert.ToHexStringLower(BluetoothFirmwareVersion);
        json["hardwareRevision"] = HardwareRevision;
        json["otherFirmwareVersion"] = Convert.ToHexStringLower(OtherFirmwareVersion);
        json["asic"] = Asic;
    }

    private static FirmwareVersionRx Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.U8("status", s.Status),
            v.Bytes("firmwareVersion", 4, s.FirmwareVersion),
            v.Bytes("bluetoothFirmwareVersion", 4, s.BluetoothFirmwareVersion),
            v.U8("hardwareRevision", s.HardwareRevision),
            v.Bytes("otherFirmwareVersion", 3, s.OtherFirmwareVersion),
            v.U16("asic", s.Asic));
    }
}
