using Simulator.Ble;
using Simulator.Ble.Dexcom;
using Simulator.Ble.Framing;

namespace Simulator.Tests.Ble.Framing;

public class BleFrameCodecTests
{
    private static readonly BleFrame Sample = new(
        BleFrameEvent.Notify,
        BleFrameDirection.PeripheralToCentral,
        BleFrameFlags.None,
        1704067500_000000,
        0,
        DexcomUuids.CgmService,
        DexcomUuids.Control,
        Convert.FromHexString("3100680a00008a715700cc0006ffc42a"));

    [Fact]
    public void Binary_layout_matches_the_documented_offsets()
    {
        var bytes = BleFrameCodec.Encode(Sample with { LinkId = 0x0102, Flags = BleFrameFlags.Synthetic });

        Assert.Equal(52 + 16, bytes.Length);
        Assert.Equal("40000000", Convert.ToHexStringLower(bytes.AsSpan(0, 4))); // 64 bytes follow
        Assert.Equal("01010101", Convert.ToHexStringLower(bytes.AsSpan(4, 4))); // version, notify, p2c, synthetic
        Assert.Equal(1704067500_000000L, BitConverter.ToInt64(bytes, 8));
        Assert.Equal("0201", Convert.ToHexStringLower(bytes.AsSpan(16, 2)));
        Assert.Equal("f8083532849e531cc59430f1f86a4ea5", Convert.ToHexStringLower(bytes.AsSpan(18, 16)));
        Assert.Equal("f8083534849e531cc59430f1f86a4ea5", Convert.ToHexStringLower(bytes.AsSpan(34, 16)));
        Assert.Equal("1000", Convert.ToHexStringLower(bytes.AsSpan(50, 2)));
        Assert.Equal(Sample.Payload, bytes.AsSpan(52).ToArray());
    }

    [Fact]
    public void Random_frames_round_trip_through_binary_and_json()
    {
        var random = new Random(42);
        var events = Enum.GetValues<BleFrameEvent>();
        var stream = new List<byte>();
        var frames = new List<BleFrame>();
        for (var i = 0; i < 2000; i++)
        {
            var payload = new byte[random.Next(0, 64)];
            random.NextBytes(payload);
            var frame = new BleFrame(
                events[random.Next(events.Length)],
                (BleFrameDirection)random.Next(2),
                (BleFrameFlags)random.Next(4),
                random.NextInt64(0, 4_000_000_000_000_000),
                (ushort)random.Next(65536),
                RandomGuid(random),
                RandomGuid(random),
                payload);
            frames.Add(frame);
            var bytes = BleFrameCodec.Encode(frame);
            stream.AddRange(bytes);
            Assert.True(frame.SameAs(BleFrameCodec.Decode(bytes)));
            Assert.True(frame.SameAs(BleFrameJson.Deserialize(BleFrameJson.Serialize(frame))));
        }

        var all = BleFrameCodec.DecodeAll(stream.ToArray());
        Assert.Equal(frames.Count, all.Count);
        Assert.All(frames.Zip(all), pair => Assert.True(pair.First.SameAs(pair.Second)));
    }

    private static Guid RandomGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    [Fact]
    public void Json_form_matches_the_spec_example()
    {
        Assert.Equal(
            """{"t":"2024-01-01T00:05:00.000000Z","ev":"notify","dir":"p2c","svc":"F8083532-849E-531C-C594-30F1F86A4EA5","chr":"F8083534-849E-531C-C594-30F1F86A4EA5","hex":"3100680a00008a715700cc0006ffc42a"}""",
            BleFrameJson.Serialize(Sample));
    }

    [Fact]
    public void Truncated_or_inconsistent_frames_are_BlePacketExceptions()
    {
        var bytes = BleFrameCodec.Encode(Sample);
        for (var length = 0; length < bytes.Length; length++)
        {
            var ex = Assert.Throws<BlePacketException>(() => BleFrameCodec.Decode(bytes.AsSpan(0, length)));
            Assert.Equal(BlePacketErrorReason.TooShort, ex.Reason);
        }

        var badVersion = bytes.ToArray();
        badVersion[4] = 2;
        Assert.Equal(4, Assert.Throws<BlePacketException>(() => BleFrameCodec.Decode(badVersion)).ByteIndex);

        var badLength = bytes.ToArray();
        badLength[50] = 3;
        Assert.Equal(BlePacketErrorReason.WrongLength, Assert.Throws<BlePacketException>(() => BleFrameCodec.Decode(badLength)).Reason);
    }
}
