using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.Common;

/// <summary>
/// PairRequestRx (0x08): Arrives after the user accepts OS pairing (spec §1.3). Length is not given by
/// the spec; 2 bytes follows the DiaBLE trace. 2 bytes, no CRC.
/// </summary>
/// <remarks>Sources: JohanDegraeve/xdripswift:…/DexcomTransmitterOpCode.swift, gui-dos/DiaBLE:DiaBLE/DexcomG7.swift.</remarks>
public sealed record PairRequestRx(byte Result) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="PairRequestRx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "0801";

    public static BleMessageType Type { get; } = new(
        "PairRequestRx",
        0x08,
        BleChannel.Authentication,
        BleDirection.Rx,
        minLength: 2,
        maxLength: 2,
        hasCrc: false,
        [TransmitterGeneration.G6, TransmitterGeneration.G7],
        [
            new("result", "u8", 1, "Second byte as logged by DiaBLE (08 01); meaning not documented by the spec."),
        ],
        "Arrives after the user accepts OS pairing (spec §1.3). Length is not given by the spec; 2 bytes follows the DiaBLE trace.",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .U8(Result)
        .Finish();

    public static PairRequestRx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static PairRequestRx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var result = r.U8();
        return new(result);
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["result"] = Result;
    }

    private static PairRequestRx Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.U8("result", s.Result));
    }
}
