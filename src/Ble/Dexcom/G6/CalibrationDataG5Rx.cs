using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6;

/// <summary>
/// CalibrationDataG5Rx (0x33): G5 calibration data response, 19-byte form (spec §1.4). 19 bytes,
/// CRC-16/XMODEM in the last two.
/// </summary>
/// <remarks>Sources: LoopKit/CGMBLEKit:CGMBLEKit/Messages/CalibrationDataRxMessage.swift; synthesized sample.</remarks>
public sealed record CalibrationDataG5Rx(byte Status, byte[] Unknown, ushort LastCalibrationGlucose, uint LastCalibrationTime) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="CalibrationDataG5Rx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "33000000000000000000006400102700006d52";

    public static BleMessageType Type { get; } = new(
        "CalibrationDataG5Rx",
        0x33,
        BleChannel.Control,
        BleDirection.Rx,
        minLength: 19,
        maxLength: 19,
        hasCrc: true,
        [TransmitterGeneration.G6],
        [
            new("status", "u8", 1, "Transmitter status: 0x00 OK, 0x81 low battery (spec §1.4)."),
            new("unknown", "bytes[9]", 2, "Bytes 2-10, unknown on G5."),
            new("lastCalibrationGlucose", "u16", 11, "Last calibration BG, mg/dL (CGMBLEKit masks 0x0FFF; raw here)."),
            new("lastCalibrationTime", "u32", 13, "Last calibration time, dex seconds."),
        ],
        "G5 calibration data response, 19-byte form (spec §1.4).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .U8(Status)
        .Bytes(Unknown, 9, nameof(Unknown))
        .U16(LastCalibrationGlucose)
        .U32(LastCalibrationTime)
        .Finish();

    public static CalibrationDataG5Rx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static CalibrationDataG5Rx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var status = r.U8();
        var unknown = r.Bytes(9);
        var lastCalibrationGlucose = r.U16();
        var lastCalibrationTime = r.U32();
        return new(status, unknown, lastCalibrationGlucose, lastCalibrationTime);
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["status"] = Status;
        json["unknown"] = Convert.ToHexStringLower(Unknown);
        json["lastCalibrationGlucose"] = LastCalibrationGlucose;
        json["lastCalibrationTime"] = LastCalibrationTime;
    }

    private static CalibrationDataG5Rx Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.U8("status", s.Status),
            v.Bytes("unknown", 9, s.Unknown),
            v.U16("lastCalibrationGlucose", s.LastCalibrationGlucose),
            v.U32("lastCalibrationTime", s.LastCalibrationTime));
    }
}
