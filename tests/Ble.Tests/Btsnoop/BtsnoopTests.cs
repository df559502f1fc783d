using Simulator.Ble.Btsnoop;
using Simulator.Ble.Dexcom;

namespace Simulator.Tests.Ble.Btsnoop;

public class BtsnoopTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 5, 0, TimeSpan.Zero);
    private static readonly byte[] GlucoseRx = Convert.FromHexString("3100680a00008a715700cc0006ffc42a");

    private static byte[] WriteSample()
    {
        using var stream = new MemoryStream();
        using (var writer = new BtsnoopWriter(stream))
        {
            writer.WriteNotification(T0, DexcomUuids.Control, GlucoseRx);
            writer.WriteWriteRequest(T0.AddMilliseconds(1.5), DexcomUuids.Control, Convert.FromHexString("305336"));
            writer.WriteIndication(T0.AddSeconds(1), DexcomUuids.Authentication, Convert.FromHexString("050101"));
            writer.WriteWriteCommand(T0.AddSeconds(2), DexcomUuids.Backfill, Convert.FromHexString("0100bc46"));
        }

        return stream.ToArray();
    }

    [Fact]
    public void Header_and_first_record_match_the_documented_layout_byte_by_byte()
    {
        var file = WriteSample();

        // File header (spec §5.3): "btsnoop\0", u32 BE version 1, u32 BE datalink 1002.
        Assert.Equal("6274736e6f6f7000" + "00000001" + "000003ea", Convert.ToHexStringLower(file.AsSpan(0, 16)));

        // Record header: original = included = 1 + 4 + 4 + 3 + 16 = 28 bytes, flags 1 (received), drops 0,
        // timestamp = Unix µs of 2024-01-01T00:05:00Z + 0x00DCDDB30F2F8000, all big-endian.
        var unixMicros = 1704067500L * 1_000_000;
        var expectedTimestamp = (unixMicros + 0x00DCDDB30F2F8000).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("0000001c" + "0000001c" + "00000001" + "00000000" + expectedTimestamp, Convert.ToHexStringLower(file.AsSpan(16, 24)));

        // Data: H4 ACL type 02; handle 0x0040 | PB 0b10 → 0x2040 LE; ACL length 23; L2CAP length 19, CID 4;
        // ATT 0x1B notification on the Control value handle 0x0015; then the GlucoseRx value.
        Assert.Equal("02" + "4020" + "1700" + "1300" + "0400" + "1b" + "1500" + Convert.ToHexStringLower(GlucoseRx), Convert.ToHexStringLower(file.AsSpan(40, 28)));
        Assert.Equal(16 + (4 * 24) + 28 + 15 + 15 + 16, file.Length);
    }

    [Fact]
    public void A_written_file_reads_back_identically()
    {
        var file = WriteSample();
        var capture = BtsnoopReader.Read(file);

        Assert.Equal(BtsnoopDatalink.HciUart, capture.Datalink);
        Assert.Equal(4, capture.Records.Count);
        Assert.Equal(4, capture.AttValues.Count);
        var first = capture.AttValues[0];
        Assert.Equal(DexcomUuids.Control, first.Characteristic);
        Assert.Equal(GlucoseRx, first.Value);
        Assert.True(first.IsReceived);
        Assert.Equal(AttOpcodes.HandleValueNotification, first.AttOpcode);
        Assert.Equal(T0, BtsnoopTime.ToDateTimeOffset(first.Timestamp));
        Assert.Equal((ushort)0x0040, first.ConnectionHandle);
        Assert.Equal([false, true, false], capture.AttValues.Skip(1).Select(v => v.IsReceived));
        Assert.Equal([DexcomUuids.Control, DexcomUuids.Authentication, DexcomUuids.Backfill], capture.AttValues.Skip(1).Select(v => v.Characteristic));
        Assert.Equal(T0.AddMilliseconds(1.5), capture.Records[1].Time);

        using var again = new MemoryStream();
        using (var writer = new BtsnoopWriter(again))
        {
            foreach (var record in capture.Records)
            {
                writer.WriteRecord(record);
            }
        }

        Assert.Equal(file, again.ToArray());
    }

    [Fact]
    public void Fragmented_acl_packets_are_reassembled_by_l2cap_length()
    {
        var whole = HciAttPacket.Build(0x0041, AttOpcodes.HandleValueNotification, 0x0015, GlucoseRx);
        var l2cap = whole.AsSpan(5).ToArray(); // L2CAP header + ATT PDU, 23 bytes
        byte[] Fragment(int pb, ReadOnlySpan<byte> part)
        {
            var data = new byte[5 + part.Length];
            data[0] = 0x02;
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(1), (ushort)(0x0041 | (pb << 12)));
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(3), (ushort)part.Length);
            part.CopyTo(data.AsSpan(5));
            return data;
        }

        using var stream = new MemoryStream();
        using (var writer = new BtsnoopWriter(stream))
        {
            var ts = BtsnoopTime.FromDateTimeOffset(T0);
            foreach (var data in new[] { Fragment(0b10, l2cap.AsSpan(0, 10)), Fragment(0b01, l2cap.AsSpan(10)) })
            {
                writer.WriteRecord(new BtsnoopRecord((uint)data.Length, BtsnoopRecord.ReceivedFlag, 0, ts, data));
            }
        }

        var value = Assert.Single(BtsnoopReader.Read(stream.ToArray()).AttValues);
        Assert.Equal(1, value.RecordIndex);
        Assert.Equal(GlucoseRx, value.Value);
    }

    [Fact]
    public void Garbage_is_rejected_at_offset_0()
    {
        var ex = Assert.Throws<BtsnoopFormatException>(() => BtsnoopReader.Read("not a btsnoop file"u8));
        Assert.Equal(0, ex.Offset);
        Assert.Contains("btsnoop", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_shorter_than_the_header_names_its_end()
    {
        var ex = Assert.Throws<BtsnoopFormatException>(() => BtsnoopReader.Read(WriteSample().AsSpan(0, 10)));
        Assert.Equal(10, ex.Offset);
    }

    [Fact]
    public void Truncation_inside_a_record_header_or_data_names_the_offset()
    {
        var file = WriteSample();
        var inHeader = Assert.Throws<BtsnoopFormatException>(() => BtsnoopReader.Read(file.AsSpan(0, 16 + 10)));
        Assert.Equal(16, inHeader.Offset);
        Assert.StartsWith("offset 16:", inHeader.Message, StringComparison.Ordinal);

        var inData = Assert.Throws<BtsnoopFormatException>(() => BtsnoopReader.Read(file.AsSpan(0, 16 + 24 + 5)));
        Assert.Equal(40, inData.Offset);
    }

    [Fact]
    public void Every_truncation_and_random_corruption_gives_only_BtsnoopFormatException()
    {
        var file = WriteSample();
        var random = new Random(3);
        for (var i = 0; i < 20_000; i++)
        {
            var copy = file.ToArray();
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
            var length = random.Next(copy.Length + 1);
            try
            {
                BtsnoopReader.Read(copy.AsSpan(0, length));
            }
            catch (BtsnoopFormatException ex)
            {
                Assert.InRange(ex.Offset, 0, length);
            }
        }
    }
}
