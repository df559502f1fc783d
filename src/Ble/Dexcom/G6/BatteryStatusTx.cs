using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6;

/// <summary>
/// BatteryStatusTx (0x22): Battery status request (spec §1.4). 3 bytes, CRC-16/XMODEM in the last two.
/// </summary>
/// <remarks>Sources: spec §1.2 quotes 22 20 04.</remarks>
public sealed record BatteryStatusTx() : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="BatteryStatusTx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "222004";

    public static BleMessageType Type { get; } = new(
        "BatteryStatusTx",
        0x22,
        BleChannel.Control,
        BleDirection.Tx,
        minLength: 3,
        maxLength: 3,
        hasCrc: true,
        [TransmitterGeneration.G6],
        [],
        "Battery status request (spec §1.4).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .Finish();

    public static BatteryStatusTx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static BatteryStatusTx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        BleReader.Open(bytes, Type, verifyCrc);
        return new();
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
    }

    private static BatteryStatusTx Create(BleFieldValues v)
    {
        return new();
    }
}
