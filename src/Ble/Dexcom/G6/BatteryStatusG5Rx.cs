using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6;

/// <summary>
/// BatteryStatusG5Rx (0x23): G5 battery status response, 12-byte form (spec §1.4). 12 bytes,
/// CRC-16/XMODEM in the last two.
/// </summary>
/// <remarks>Sources: sample quoted in LoopKit/CGMBLEKit:CGMBLEKit/Messages/BatteryStatusTxMessage.swift.</remarks>
public sealed record BatteryStatusG5Rx(byte Status, ushort VoltageA, ushort VoltageB, ushort Resistance, byte Runtime, byte Temperature) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="BatteryStatusG5Rx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "23003c012f01cd021f247bae";

    public static BleMessageType Type { get; } = new(
        "BatteryStatusG5Rx",
        0x23,
        BleChannel.Control,
        BleDirection.Rx,
        minLength: 12,
        maxLength: 12,
        hasCrc: true,
        [TransmitterGeneration.G6],
        [
            new("status", "u8", 1, "Transmitter status: 0x00 OK, 0x81 low battery (spec §1.4)."),
            new("voltageA", "u16", 2, "Voltage A."),
            new("voltageB", "u16", 4, "Voltage B."),
            new("resistance", "u16", 6, "Resistance."),
            new("runtime", "u8", 8, "Runtime days."),
            new("temperature", "u8", 9, "Temperature, °C."),
        ],
        "G5 battery status response, 12-byte form (spec §1.4).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .U8(Status)
        .U16(VoltageA)
        .U16(VoltageB)
        .U16(Resistance)
        .U8(Runtime)
        .U8(Temperature)
        .Finish();

    public static BatteryStatusG5Rx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static BatteryStatusG5Rx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var status = r.U8();
        var voltageA = r.U16();
        var voltageB = r.U16();
        var resistance = r.U16();
        var runtime = r.U8();
        var temperature = r.U8();
        return new(status, voltageA, voltageB, resistance, runtime, temperature);
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["status"] = Status;
        json["voltageA"] = VoltageA;
        json["voltageB"] = VoltageB;
        json["resistance"] = Resistance;
        json["runtime"] = Runtime;
        json["temperature"] = Temperature;
    }

    private static BatteryStatusG5Rx Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.U8("status", s.Status),
            v.U16("voltageA", s.VoltageA),
            v.U16("voltageB", s.VoltageB),
            v.U16("resistance", s.Resistance),
            v.U8("runtime", s.Runtime),
            v.U8("temperature", s.Temperature));
    }
}
