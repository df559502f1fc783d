using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6;

/// <summary>
/// TransmitterTimeRx (0x25): Transmitter time response (spec §1.4). 16 bytes, CRC-16/XMODEM in the last
/// two.
/// </summary>
/// <remarks>Sources: LoopKit/CGMBLEKit:CGMBLEKitTests/TransmitterTimeRxMessageTests.swift (testInSession).</remarks>
public sealed record TransmitterTimeRx(byte Status, uint CurrentTime, uint SessionStartTime, uint Reserved) : IBleMessage
{
    /// <summary>Sample encoding (see <see cref="TransmitterTimeRx"/> remarks for its origin); Build starts from it.</summary>
    public const string SampleHex = "2500470272007cff710001000000fa1d";

    public static BleMessageType Type { get; } = new(
        "TransmitterTimeRx",
        0x25,
        BleChannel.Control,
        BleDirection.Rx,
        minLength: 16,
        maxLength: 16,
        hasCrc: true,
        [TransmitterGeneration.G6],
        [
            new("status", "u8", 1, "Transmitter status: 0x00 OK, 0x81 low battery (spec §1.4)."),
            new("currentTime", "u32", 2, "Dex seconds since transmitter activation."),
            new("sessionStartTime", "u32", 6, "Dex seconds of the session start; 0xFFFFFFFF = no session."),
            new("reserved", "u32", 10, "Unknown; every peer vector has 01 00 00 00."),
        ],
        "Transmitter time response (spec §1.4).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes, verifyCrc),
        Create);

    /// <summary>True unless SessionStartTime is 0xFFFFFFFF (no session).</summary>
    public bool HasSession => SessionStartTime != uint.MaxValue;

    public BleMessageType MessageType => Type;

    public byte[] Encode() => new BleWriter(Type)
        .U8(Status)
        .U32(CurrentTime)
        .U32(SessionStartTime)
        .U32(Reserved)
        .Finish();

    public static TransmitterTimeRx Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, verifyCrc: true);

    public static TransmitterTimeRx Decode(ReadOnlySpan<byte> bytes, bool verifyCrc)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc);
        var status = r.U8();
        var currentTime = r.U32();
        var sessionStartTime = r.U32();
        var reserved = r.U32();
        return new(status, currentTime, sessionStartTime, reserved);
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["status"] = Status;
        json["currentTime"] = CurrentTime;
        json["sessionStartTime"] = SessionStartTime;
        json["reserved"] = Reserved;
        json["hasSession"] = HasSession;
    }

    private static TransmitterTimeRx Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        return new(
            v.U8("status", s.Status),
            v.U32("currentTime", s.CurrentTime),
            v.U32("sessionStartTime", s.SessionStartTime),
            v.U32("reserved", s.Reserved));
    }
}
