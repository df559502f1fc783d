using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6;

/// <summary>
/// SensorTx (0x2E): Sensor (raw) data request (spec §1.4). 3 bytes, CRC-16/XMODEM in the last two.
/// </summary>
/// <remarks>Sources: spec §1.2 quotes 2E AC C5.</remarks>
public sealed record SensorTx() : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="SensorTx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "2eacc5";

    public static BleMessageType Type { get; } = new(
        "SensorTx",
        0x2E,
        BleChannel.Control,
        BleDirection.Tx,
        minLength: 3,
        maxLength: 3,
        hasCrc: true,
        [TransmitterGeneration.G6],
        [],
        "Sensor (raw) data request (spec §1.4).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .Finish();

    public static SensorTx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static SensorTx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        BleReader.Open(bytes, Type, verifyCrc);
        return new();
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
    }

    private static SensorTx Create(BleFieldValues v)
    {
        return new();
    }
}
