using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G7;

/// <summary>
/// G7EgvTx (0x4E): G7 EGV request, 1 byte (spec §2.4). 1 bytes, no CRC.
/// </summary>
/// <remarks>Sources: LoopKit/G7SensorKit:G7SensorKit/Messages/G7GlucoseMessage.swift.</remarks>
public sealed record G7EgvTx() : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="G7EgvTx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "4e";

    public static BleMessageType Type { get; } = new(
        "G7EgvTx",
        0x4E,
        BleChannel.Control,
        BleDirection.Tx,
        minLength: 1,
        maxLength: 1,
        hasCrc: false,
        [TransmitterGeneration.G7],
        [],
        "G7 EGV request, 1 byte (spec §2.4).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .Finish();

    public static G7EgvTx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static G7EgvTx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        BleReader.Open(bytes, Type, verifyCrc);
        return new();
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
    }

    private static G7EgvTx Create(BleFieldValues v)
    {
        return new();
    }
}
