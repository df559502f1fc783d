using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6;

/// <summary>
/// ExtendedVersionTx (0x52): Version request 2: extended version (spec §1.4). xDrip's 52 02 + CRC form
/// is not modelled. 3 bytes, CRC-16/XMODEM in the last two.
/// </summary>
/// <remarks>Sources: spec §1.2 quotes 52 B7 7A.</remarks>
public sealed record ExtendedVersionTx() : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="ExtendedVersionTx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "52b77a";

    public static BleMessageType Type { get; } = new(
        "ExtendedVersionTx",
        0x52,
        BleChannel.Control,
        BleDirection.Tx,
        minLength: 3,
        maxLength: 3,
        hasCrc: true,
        [TransmitterGeneration.G6],
        [],
        "Version request 2: extended version (spec §1.4). xDrip's 52 02 + CRC form is not modelled.",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .Finish();

    public static ExtendedVersionTx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static ExtendedVersionTx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        BleReader.Open(bytes, Type, verifyCrc);
        return new();
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
    }

    private static ExtendedVersionTx Create(BleFieldValues v)
    {
        return new();
    }
}
