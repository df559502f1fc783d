using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6;

/// <summary>
/// TransmitterVersionTx (0x4A): Version request 1: transmitter version (spec §1.4). 3 bytes,
/// CRC-16/XMODEM in the last two.
/// </summary>
/// <remarks>Sources: spec §1.2 quotes 4A 8E E9.</remarks>
public sealed record TransmitterVersionTx() : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="TransmitterVersionTx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "4a8ee9";

    public static BleMessageType Type { get; } = new(
        "TransmitterVersionTx",
        0x4A,
        BleChannel.Control,
        BleDirection.Tx,
        minLength: 3,
        maxLength: 3,
        hasCrc: true,
        [TransmitterGeneration.G6],
        [],
        "Version request 1: transmitter version (spec §1.4).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .Finish();

    public static TransmitterVersionTx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static TransmitterVersionTx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        BleReader.Open(bytes, Type, verifyCrc);
        return new();
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
    }

    private static TransmitterVersionTx Create(BleFieldValues v)
    {
        return new();
    }
}
