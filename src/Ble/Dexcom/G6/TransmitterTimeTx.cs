using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6;

/// <summary>
/// TransmitterTimeTx (0x24): Transmitter time request (spec §1.4). 3 bytes, CRC-16/XMODEM in the last
/// two.
/// </summary>
/// <remarks>Sources: spec §1.2 quotes 24 E6 64.</remarks>
public sealed record TransmitterTimeTx() : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="TransmitterTimeTx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "24e664";

    public static BleMessageType Type { get; } = new(
        "TransmitterTimeTx",
        0x24,
        BleChannel.Control,
        BleDirection.Tx,
        minLength: 3,
        maxLength: 3,
        hasCrc: true,
        [TransmitterGeneration.G6],
        [],
        "Transmitter time request (spec §1.4).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .Finish();

    public static TransmitterTimeTx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static TransmitterTimeTx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        BleReader.Open(bytes, Type, verifyCrc);
        return new();
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
    }

    private static TransmitterTimeTx Create(BleFieldValues v)
    {
        return new();
    }
}
