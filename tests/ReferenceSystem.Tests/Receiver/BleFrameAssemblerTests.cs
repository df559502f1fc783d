using ReferenceSystem.Receiver;
using Simulator.Ble.Dexcom;
using Simulator.Ble.Framing;

namespace ReferenceSystem.Tests.Receiver;

public class BleFrameAssemblerTests
{
    private static BleFrame Frame(ushort link, params byte[] payload) =>
        new(BleFrameEvent.Indicate, BleFrameDirection.PeripheralToCentral, BleFrameFlags.None, 1_575_108_000_000_000, link,
            DexcomUuids.CgmService, DexcomUuids.Control, payload);

    [Fact]
    public void Frames_split_across_reads_and_coalesced_in_one_read_come_out_whole_and_in_order()
    {
        var frames = new[] { Frame(1, 0x25, 0x00), Frame(2), Frame(1, 0x31, 1, 2, 3) };
        var stream = frames.SelectMany(BleFrameCodec.Encode).ToArray();
        var assembler = new BleFrameAssembler();

        // Byte-by-byte for the first 60 bytes (a split header and payload), then everything else at once.
        var received = new List<BleFrame>();
        for (var i = 0; i < 60; i++)
            received.AddRange(assembler.Add(stream.AsSpan(i, 1)));
        received.AddRange(assembler.Add(stream.AsSpan(60)));

        Assert.Equal(frames.Length, received.Count);
        for (var i = 0; i < frames.Length; i++)
            Assert.True(frames[i].SameAs(received[i]), $"frame {i}");
        Assert.Empty(assembler.Add([]));
    }

    [Fact]
    public void A_corrupt_length_is_an_error_not_a_hang()
    {
        var assembler = new BleFrameAssembler();
        Assert.Throws<Simulator.Ble.BlePacketException>(() => assembler.Add([0xFF, 0xFF, 0xFF, 0x7F, 1]));
    }
}
