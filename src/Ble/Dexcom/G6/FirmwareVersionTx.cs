using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6;

/// <summary>
/// FirmwareVersionTx (0x20): Version request 0: firmware version (spec §1.4). 3 bytes, CRC-16/XMODEM in
/// the last two.
/// </summary>
/// <remarks>Sources: NightscoutFoundation/xDrip:…/g5model/VersionRequestTxMessage.java; spec §1.2 quotes 20 62 24.</remarks>
public sealed record FirmwareVersionTx() : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="FirmwareVersionTx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "206224";

    public static BleMessageType Type { get; } = new(
        "FirmwareVersionTx",
        0x20,
        BleChannel.Control,
        BleDirection.Tx,
        minLength: 3,
        maxLength: 3,
        hasCrc: true,
        [TransmitterGeneration.G6],
        [],
        "Version request 0: firmware version (spec §1.4).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .Finish();

    public static FirmwareVersionTx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static FirmwareVersionTx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        BleReader.Open(bytes, Type, verifyCrc);
        return new();
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
    }

    private static FirmwareVersionTx Create(BleFieldValues v)
    {
        return new();
    }
}
