using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6;

/// <summary>
/// GlucoseTx (0x30): Glucose request (spec §1.4). 3 bytes, CRC-16/XMODEM in the last two.
/// </summary>
/// <remarks>Sources: spec §1.2 quotes 30 53 36.</remarks>
public sealed record GlucoseTx() : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="GlucoseTx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "305336";

    public static BleMessageType Type { get; } = new(
        "GlucoseTx",
        0x30,
        BleChannel.Control,
        BleDirection.Tx,
        minLength: 3,
        maxLength: 3,
        hasCrc: true,
        [TransmitterGeneration.G6],
        [],
        "Glucose request (spec §1.4).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .Finish();

    public static GlucoseTx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static GlucoseTx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        BleReader.Open(bytes, Type, verifyCrc);
        return new();
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
    }

    private static GlucoseTx Create(BleFieldValues v)
    {
        return new();
    }
}
