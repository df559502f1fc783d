using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6;

/// <summary>
/// CalibrateGlucoseRx (0x35): Calibration response (spec §1.4). 5 bytes, CRC-16/XMODEM in the last two.
/// </summary>
/// <remarks>Sources: LoopKit/CGMBLEKit:CGMBLEKit/Messages/CalibrateGlucoseRxMessage.swift, NightscoutFoundation/xDrip:…/g5model/CalibrateRxMessage.java; synthesized sample.</remarks>
public sealed record CalibrateGlucoseRx(byte Info, byte Result) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="CalibrateGlucoseRx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "350000552e";

    public static BleMessageType Type { get; } = new(
        "CalibrateGlucoseRx",
        0x35,
        BleChannel.Control,
        BleDirection.Rx,
        minLength: 5,
        maxLength: 5,
        hasCrc: true,
        [TransmitterGeneration.G6],
        [
            new("info", "u8", 1, "Info byte."),
            new("result", "u8", 2, "00 OK, 01 code 1, 06 second calibration needed, 08 rejected, 0B sensor stopped, 0D duplicate, 0E not ready."),
        ],
        "Calibration response (spec §1.4).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .U8(Info)
        .U8(Result)
        .Finish();

    public static CalibrateGlucoseRx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static CalibrateGlucoseRx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var info = r.U8();
        var result = r.U8();
        return new(info, result);
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["info"] = Info;
        json["result"] = Result;
    }

    private static CalibrateGlucoseRx Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.U8("info", s.Info),
            v.U8("result", s.Result));
    }
}
