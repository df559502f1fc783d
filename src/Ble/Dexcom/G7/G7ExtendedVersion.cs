using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G7;

/// <summary>
/// G7ExtendedVersion (0x52): G7 extended version response, 15 bytes (spec §2.6). 15 bytes, no CRC.
/// </summary>
/// <remarks>Sources: LoopKit/G7SensorKit:G7SensorKitTests/ExtendedVersionMessageTests.swift.</remarks>
public sealed record G7ExtendedVersion(byte Status, uint SessionLength, ushort WarmupLength, uint AlgorithmVersion, byte HardwareVersion, ushort MaxLifetimeDays) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="G7ExtendedVersion"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "5200c0d70d00540600020404ff0c00";

    public static BleMessageType Type { get; } = new(
        "G7ExtendedVersion",
        0x52,
        BleChannel.Control,
        BleDirection.Rx,
        minLength: 15,
        maxLength: 15,
        hasCrc: false,
        [TransmitterGeneration.G7],
        [
            new("status", "u8", 1, "Transmitter status: 0x00 OK, 0x81 low battery (spec §1.4)."),
            new("sessionLength", "u32", 2, "Session length, seconds (incl. grace)."),
            new("warmupLength", "u16", 6, "Warm-up, seconds."),
            new("algorithmVersion", "u32", 8, "Algorithm version."),
            new("hardwareVersion", "u8", 12, "Hardware version."),
            new("maxLifetimeDays", "u16", 13, "Maximum lifetime, days."),
        ],
        "G7 extended version response, 15 bytes (spec §2.6).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .U8(Status)
        .U32(SessionLength)
        .U16(WarmupLength)
        .U32(AlgorithmVersion)
        .U8(HardwareVersion)
        .U16(MaxLifetimeDays)
        .Finish();

    public static G7ExtendedVersion Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static G7ExtendedVersion Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var status = r.U8();
        var sessionLength = r.U32();
        var warmupLength = r.U16();
        var algorithmVersion = r.U32();
        var hardwareVersion = r.U8();
        var maxLifetimeDays = r.U16();
        return new(status, sessionLength, warmupLength, algorithmVersion, hardwareVersion, maxLifetimeDays);
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["status"] = Status;
        json["sessionLength"] = SessionLength;
        json["warmupLength"] = WarmupLength;
        json["algorithmVersion"] = AlgorithmVersion;
        json["hardwareVersion"] = HardwareVersion;
        json["maxLifetimeDays"] = MaxLifetimeDays;
    }

    private static G7ExtendedVersion Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.U8("status", s.Status),
            v.U32("sessionLength", s.SessionLength),
            v.U16("warmupLength", s.WarmupLength),
            v.U32("algorithmVersion", s.AlgorithmVersion),
            v.U8("hardwareVersion", s.HardwareVersion),
            v.U16("maxLifetimeDays", s.MaxLifetimeDays));
    }
}
