using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6;

/// <summary>
/// CalibrateGlucoseTx (0x34): Calibration (BG entry) request (spec §1.4). 9 bytes, CRC-16/XMODEM in the
/// last two.
/// </summary>
/// <remarks>Sources: LoopKit/CGMBLEKit:CGMBLEKit/Messages/CalibrateGlucoseTxMessage.swift; synthesized sample.</remarks>
public sealed record CalibrateGlucoseTx(ushort Glucose, uint Time) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="CalibrateGlucoseTx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "3464001027000003d9";

    public static BleMessageType Type { get; } = new(
        "CalibrateGlucoseTx",
        0x34,
        BleChannel.Control,
        BleDirection.Tx,
        minLength: 9,
        maxLength: 9,
        hasCrc: true,
        [TransmitterGeneration.G6],
        [
            new("glucose", "u16", 1, "Calibration BG, mg/dL."),
            new("time", "u32", 3, "Time of the BG, dex seconds."),
        ],
        "Calibration (BG entry) request (spec §1.4).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .U16(Glucose)
        .U32(Time)
        .Finish();

    public static CalibrateGlucoseTx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static CalibrateGlucoseTx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var glucose = r.U16();
        var time = r.U32();
        return new(glucose, time);
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["glucose"] = Glucose;
        json["time"] = Time;
    }

    private static CalibrateGlucoseTx Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.U16("glucose", s.Glucose),
            v.U32("time", s.Time));
    }
}
