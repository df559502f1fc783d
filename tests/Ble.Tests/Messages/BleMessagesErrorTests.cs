using Simulator.Ble;
using Simulator.Ble.Messages;

namespace Simulator.Tests.Ble.Messages;

public class BleMessagesErrorTests
{
    [Fact]
    public void Crc16_xmodem_check_value_is_0x31C3() =>
        Assert.Equal(0x31C3, Crc16Xmodem.Compute("123456789"u8));

    [Fact]
    public void Crc16_xmodem_matches_the_backfill_buffer_crc_of_the_CGMBLEKit_vector()
    {
        var frames = Convert.FromHexString("0100bc460000b7ff52008b0006eee30053008500" + "020006eb0f025300800006ee3a0353007e0006f5" + "030066045300790006f8");
        Assert.Equal(0xCBE6, Crc16Xmodem.Compute(frames));
    }

    [Fact]
    public void A_flipped_crc_byte_is_BadCrc_naming_the_crc_bytes()
    {
        var bytes = Convert.FromHexString("3100680a00008a715700cc0006ffc42b");
        var ex = Assert.Throws<BlePacketException>(() => BleMessages.Decode(bytes, TransmitterGeneration.G6));

        Assert.Equal(BlePacketErrorReason.BadCrc, ex.Reason);
        Assert.Equal(14, ex.ByteIndex);
        Assert.Equal("bytes 14-15: CRC is 0x2BC4 but the message computes 0x2AC4", ex.Message);
    }

    [Fact]
    public void A_flipped_payload_byte_is_BadCrc()
    {
        var bytes = Convert.FromHexString("3100680a00008a715700cd0006ffc42a");
        var ex = Assert.Throws<BlePacketException>(() => BleMessages.Decode(bytes, TransmitterGeneration.G6));
        Assert.Equal(BlePacketErrorReason.BadCrc, ex.Reason);
    }

    [Fact]
    public void Unknown_opcode_names_byte_0_and_the_generation()
    {
        var ex = Assert.Throws<BlePacketException>(() => BleMessages.Decode([0x99, 0x00], TransmitterGeneration.G6));
        Assert.Equal(BlePacketErrorReason.UnknownOpcode, ex.Reason);
        Assert.Equal(0, ex.ByteIndex);
        Assert.Equal("byte 0: unknown opcode 0x99 for a G6 transmitter", ex.Message);
    }

    [Fact]
    public void G6_only_opcodes_are_unknown_for_G7() =>
        Assert.Equal(BlePacketErrorReason.UnknownOpcode, Assert.Throws<BlePacketException>(() => BleMessages.Decode(Convert.FromHexString("24e664"), TransmitterGeneration.G7)).Reason);

    [Theory]
    [InlineData("", BlePacketErrorReason.TooShort, 0)]
    [InlineData("3100680a", BlePacketErrorReason.TooShort, 4)]
    [InlineData("3100680a00008a715700cc0006ffc42a00", BlePacketErrorReason.TooLong, 16)]
    [InlineData("2f005ac55b0060810100307901", BlePacketErrorReason.WrongLength, 13)]
    [InlineData("4e00a89c00008800000104008d0006038a00", BlePacketErrorReason.WrongLength, 18)]
    public void Length_errors_name_the_byte(string hex, BlePacketErrorReason reason, int byteIndex)
    {
        var generation = hex.StartsWith("4e00a8", StringComparison.Ordinal) ? TransmitterGeneration.G7 : TransmitterGeneration.G6;
        var ex = Assert.Throws<BlePacketException>(() => BleMessages.Decode(Convert.FromHexString(hex), generation));
        Assert.Equal(reason, ex.Reason);
        Assert.Equal(byteIndex, ex.ByteIndex);
        Assert.StartsWith($"byte {byteIndex}:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_reports_instead_of_throwing()
    {
        Assert.False(BleMessages.TryDecode([0x31, 0x00], TransmitterGeneration.G6, out var message, out var error));
        Assert.Null(message);
        Assert.Equal(BlePacketErrorReason.TooShort, error!.Reason);
        Assert.True(BleMessages.TryDecode(Convert.FromHexString("050101"), TransmitterGeneration.G6, out message));
        Assert.Equal("AuthStatusRx", message!.MessageType.Name);
    }

    [Fact]
    public void Backfill_channel_values_do_not_decode_on_the_control_channel() =>
        Assert.Equal(BlePacketErrorReason.UnknownOpcode, Assert.Throws<BlePacketException>(() => BleMessages.Decode(Convert.FromHexString("050101"), TransmitterGeneration.G6, BleChannel.Control)).Reason);
}
