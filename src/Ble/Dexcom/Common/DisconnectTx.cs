using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.Common;

/// <summary>
/// DisconnectTx (0x09): Asks the transmitter to disconnect; written to Control, no CRC (spec §1.2,
/// §1.3). 1 bytes, no CRC.
/// </summary>
/// <remarks>Sources: LoopKit/CGMBLEKit:CGMBLEKit/Messages/DisconnectTxMessage.swift.</remarks>
public sealed record DisconnectTx() : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="DisconnectTx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "09";

    public static BleMessageType Type { get; } = new(
        "DisconnectTx",
        0x09,
        BleChannel.Control,
        BleDirection.Tx,
        minLength: 1,
        maxLength: 1,
        hasCrc: false,
        [TransmitterGeneration.G6, TransmitterGeneration.G7],
        [],
        "Asks the transmitter to disconnect; written to Control, no CRC (spec §1.2, §1.3).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .Finish();

    public static DisconnectTx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static DisconnectTx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        BleReader.Open(bytes, Type, verifyCrc);
        return new();
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
    }

    private static DisconnectTx Create(BleFieldValues v)
    {
        return new();
    }
}
