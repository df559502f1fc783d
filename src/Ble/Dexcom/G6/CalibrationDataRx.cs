using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6;

/// <summary>
/// CalibrationDataRx (0x33): G6 calibration data / bounds response, 20-byte form (spec §1.4). 20 bytes,
/// CRC-16/XMODEM in the last two.
/// </summary>
/// <remarks>Sources: xdrip-js/xdrip-js:lib/messages/g6/calibration-data-rx-message.js, gui-dos/DiaBLE:DiaBLE/Dexcom.swift; synthesized sample.</remarks>
public sealed record CalibrationDataRx(byte Status, byte Weight, ushort CalBoundError1, ushort CalBoundError0, ushort CalBoundMin, ushort CalBoundMax, ushort LastCalibrationGlucose, uint LastCalibrationTime, byte AutoCalibration) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="CalibrationDataRx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "330001000000002800900164001027000001d90c";

    public static BleMessageType Type { get; } = new(
        "CalibrationDataRx",
        0x33,
        BleChannel.Control,
        BleDirection.Rx,
        minLength: 20,
        maxLength: 20,
        hasCrc: true,
        [TransmitterGeneration.G6],
        [
            new("status", "u8", 1, "Transmitter status: 0x00 OK, 0x81 low battery (spec §1.4)."),
            new("weight", "u8", 2, "DiaBLE name (marked TODO there)."),
            new("calBoundError1", "u16", 3, "DiaBLE name."),
            new("calBoundError0", "u16", 5, "DiaBLE name."),
            new("calBoundMin", "u16", 7, "DiaBLE name."),
            new("calBoundMax", "u16", 9, "DiaBLE name."),
            new("lastCalibrationGlucose", "u16", 11, "Last calibration BG, mg/dL (CGMBLEKit masks 0x0FFF; raw here)."),
            new("lastCalibrationTime", "u32", 13, "Last calibration time, dex seconds."),
            new("autoCalibration", "u8", 17, "1 = factory-calibrated."),
        ],
        "G6 calibration data / bounds response, 20-byte form (spec §1.4).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .U8(Status)
        .U8(Weight)
        .U16(CalBoundError1)
        .U16(CalBoundError0)
        .U16(CalBoundMin)
        .U16(CalBoundMax)
        .U16(LastCalibrationGlucose)
        .U32(LastCalibrationTime)
        .U8(AutoCalibration)
        .Finish();

    public static CalibrationDataRx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static CalibrationDataRx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var status = r.U8();
        var weight = r.U8();
        var calBoundError1 = r.U16();
        var calBoundError0 = r.U16();
        var calBoundMin = r.U16();
        var calBoundMax = r.U16();
        var lastCalibrationGlucose = r.U16();
        var lastCalibrationTime = r.U32();
        var autoCalibration = r.U8();
        return new(status, weight, calBoundError1, calBoundError0, calBoundMin, calBoundMax, lastCalibrationGlucose, lastCalibrationTime, autoCalibration);
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["status"] = Status;
        json["weight"] = Weight;
        json["calBoundError1"] = CalBoundError1;
        json["calBoundError0"] = CalBoundError0;
        json["calBoundMin"] = CalBoundMin;
        json["calBoundMax"] = CalBoundMax;
        json["lastCalibrationGlucose"] = LastCalibrationGlucose;
        json["lastCalibrationTime"] = LastCalibrationTime;
        json["autoCalibration"] = AutoCalibration;
    }

    private static CalibrationDataRx Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.U8("status", s.Status),
            v.U8("weight", s.Weight),
            v.U16("calBoundError1", s.CalBoundError1),
            v.U16("calBoundError0", s.CalBoundError0),
            v.U16("calBoundMin", s.CalBoundMin),
            v.U16("calBoundMax", s.CalBoundMax),
            v.U16("lastCalibrationGlucose", s.LastCalibrationGlucose),
            v.U32("lastCalibrationTime", s.LastCalibrationTime),
            v.U8("autoCalibration", s.AutoCalibration));
    }
}
