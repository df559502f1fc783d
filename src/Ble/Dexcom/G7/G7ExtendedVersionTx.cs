using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G7;

/// <summary>
/// G7ExtendedVersionTx (0x52): G7 extended version request, 1 byte (spec §2.6). 1 bytes, no CRC.
/// </summary>
/// <remarks>Sources: LoopKit/G7SensorKit:G7SensorKit/Messages/ExtendedVersionMessage.swift.</remarks>
public sealed record G7ExtendedVersionTx() : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="G7ExtendedVersionTx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "52";

    public static BleMessageType Type { get; } = new(
        "G7ExtendedVersionTx",
        0x52,
        BleChannel.Control,
        BleDirection.Tx,
        minLength: 1,
        maxLength: 1,
        hasCrc: false,
        [TransmitterGeneration.G7],
        [],
        "G7 extended version request, 1 byte (spec §2.6).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .Finish();

    public static G7ExtendedVersionTx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static G7ExtendedVersionTx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        BleReader.Open(bytes, Type, verifyCrc);
        return new();
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
    }

    private static G7ExtendedVersionTx Create(BleFieldValues v)
    {
        return new();
    }
}
