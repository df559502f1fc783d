using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.Common;

/// <summary>
/// BondRequestTx (0x07): Asks the transmitter to bond (spec §1.3). 1 bytes, no CRC.
/// </summary>
/// <remarks>Sources: LoopKit/CGMBLEKit:CGMBLEKit/Messages/BondRequestTxMessage.swift.</remarks>
public sealed record BondRequestTx() : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="BondRequestTx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "07";

    public static BleMessageType Type { get; } = new(
        "BondRequestTx",
        0x07,
        BleChannel.Authentication,
        BleDirection.Tx,
        minLength: 1,
        maxLength: 1,
        hasCrc: false,
        [TransmitterGeneration.G6, TransmitterGeneration.G7],
        [],
        "Asks the transmitter to bond (spec §1.3).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .Finish();

    public static BondRequestTx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static BondRequestTx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        BleReader.Open(bytes, Type, verifyCrc);
        return new();
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
    }

    private static BondRequestTx Create(BleFieldValues v)
    {
        return new();
    }
}
