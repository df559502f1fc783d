using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6;

/// <summary>
/// CalibrationDataTx (0x32): Calibration data request (spec §1.4). 3 bytes, CRC-16/XMODEM in the last
/// two.
/// </summary>
/// <remarks>Sources: spec §1.2 quotes 32 11 16.</remarks>
public sealed record CalibrationDataTx() : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="CalibrationDataTx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "321116";

    public static BleMessageType Type { get; } = new(
        "CalibrationDataTx",
        0x32,
        BleChannel.Control,
        BleDirection.Tx,
        minLength: 3,
        maxLength: 3,
        hasCrc: true,
        [TransmitterGeneration.G6],
        [],
        "Calibration data request (spec §1.4).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .Finish();

    public static CalibrationDataTx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static CalibrationDataTx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        BleReader.Open(bytes, Type, verifyCrc);
        return new();
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
    }

    private static CalibrationDataTx Create(BleFieldValues v)
    {
        return new();
    }
}
