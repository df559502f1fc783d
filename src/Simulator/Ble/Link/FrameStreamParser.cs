using System.Buffers.Binary;
using System.Globalization;
using Simulator.Ble.Framing;

namespace Simulator.Ble.Link;

/// <summary>
/// Cuts a TCP byte stream into frames (docs/ble-link.md "Frame"): bytes arrive split or coalesced in any way, so
/// frames are read by their u32 length prefix, never by read boundaries. A prefix outside 48..48+65535 is malformed
/// at once (<see cref="BlePacketException"/>) rather than waiting for bytes that would never make sense.
/// </summary>
public sealed class FrameStreamParser
{
    /// <summary>The largest frame body: 48 fixed bytes and a payload of at most 65535.</summary>
    public const int MaxBodyLength = BleFrameCodec.HeaderLength - 4 + ushort.MaxValue;

    private byte[] _buffer = new byte[4096];
    private int _start;
    private int _end;

    /// <summary>Bytes received that do not yet form a whole frame.</summary>
    public int Pending => _end - _start;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (_end + bytes.Length > _buffer.Length)
        {
            var needed = Pending + bytes.Length;
            var target = needed > _buffer.Length ? new byte[Math.Max(needed, _buffer.Length * 2)] : _buffer;
            _buffer.AsSpan(_start, Pending).CopyTo(target);
            (_buffer, _end, _start) = (target, Pending, 0);
        }

        bytes.CopyTo(_buffer.AsSpan(_end));
        _end += bytes.Length;
    }

    /// <summary>The next whole frame, or false when more bytes are needed. Throws <see cref="BlePacketException"/> when malformed.</summary>
    public bool TryRead(out BleFrame? frame)
    {
        frame = null;
        if (Pending < 4)
            return false;
        var length = BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(_start));
        if (length < BleFrameCodec.HeaderLength - 4 || length > MaxBodyLength)
        {
            throw new BlePacketException(0, BlePacketErrorReason.InvalidValue, string.Create(CultureInfo.InvariantCulture,
                $"bytes 0-3: frame length {length} is outside {BleFrameCodec.HeaderLength - 4}..{MaxBodyLength}; the stream is not framed as docs/ble-link.md describes"));
        }

        if (Pending < 4 + length)
            return false;
        frame = BleFrameCodec.Decode(_buffer.AsSpan(_start, 4 + (int)length));
        _start += 4 + (int)length;
        if (_start == _end)
            _start = _end = 0;
        return true;
    }
}
