using Simulator.Ble;
using Simulator.Ble.Dexcom.G6;
using Simulator.Ble.Dexcom.G7;
using Simulator.Ble.Messages;

namespace Simulator.Tests.Ble.Messages;

public class BleMessagesBuildTests
{
    private static Dictionary<string, string> Fields(params string[] pairs) =>
        pairs.Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

    [Fact]
    public void Build_sets_the_given_fields_and_keeps_the_sample_for_the_rest()
    {
        var message = Assert.IsType<GlucoseRx>(BleMessages.Build("GlucoseRx", Fields("glucose=104", "trend=-3", "sequence=0x10"), TransmitterGeneration.G6));

        Assert.Equal((ushort)104, message.Glucose);
        Assert.Equal((sbyte)-3, message.Trend);
        Assert.Equal(16u, message.Sequence);
        Assert.Equal(5730698u, message.Timestamp);
        Assert.Equal(message, GlucoseRx.Decode(message.Encode()));
    }

    [Fact]
    public void Build_accepts_none_hex_bytes_and_any_name_casing()
    {
        var egv = Assert.IsType<G7Egv>(BleMessages.Build("g7egv", Fields("Glucose=none", "predictedGlucose=none"), TransmitterGeneration.G7));
        Assert.Null(egv.Glucose);
        Assert.Equal("ffff", Convert.ToHexStringLower(egv.Encode().AsSpan(12, 2)));

        var auth = BleMessages.Build("AuthChallengeTx", Fields("challengeHash=0011223344556677"), TransmitterGeneration.G6);
        Assert.Equal("040011223344556677", Convert.ToHexStringLower(auth.Encode()));
    }

    [Theory]
    [InlineData("NoSuchMessage", "glucose=1", "Unknown BLE message 'NoSuchMessage' for a G6 transmitter; known messages are ")]
    [InlineData("G7Egv", "glucose=1", "Unknown BLE message 'G7Egv' for a G6 transmitter; it is a G7 message.")]
    [InlineData("GlucoseRx", "colour=red", "GlucoseRx has no field 'colour'; its fields are status, sequence, timestamp, glucose, glucoseFlags, state, trend.")]
    [InlineData("GlucoseRx", "glucose=abc", "Field 'glucose' of GlucoseRx needs an unsigned 16-bit integer (0-65535), not 'abc'.")]
    [InlineData("GlucoseRx", "trend=200", "Field 'trend' of GlucoseRx needs a signed 8-bit integer (-128-127), not '200'.")]
    [InlineData("GlucoseRx", "glucose=5000", "GlucoseRx.glucose must fit in 12 bits (0-4095).")]
    [InlineData("AuthChallengeTx", "challengeHash=0011", "Field 'challengeHash' of AuthChallengeTx needs 8 bytes of hex (16 hex digits), not '0011'.")]
    public void Build_rejects_unknown_names_fields_and_values_with_one_clear_sentence(string name, string field, string expectedStart)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => BleMessages.Build(name, Fields(field), TransmitterGeneration.G6));
        Assert.StartsWith(expectedStart, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_type_lists_its_fields_and_builds_from_its_own_sample_values()
    {
        foreach (var type in BleMessages.All)
        {
            var sample = type.Sample();
            var json = BleJson.Describe(sample);
            var fields = type.Fields.ToDictionary(
                f => f.Name,
                f => json[f.Name] switch
                {
                    null => "none",
                    var node when node.GetValueKind() == System.Text.Json.JsonValueKind.String => node.GetValue<string>(),
                    var node => node.ToJsonString(),
                });
            var built = BleMessages.Build(type.Name, fields, type.Generations[0]);
            Assert.Equal(type.SampleHex, Convert.ToHexStringLower(built.Encode()));
        }
    }
}
