using Simulator.Ble;
using Simulator.Ble.Dexcom.G6;
using Simulator.Ble.Dexcom.G6.Backfill;

namespace Simulator.Tests.Ble.Dexcom;

public class BackfillStreamTests
{
    // LoopKit/CGMBLEKit:CGMBLEKitTests/GlucoseBackfillMessageTests.swift (testRxMessage)
    private static readonly string[] VectorFrames =
    [
        "0100bc460000b7ff52008b0006eee30053008500",
        "020006eb0f025300800006ee3a0353007e0006f5",
        "030066045300790006f8",
    ];

    private static IReadOnlyList<BackfillFrame> Frames() => VectorFrames.Select(h => BackfillFrame.Decode(Convert.FromHexString(h))).ToList();

    [Fact]
    public void CGMBLEKit_frames_reassemble_to_the_asserted_records()
    {
        var contents = BackfillStream.Reassemble(Frames());

        Assert.Equal(0x000046BCu, contents.Header);
        Assert.Equal(0, contents.TrailingBytes);
        Assert.Equal([139, 133, 128, 126, 121], contents.Records.Select(r => (int)r.Glucose));
        Assert.Equal([5439415u, 5439715u, 5440015u, 5440314u, 5440614u], contents.Records.Select(r => r.Timestamp));
        Assert.Equal([-18, -21, -18, -11, -8], contents.Records.Select(r => (int)r.Trend));
        Assert.All(contents.Records, r => Assert.Equal((byte)6, r.State));
    }

    [Fact]
    public void Length_and_crc_match_the_BackfillRx_vector()
    {
        var rx = BackfillRx.Decode(Convert.FromHexString("51000100b7ff52006604530032000000e6cb9805"));
        Assert.Equal(rx.BufferLength, BackfillStream.BufferLength(Frames()));
        Assert.Equal(rx.BufferCrc, BackfillStream.BufferCrc(Frames()));
    }

    [Fact]
    public void Split_reproduces_the_CGMBLEKit_frames_and_summary_byte_for_byte()
    {
        var contents = BackfillStream.Reassemble(Frames());
        var frames = BackfillStream.Split(contents.Records, contents.Header, BackfillStream.StreamIdFor(0));

        Assert.Equal(VectorFrames, frames.Select(f => Convert.ToHexStringLower(f.Encode())));
        var summary = BackfillStream.Summarize(frames, contents.Records, identifier: 0);
        Assert.Equal("51000100b7ff52006604530032000000e6cb9805", Convert.ToHexStringLower(summary.Encode()));
    }

    [Fact]
    public void Random_record_lists_split_and_reassemble_identically()
    {
        var random = new Random(99);
        for (var run = 0; run < 500; run++)
        {
            var records = Enumerable.Range(0, random.Next(0, 60))
                .Select(i => new BackfillRecord((uint)(1000 + (i * 300)), (ushort)random.Next(0, 4096), (byte)random.Next(0, 16), (byte)random.Next(256), (sbyte)random.Next(-128, 128)))
                .ToList();
            var frames = BackfillStream.Split(records, (uint)random.Next(), 0x80);
            Assert.All(frames, f => Assert.True(f.Encode().Length <= 20));
            var back = BackfillStream.Reassemble(frames.Select(f => BackfillFrame.Decode(f.Encode())).ToList());
            Assert.Equal(records, back.Records);
        }
    }

    [Fact]
    public void Truncated_stream_keeps_whole_records_and_counts_the_rest()
    {
        // CGMBLEKit testMalformedBackfill: second frame one byte short → 3 records
        var frames = new[] { VectorFrames[0], "020006eb0f025300800006ee3a0353007e0006" }.Select(h => BackfillFrame.Decode(Convert.FromHexString(h))).ToList();
        var contents = BackfillStream.Reassemble(frames);
        Assert.Equal(3, contents.Records.Count);
        Assert.Equal(7, contents.TrailingBytes);
    }

    [Fact]
    public void Out_of_sequence_frame_is_InvalidValue_naming_the_frame()
    {
        var frames = Frames().ToList();
        frames.RemoveAt(1);
        var ex = Assert.Throws<BlePacketException>(() => BackfillStream.Reassemble(frames));
        Assert.Equal(BlePacketErrorReason.InvalidValue, ex.Reason);
        Assert.Equal("frame 2 byte 0: frame index is 3 but 2 was expected", ex.Message);
    }
}
