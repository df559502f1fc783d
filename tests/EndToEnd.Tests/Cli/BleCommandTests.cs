using System.Text.Json;

namespace EndToEnd.Tests.Cli;

public sealed class BleCommandTests
{
    [Fact]
    public async Task Encode_then_decode_gives_back_the_fields()
    {
        var encoded = await SimulatorProcess.RunAsync("ble", "encode", "--message", "GlucoseRx", "--field", "glucose=104", "--field", "sequence=42", "--field", "timestamp=600");
        Assert.True(encoded.ExitCode == 0, encoded.StdErr);
        var hex = encoded.StdOut.Trim();
        Assert.Matches("^31[0-9a-f]{30}$", hex);   // opcode 0x31, 16 bytes with the CRC

        var decoded = await SimulatorProcess.RunAsync("ble", "decode", hex);

        Assert.True(decoded.ExitCode == 0, decoded.StdErr);
        var json = JsonDocument.Parse(decoded.StdOut).RootElement;
        Assert.Equal("GlucoseRx", json.GetProperty("message").GetString());
        Assert.Equal("0x31", json.GetProperty("opcode").GetString());
        Assert.Equal(104, json.GetProperty("glucose").GetInt32());
        Assert.Equal(42, json.GetProperty("sequence").GetInt32());
        Assert.Equal(600, json.GetProperty("timestamp").GetInt32());
        Assert.True(json.GetProperty("crcValid").GetBoolean());
    }

    [Fact]
    public async Task A_corrupted_crc_is_reported_and_garbage_is_refused()
    {
        var corrupted = await SimulatorProcess.RunAsync("ble", "decode", "3100680a00008a715700680006ff430b");
        var garbage = await SimulatorProcess.RunAsync("ble", "decode", "99");

        Assert.Equal(0, corrupted.ExitCode);
        Assert.False(JsonDocument.Parse(corrupted.StdOut).RootElement.GetProperty("crcValid").GetBoolean());
        Assert.Equal(1, garbage.ExitCode);
        Assert.Equal("error: These 1 bytes are not a g6 message: byte 0: unknown opcode 0x99 for a G6 transmitter.", garbage.StdErr.Trim());
    }
}
