using Simulator.Ble;
using Simulator.Ble.Messages;

namespace Simulator.Tests.Ble.Messages;

public class BleJsonTests
{
    [Fact]
    public void Describe_prints_message_opcode_camelCase_fields_and_crcValid()
    {
        var json = BleJson.DescribeBytes(Convert.FromHexString("3100680a00008a715700cc0006ffc42a"), TransmitterGeneration.G6);

        Assert.Equal(
            """{"message":"GlucoseRx","opcode":"0x31","channel":"Control","direction":"Rx","status":0,"sequence":2664,"timestamp":5730698,"glucose":204,"glucoseFlags":0,"state":6,"trend":-1,"glucoseIsDisplayOnly":false,"crc":"0x2AC4","crcValid":true}""",
            json.ToJsonString());
    }

    [Fact]
    public void DescribeBytes_shows_a_bad_crc_instead_of_failing()
    {
        var json = BleJson.DescribeBytes(Convert.FromHexString("3100680a00008a715700cc0006ffc42b"), TransmitterGeneration.G6);
        Assert.Equal("0x2BC4", json["crc"]!.GetValue<string>());
        Assert.False(json["crcValid"]!.GetValue<bool>());
    }

    [Fact]
    public void Messages_without_a_crc_have_no_crcValid()
    {
        var json = BleJson.Describe(BleMessages.Decode(Convert.FromHexString("5200c0d70d00540600020404ff0c00"), TransmitterGeneration.G7));
        Assert.Equal("G7ExtendedVersion", json["message"]!.GetValue<string>());
        Assert.False(json.ContainsKey("crcValid"));
    }
}
