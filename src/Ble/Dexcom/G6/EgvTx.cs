using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6;

/// <summary>
/// EgvTx (0x4E): G6 EGV request, CRC form (spec §1.4). The 1-byte xDrip form is not modelled for G6. 3
/// bytes, CRC-16/XMODEM in the last two.
/// </summary>
/// <remarks>Sources: spec §1.2 quotes 4E 0A A9.</remarks>
public sealed record EgvTx() : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="EgvTx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "4e0aa9";

    public static BleMessageType Type { get; } = new(
        "EgvTx",
        0x4E,
        BleChannel.Control,
        BleDirection.Tx,
        minLength: 3,
        maxLength: 3,
        hasCrc: true,
        [TransmitterGeneration.G6],
        [],
        "G6 EGV request, CRC form (spec §1.4). The 1-byte xDrip form is not modelled for G6.",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .Finish();

    public static EgvTx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static EgvTx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        BleReader.Open(bytes, Type, verifyCrc);
        return new();
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
    }

    private static EgvTx Create(BleFieldValues v)
    {
        return new();
    }
}
