using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6;

/// <summary>
/// ResetRx (0x43): Reset response (spec §1.4). No peer checks a CRC on 0x43; this codec assumes the
/// usual trailing CRC (4 bytes). 4 bytes, CRC-16/XMODEM in the last two.
/// </summary>
/// <remarks>Sources: LoopKit/CGMBLEKit:CGMBLEKit/Messages/ResetMessage.swift; synthesized sample.</remarks>
public sealed record ResetRx(byte Status) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="ResetRx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "43009f58";

    public static BleMessageType Type { get; } = new(
        "ResetRx",
        0x43,
        BleChannel.Control,
        BleDirection.Rx,
        minLength: 4,
        maxLength: 4,
        hasCrc: true,
        [TransmitterGeneration.G6],
        [
            new("status", "u8", 1, "Transmitter status: 0x00 OK, 0x81 low battery (spec §1.4)."),
        ],
        "Reset response (spec §1.4). No peer checks a CRC on 0x43; this codec assumes the usual trailing CRC (4 bytes).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .U8(Status)
        .Finish();

    public static ResetRx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static ResetRx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var status = r.U8();
        return new(status);
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["status"] = Status;
    }

    private static ResetRx Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.U8("status", s.Status));
    }
}
