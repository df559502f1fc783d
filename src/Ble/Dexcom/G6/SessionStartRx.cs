using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6;

/// <summary>
/// SessionStartRx (0x27): Session start response (spec §1.4). 17 bytes, CRC-16/XMODEM in the last two.
/// </summary>
/// <remarks>Sources: LoopKit/CGMBLEKit:CGMBLEKit/Messages/SessionStartRxMessage.swift, NightscoutFoundation/xDrip:…/g5model/SessionStartRxMessage.java; synthesized sample.</remarks>
public sealed record SessionStartRx(byte Status, byte Received, uint RequestedStartTime, uint SessionStartTime, uint TransmitterTime) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="SessionStartRx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "270001102700001027000020270000696a";

    public static BleMessageType Type { get; } = new(
        "SessionStartRx",
        0x27,
        BleChannel.Control,
        BleDirection.Rx,
        minLength: 17,
        maxLength: 17,
        hasCrc: true,
        [TransmitterGeneration.G6],
        [
            new("status", "u8", 1, "Transmitter status: 0x00 OK, 0x81 low battery (spec §1.4)."),
            new("received", "u8", 2, "Info code: 01 OK, 02 already started, 03 invalid, 04 clock not synchronised, 05/06 OK G6."),
            new("requestedStartTime", "u32", 3, "Requested start, dex seconds."),
            new("sessionStartTime", "u32", 7, "Session start, dex seconds."),
            new("transmitterTime", "u32", 11, "Transmitter time, dex seconds."),
        ],
        "Session start response (spec §1.4).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .U8(Status)
        .U8(Received)
        .U32(RequestedStartTime)
        .U32(SessionStartTime)
        .U32(TransmitterTime)
        .Finish();

    public static SessionStartRx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static SessionStartRx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var status = r.U8();
        var received = r.U8();
        var requestedStartTime = r.U32();
        var sessionStartTime = r.U32();
        var transmitterTime = r.U32();
        return new(status, received, requestedStartTime, sessionStartTime, transmitterTime);
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["status"] = Status;
        json["received"] = Received;
        json["requestedStartTime"] = RequestedStartTime;
        json["sessionStartTime"] = SessionStartTime;
        json["transmitterTime"] = TransmitterTime;
    }

    private static SessionStartRx Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.U8("status", s.Status),
            v.U8("received", s.Received),
            v.U32("requestedStartTime", s.RequestedStartTime),
            v.U32("sessionStartTime", s.SessionStartTime),
            v.U32("transmitterTime", s.TransmitterTime));
    }
}
