using System.Globalization;
using System.Text.Json.Nodes;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6.Backfill;

/// <summary>
/// One G6 backfill notification on the Backfill characteristic (spec §1.5): byte 0 frame index
/// (from 1), byte 1 stream identifier (observed: BackfillRx identifier &lt;&lt; 6), then up to 18 payload
/// bytes. At most 20 bytes, no opcode, no per-frame CRC.
/// </summary>
/// <remarks>Sources: LoopKit/CGMBLEKit:CGMBLEKit/Messages/GlucoseBackfillMessage.swift, xdrip-js/xdrip-js:lib/backfill-parser.js.</remarks>
public sealed record BackfillFrame(byte FrameIndex, byte StreamId, byte[] Payload) : IBleMessage
{
    /// <summary>Largest frame (the 20-byte default ATT value size).</summary>
    public const int MaxLength = 20;

    public const int HeaderLength = 2;

    public const int MaxPayloadLength = MaxLength - HeaderLength;

    /// <summary>Frame 3 of the CGMBLEKit backfill vector (LoopKit/CGMBLEKit:CGMBLEKitTests/GlucoseBackfillMessageTests.swift).</summary>
    public const string SampleHex = "030066045300790006f8";

    public static BleMessageType Type { get; } = new(
        "BackfillFrame",
        null,
        BleChannel.Backfill,
        BleDirection.Rx,
        minLength: HeaderLength,
        maxLength: MaxLength,
        hasCrc: false,
        [TransmitterGeneration.G6],
        [
            new("frameIndex", "u8", 0, "Frame index, 1 for the first frame, +1 per frame."),
            new("streamId", "u8", 1, "Stream identifier (0x00, 0x80, 0xC0 seen; BackfillRx identifier << 6)."),
            new("payload", "bytes[0-18]", 2, "Slice of the backfill stream (4-byte header then 8-byte records)."),
        ],
        "G6 backfill data frame on the Backfill characteristic (spec §1.5).",
        SampleHex,
        static (bytes, verifyCrc) => Decode(bytes),
        Create);

    public BleMessageType MessageType => Type;

    public byte[] Encode()
    {
        ArgumentNullException.ThrowIfNull(Payload);
        if (Payload.Length > MaxPayloadLength)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"BackfillFrame.payload must be at most {MaxPayloadLength} bytes, not {Payload.Length}."), nameof(Payload));
        }

        var bytes = new byte[HeaderLength + Payload.Length];
        bytes[0] = FrameIndex;
        bytes[1] = StreamId;
        Payload.CopyTo(bytes, HeaderLength);
        return bytes;
    }

    public static BackfillFrame Decode(ReadOnlySpan<byte> bytes)
    {
        var r = BleReader.Open(bytes, Type, verifyCrc: false);
        var index = r.U8();
        var streamId = r.U8();
        return new BackfillFrame(index, streamId, r.Rest(hasCrc: false));
    }

    public void DescribeFields(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["frameIndex"] = FrameIndex;
        json["streamId"] = StreamId;
        json["payload"] = Convert.ToHexStringLower(Payload);
    }

    private static BackfillFrame Create(BleFieldValues v)
    {
        var s = Decode(Convert.FromHexString(SampleHex));
        var payload = s.Payload;
        var hex = v.OptionalHex("payload");
        if (hex is not null)
        {
            payload = hex;
        }

        return new BackfillFrame(v.U8("frameIndex", s.FrameIndex), v.U8("streamId", s.StreamId), payload);
    }
}
