using Simulator.Ble;
using Simulator.Ble.Framing;
using Simulator.Ble.Link;

namespace Simulator.Tests.Ble.Link;

public class FrameStreamParserTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(53)]
    [InlineData(1000)]
    public void Frames_split_or_coalesced_in_any_chunks_come_out_whole_and_in_order(int chunk)
    {
        var frames = Enumerable.Range(0, 5).Select(i => new BleFrame(BleFrameEvent.Notify, BleFrameDirection.PeripheralToCentral, BleFrameFlags.None, i, 1, Guid.NewGuid(), Guid.NewGuid(), new byte[i * 3])).ToList();
        var stream = frames.SelectMany(BleFrameCodec.Encode).ToArray();
        var parser = new FrameStreamParser();
        var read = new List<BleFrame>();

        for (var offset = 0; offset < stream.Length; offset += chunk)
        {
            parser.Append(stream.AsSpan(offset, Math.Min(chunk, stream.Length - offset)));
            while (parser.TryRead(out var frame))
                read.Add(frame!);
        }

        Assert.Equal(frames.Count, read.Count);
        Assert.All(frames.Zip(read), p => Assert.True(p.First.SameAs(p.Second)));
        Assert.Equal(0, parser.Pending);
    }

    [Fact]
    public void A_length_prefix_no_frame_can_have_is_malformed_at_once()
    {
        var parser = new FrameStreamParser();
        parser.Append([5, 0, 0, 0, 1, 2]);
        var e = Assert.Throws<BlePacketException>(() => parser.TryRead(out _));
        Assert.Contains("frame length 5", e.Message, StringComparison.Ordinal);
    }
}
