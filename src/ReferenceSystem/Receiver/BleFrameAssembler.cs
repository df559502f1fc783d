using System.Buffers.Binary;
using Simulator.Ble.Framing;

namespace ReferenceSystem.Receiver;

/// <summary>
/// Cuts a TCP byte stream into <see cref="BleFrame"/>s. TCP keeps no message boundaries: one read may hold half a
/// frame or several frames, so bytes are buffered until a whole frame (4-byte length + that many bytes) is present.
/// </summary>
internal sealed class BleFrameAssembler
{
    /// <summary>The largest frame body the format allows: 48 fixed bytes + a 65535-byte payload.</summary>
    private const int MaxBodyLength = BleFrameCodec.HeaderLength - 4 + ushort.MaxValue;

    private byte[] _buffer = new byte[4096];
    private int _count;

    /// <summary>
    /// Adds received bytes and returns every frame they complete, in stream order.
    /// </summary>
    /// <exception cref="Simulator.Ble.BlePacketException">The stream is corrupt; it cannot be resynchronised.</exception>
    public IReadOnlyList<BleFrame> Add(ReadOnlySpan<byte> bytes)
    {
        if (_count + bytes.Length > _buffer.Length)
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _count + bytes.Length));
        bytes.CopyTo(_buffer.AsSpan(_count));
        _count += bytes.Length;

        var frames = new List<BleFrame>();
        var offset = 0;
        while (_count - offset >= 4)
        {
            var length = BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(offset));
            if (length > MaxBodyLength)
                throw new Simulator.Ble.BlePacketException(0, Simulator.Ble.BlePacketErrorReason.TooLong,
                    $"frame length {length} is larger than any frame can be");
            if (_count - offset < 4 + length)
                break; // the rest of this frame is still on its way
            frames.Add(BleFrameCodec.DecodeFirst(_buffer.AsSpan(offset, 4 + (int)length), out var consumed));
            offset += consumed;
        }

        if (offset > 0)
        {
            _buffer.AsSpan(offset, _count - offset).CopyTo(_buffer);
            _count -= offset;
        }
        return frames;
    }

    /// <summary>Forgets a partial frame (the connection it came from is gone).</summary>
    public void Reset() => _count = 0;
}
