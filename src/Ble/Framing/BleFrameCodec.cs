using System.Buffers.Binary;
using System.Globalization;

namespace Simulator.Ble.Framing;

/// <summary>
/// Binary, length-prefixed frame format (spec §5.2). All integers little-endian; one frame per TCP
/// read-unit or WebSocket binary message:
/// <code>
/// Off  Size  Field
///  0   u32   frame length N = number of bytes after this field (= 48 + payload length)
///  4   u8    format version, 1
///  5   u8    event: 1 notify, 2 indicate, 3 write-request, 4 write-command, 5 read-request,
///            6 read-response, 7 CCCD change, 16 connect, 17 disconnect, 18 advertisement,
///            32 injected fault marker
///  6   u8    direction: 0 central→peripheral (phone→CGM), 1 peripheral→central
///  7   u8    flags: bit0 synthetic/fault-injected, bit1 truncated (other bits preserved)
///  8   i64   timestamp, microseconds since the Unix epoch (virtual clock)
/// 16   u16   link/connection id
/// 18   16    service UUID, RFC 4122 byte order (big-endian, as written in text)
/// 34   16    characteristic UUID, RFC 4122 byte order
/// 50   u16   payload length n
/// 52   n     payload: the exact ATT value bytes
/// </code>
/// A frame is therefore 52 + n bytes. Decoding rejects: fewer than 4 bytes or fewer than 4 + N bytes
/// (TooShort), N &lt; 48 (TooShort), version ≠ 1, unknown event or direction (InvalidValue), and a
/// payload length that disagrees with N (WrongLength) — always as <see cref="BlePacketException"/>
/// whose ByteIndex is relative to the frame's first byte.
/// </summary>
public static class BleFrameCodec
{
    public const byte Version = 1;
    public const int HeaderLength = 52;

    /// <summary>Bytes after the length prefix, excluding the payload.</summary>
    private const int FixedBodyLength = HeaderLength - 4;

    public static byte[] Encode(BleFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Payload.Length > ushort.MaxValue)
        {
            throw new ArgumentException("A frame payload is at most 65535 bytes.", nameof(frame));
        }

        var bytes = new byte[HeaderLength + frame.Payload.Length];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)(bytes.Length - 4));
        span[4] = Version;
        span[5] = (byte)frame.Event;
        span[6] = (byte)frame.Direction;
        span[7] = (byte)frame.Flags;
        BinaryPrimitives.WriteInt64LittleEndian(span[8..], frame.UnixMicroseconds);
        BinaryPrimitives.WriteUInt16LittleEndian(span[16..], frame.LinkId);
        frame.Service.TryWriteBytes(span.Slice(18, 16), bigEndian: true, out _);
        frame.Characteristic.TryWriteBytes(span.Slice(34, 16), bigEndian: true, out _);
        BinaryPrimitives.WriteUInt16LittleEndian(span[50..], (ushort)frame.Payload.Length);
        frame.Payload.CopyTo(span[HeaderLength..]);
        return bytes;
    }

    /// <summary>Decodes exactly one frame; trailing bytes are an error (TooLong).</summary>
    public static BleFrame Decode(ReadOnlySpan<byte> bytes)
    {
        var frame = DecodeFirst(bytes, out var consumed);
        if (consumed != bytes.Length)
        {
            throw new BlePacketException(consumed, BlePacketErrorReason.TooLong, string.Create(CultureInfo.InvariantCulture, $"byte {consumed}: {bytes.Length - consumed} bytes follow the frame"));
        }

        return frame;
    }

    /// <summary>Decodes the first frame of a stream and reports how many bytes it used.</summary>
    public static BleFrame DecodeFirst(ReadOnlySpan<byte> bytes, out int consumed)
    {
        if (bytes.Length < 4)
        {
            throw new BlePacketException(bytes.Length, BlePacketErrorReason.TooShort, string.Create(CultureInfo.InvariantCulture, $"byte {bytes.Length}: a frame starts with a 4-byte length but only {bytes.Length} bytes are present"));
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        if (length < FixedBodyLength)
        {
            throw new BlePacketException(0, BlePacketErrorReason.TooShort, string.Create(CultureInfo.InvariantCulture, $"bytes 0-3: frame length {length} is below the {FixedBodyLength}-byte minimum"));
        }

        if (length > (uint)(bytes.Length - 4))
        {
            throw new BlePacketException(bytes.Length, BlePacketErrorReason.TooShort, string.Create(CultureInfo.InvariantCulture, $"byte {bytes.Length}: frame length says {length} bytes follow but only {bytes.Length - 4} do"));
        }

        if (bytes[4] != Version)
        {
            throw new BlePacketException(4, BlePacketErrorReason.InvalidValue, string.Create(CultureInfo.InvariantCulture, $"byte 4: format version {bytes[4]} is not {Version}"));
        }

        var ev = (BleFrameEvent)bytes[5];
        if (!Enum.IsDefined(ev))
        {
            throw new BlePacketException(5, BlePacketErrorReason.InvalidValue, string.Create(CultureInfo.InvariantCulture, $"byte 5: unknown event {bytes[5]}"));
        }

        if (bytes[6] > 1)
        {
            throw new BlePacketException(6, BlePacketErrorReason.InvalidValue, string.Create(CultureInfo.InvariantCulture, $"byte 6: direction {bytes[6]} is neither 0 nor 1"));
        }

        var payloadLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes[50..]);
        if (payloadLength != length - FixedBodyLength)
        {
            throw new BlePacketException(50, BlePacketErrorReason.WrongLength, string.Create(CultureInfo.InvariantCulture, $"bytes 50-51: payload length {payloadLength} disagrees with frame length {length} (which implies {length - FixedBodyLength})"));
        }

        consumed = HeaderLength + payloadLength;
        return new BleFrame(
            ev,
            (BleFrameDirection)bytes[6],
            (BleFrameFlags)bytes[7],
            BinaryPrimitives.ReadInt64LittleEndian(bytes[8..]),
            BinaryPrimitives.ReadUInt16LittleEndian(bytes[16..]),
            new Guid(bytes.Slice(18, 16), bigEndian: true),
            new Guid(bytes.Slice(34, 16), bigEndian: true),
            bytes.Slice(HeaderLength, payloadLength).ToArray());
    }

    /// <summary>Decodes a concatenation of frames (e.g. a recorded TCP stream).</summary>
    public static IReadOnlyList<BleFrame> DecodeAll(ReadOnlySpan<byte> bytes)
    {
        var frames = new List<BleFrame>();
        var offset = 0;
        while (offset < bytes.Length)
        {
            try
            {
                frames.Add(DecodeFirst(bytes[offset..], out var consumed));
                offset += consumed;
            }
            catch (BlePacketException ex)
            {
                throw new BlePacketException(offset + ex.ByteIndex, ex.Reason, string.Create(CultureInfo.InvariantCulture, $"frame {frames.Count} at stream byte {offset}: {ex.Message}"));
            }
        }

        return frames;
    }
}
