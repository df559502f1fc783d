using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6;

/// <summary>
/// SessionStopRx (0x29): Session stop response (spec §1.4). 17 bytes, CRC-16/XMODEM in the last two.
/// </summary>
/// <remarks>Sources: LoopKit/CGMBLEKit:CGMBLEKit/Messages/SessionStopRxMessage.swift; synthesized sample.</remarks>
public sealed record SessionStopRx(byte Status, byte Received, uint StopTime, uint SessionStartTime, uint TransmitterTime) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="SessionStopRx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "29000120270000ffffffff3027000038ac";

    public static BleMessageType Type { get; } = new(
        "SessionStopRx",
        0x29,
        BleChannel.Control,
        BleDirection.Rx,
        minLength: 17,
        maxLength: 17,
        hasCrc: true,
        [TransmitterGeneration.G6],
        [
            new("status", "u8", 1, "Transmitter status: 0x00 OK, 0x81 low battery (spec §1.4)."),
            new("received", "u8", 2, "Received/info code."),
            new("stopTime", "u32", 3, "Stop time, dex seconds."),
            new("sessionStartTime", "u32", 7, "Session start, dex seconds; 0xFFFFFFFF after a stop."),
            new("transmitterTime", "u32", 11, "Transmitter time, dex seconds."),
        ],
        "Session stop response (spec §1.4).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .U8(Status)
        .U8(Received)
        .U32(StopTime)
        .U32(SessionStartTime)
        .U32(TransmitterTime)
        .Finish();

    public static SessionStopRx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static SessionStopRx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var status = r.U8();
        var received = r.U8();
        var stopTime = r.U32();
        var sessionStartTime = r.U32();
        var transmitterTime = r.U32();
        return new(status, received, stopTime, sessionStartTime, transmitterTime);
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["status"] = Status;
        json["received"] = Received;
        json["stopTime"] = StopTime;
        json["sessionStartTime"] = SessionStartTime;
        json["transmitterTime"] = TransmitterTime;
    }

    private static SessionStopRx Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.U8("status", s.Status),
            v.U8("received", s.Received),
            v.U32("stopTime", s.StopTime),
            v.U32("sessionStartTime", s.SessionStartTime),
            v.U32("transmitterTime", s.TransmitterTime));
    }
}
