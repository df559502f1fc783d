using System.Buffers.Binary;
using System.Globalization;
using Simulator.Ble.Messages;

namespace Simulator.Ble.Dexcom.G6.Backfill;

/// <summary>
/// Splits G6 backfill records into Backfill-characteristic frames and reassembles them (spec §1.5).
/// Stream = 4-byte header + 8-byte records; frames = index (from 1) + stream id + up to 18 stream bytes.
/// BackfillRx.BufferLength/BufferCrc cover the whole frames, headers included.
/// </summary>
public static class BackfillStream
{
    /// <summary>Stream id the peers' vectors show for a BackfillRx identifier: identifier &lt;&lt; 6 (an observation).</summary>
    public static byte StreamIdFor(byte identifier) => unchecked((byte)(identifier << 6));

    /// <summary>Frames for <paramref name="records"/>, each at most 20 bytes, indices 1, 2, ….</summary>
    public static IReadOnlyList<BackfillFrame> Split(IReadOnlyList<BackfillRecord> records, uint header, byte streamId)
    {
        ArgumentNullException.ThrowIfNull(records);
        var stream = new byte[4 + (records.Count * BackfillRecord.Length)];
        BinaryPrimitives.WriteUInt32LittleEndian(stream, header);
        for (var i = 0; i < records.Count; i++)
        {
            records[i].WriteTo(stream.AsSpan(4 + (i * BackfillRecord.Length)));
        }

        var frames = new List<BackfillFrame>();
        for (var offset = 0; offset < stream.Length; offset += BackfillFrame.MaxPayloadLength)
        {
            if (frames.Count == byte.MaxValue)
            {
                throw new ArgumentException($"{records.Count} records need more than 255 frames; the frame index is one byte.", nameof(records));
            }

            var count = Math.Min(BackfillFrame.MaxPayloadLength, stream.Length - offset);
            frames.Add(new BackfillFrame((byte)(frames.Count + 1), streamId, stream.AsSpan(offset, count).ToArray()));
        }

        return frames;
    }

    /// <summary>
    /// Reassembles frames in the order given. Strict, like CGMBLEKit's acceptance rules but loud:
    /// a frame whose index is not previous+1, or whose stream id differs from the first frame's, throws
    /// <see cref="BlePacketException"/> (InvalidValue); a stream shorter than its 4-byte header throws TooShort.
    /// </summary>
    public static BackfillStreamContents Reassemble(IReadOnlyList<BackfillFrame> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var stream = new List<byte>();
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames[i];
            if (frame.FrameIndex != i + 1)
            {
                throw new BlePacketException(0, BlePacketErrorReason.InvalidValue, string.Create(CultureInfo.InvariantCulture, $"frame {i + 1} byte 0: frame index is {frame.FrameIndex} but {i + 1} was expected"));
            }

            if (frame.StreamId != frames[0].StreamId)
            {
                throw new BlePacketException(1, BlePacketErrorReason.InvalidValue, string.Create(CultureInfo.InvariantCulture, $"frame {i + 1} byte 1: stream id 0x{frame.StreamId:X2} differs from the first frame's 0x{frames[0].StreamId:X2}"));
            }

            stream.AddRange(frame.Payload);
        }

        if (stream.Count < 4)
        {
            throw new BlePacketException(stream.Count, BlePacketErrorReason.TooShort, string.Create(CultureInfo.InvariantCulture, $"byte {stream.Count}: the backfill stream needs a 4-byte header but has {stream.Count} bytes"));
        }

        var bytes = stream.ToArray();
        var records = new List<BackfillRecord>();
        var offset = 4;
        for (; offset + BackfillRecord.Length <= bytes.Length; offset += BackfillRecord.Length)
        {
            records.Add(BackfillRecord.Decode(bytes.AsSpan(offset)));
        }

        return new BackfillStreamContents(BinaryPrimitives.ReadUInt32LittleEndian(bytes), records, bytes.Length - offset);
    }

    /// <summary>BackfillRx.BufferLength: total bytes of all frames including their 2-byte headers.</summary>
    public static uint BufferLength(IEnumerable<BackfillFrame> frames) => (uint)frames.Sum(f => BackfillFrame.HeaderLength + f.Payload.Length);

    /// <summary>BackfillRx.BufferCrc: CRC-16/XMODEM over the concatenated whole frames.</summary>
    public static ushort BufferCrc(IEnumerable<BackfillFrame> frames) => Crc16Xmodem.Compute(frames.SelectMany(f => f.Encode()).ToArray());

    /// <summary>The BackfillRx a transmitter sends after <paramref name="frames"/> (first/last record times, length, CRC).</summary>
    public static BackfillRx Summarize(IReadOnlyList<BackfillFrame> frames, IReadOnlyList<BackfillRecord> records, byte identifier, byte status = 0, byte backfillStatus = 1)
    {
        ArgumentNullException.ThrowIfNull(records);
        var start = records.Count > 0 ? records[0].Timestamp : 0;
        var end = records.Count > 0 ? records[^1].Timestamp : 0;
        return new BackfillRx(status, backfillStatus, identifier, start, end, BufferLength(frames), BufferCrc(frames));
    }
}
