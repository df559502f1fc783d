using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6;

/// <summary>
/// BatteryStatusRx (0x23): G6 battery status response, 10-byte form (spec §1.4). 10 bytes,
/// CRC-16/XMODEM in the last two.
/// </summary>
/// <remarks>Sources: NightscoutFoundation/xDrip:…/g5model/BatteryInfoRxMessage.java, xdrip-js/xdrip-js:lib/messages/g6/battery-status-rx-message.js; synthesized sample.</remarks>
public sealed record BatteryStatusRx(byte Status, ushort VoltageA, ushort VoltageB, byte Runtime, byte Temperature) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="BatteryStatusRx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "23003c012f011f24189e";

    public static BleMessageType Type { get; } = new(
        "BatteryStatusRx",
        0x23,
        BleChannel.Control,
        BleDirection.Rx,
        minLength: 10,
        maxLength: 10,
        hasCrc: true,
        [TransmitterGeneration.G6],
        [
            new("status", "u8", 1, "Transmitter status: 0x00 OK, 0x81 low battery (spec §1.4)."),
            new("voltageA", "u16", 2, "Voltage A."),
            new("voltageB", "u16", 4, "Voltage B."),
            new("runtime", "u8", 6, "Runtime days per DiaBLE (xDrip: not runtime on this form)."),
            new("temperature", "u8", 7, "Temperature, °C."),
        ],
        "G6 battery status response, 10-byte form (spec §1.4).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .U8(Status)
        .U16(VoltageA)
        .U16(VoltageB)
        .U8(Runtime)
        .U8(Temperature)
        .Finish();

    public static BatteryStatusRx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static BatteryStatusRx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var status = r.U8();
        var voltageA = r.U16();
        var voltageB = r.U16();
        var runtime = r.U8();
        var temperature = r.U8();
        return new(status, voltageA, voltageB, runtime, temperature);
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["status"] = Status;
        json["voltageA"] = VoltageA;
        json["voltageB"] = VoltageB;
        json["runtime"] = Runtime;
        json["temperature"] = Temperature;
    }

    private static BatteryStatusRx Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.U8("status", s.Status),
            v.U16("voltageA", s.VoltageA),
            v.U16("voltageB", s.VoltageB),
            v.U8("runtime", s.Runtime),
            v.U8("temperature", s.Temperature));
    }
}
