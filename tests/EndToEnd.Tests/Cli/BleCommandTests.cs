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

public sealed class BleRecordReplayTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2024, 2, 6, 20, 0, 30, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("ble-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A journal with one window's traffic: advertisement, connect, a time and a glucose exchange, one dropped notification.</summary>
    private string Journal()
    {
        Simulator.Journal.BleFrameRecorded Frame(int seq, string dir, string ev, string? chr, string hex, bool dropped = false) => new()
        {
            At = T0.AddMilliseconds(seq * 100), Seq = seq, Link = 1, Direction = dir, Event = ev, Characteristic = chr, Hex = hex, Dropped = dropped,
        };
        var events = new Simulator.Journal.JournalEvent[]
        {
            Frame(1, "p2c", "advertisement", "advertisement", "384734353132"),
            Frame(2, "c2p", "connect", null, ""),
            Frame(3, "c2p", "write-request", "control", "24e64b"),
            Frame(4, "p2c", "indicate", "control", "2500a0a10300c8000000010000008f76"),
            Frame(5, "c2p", "write-request", "control", "305336"),
            Frame(6, "p2c", "indicate", "control", "3100680a00008a715700680006ff430a", dropped: true),
            Frame(7, "p2c", "indicate", "control", "3100680a00008a715700680006ff430a"),
        };
        var path = Path.Combine(_dir, "journal.jsonl");
        File.WriteAllLines(path, events.Select(e => JsonSerializer.Serialize(e, Simulator.Journal.RunJournal.JsonOptions)));
        return path;
    }

    [Fact]
    public async Task Record_writes_the_values_that_went_over_the_air_as_btsnoop_and_replay_sends_them_back_as_frames()
    {
        var capture = Path.Combine(_dir, "run.btsnoop");
        var recorded = await SimulatorProcess.RunAsync("ble", "record", Journal(), "--out", capture);

        Assert.True(recorded.ExitCode == 0, recorded.StdErr);
        await using (var file = File.OpenRead(capture))
        {
            var read = Simulator.Ble.Btsnoop.BtsnoopReader.Read(file);
            Assert.Equal(
                ["24e64b", "2500a0a10300c8000000010000008f76", "305336", "3100680a00008a715700680006ff430a"],   // the dropped copy never flew
                read.AttValues.Select(v => Convert.ToHexStringLower(v.Value)));
            Assert.Equal([false, true, false, true], read.AttValues.Select(v => v.IsReceived));
        }

        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var accept = ReadAllFramesAsync(listener);
        var replayed = await SimulatorProcess.RunAsync("ble", "replay", capture, "--to", $"tcp://127.0.0.1:{port}");
        var frames = await accept;

        Assert.True(replayed.ExitCode == 0, replayed.StdErr);
        Assert.Equal(
            ["24e64b", "2500a0a10300c8000000010000008f76", "305336", "3100680a00008a715700680006ff430a"],
            frames.Select(f => Convert.ToHexStringLower(f.Payload)));
        Assert.All(frames, f => Assert.Equal(Simulator.Ble.Dexcom.DexcomUuids.Control, f.Characteristic));
    }

    [Fact]
    public async Task Replay_refuses_any_address_but_loopback()
    {
        var capture = Path.Combine(_dir, "run.btsnoop");
        Assert.Equal(0, (await SimulatorProcess.RunAsync("ble", "record", Journal(), "--out", capture)).ExitCode);

        var result = await SimulatorProcess.RunAsync("ble", "replay", capture, "--to", "tcp://192.0.2.10:7070");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: BLE replay sends only to a loopback listener such as tcp://127.0.0.1:PORT, so 'tcp://192.0.2.10:7070/' is refused.", result.StdErr.Trim());
    }

    private static async Task<List<Simulator.Ble.Framing.BleFrame>> ReadAllFramesAsync(System.Net.Sockets.TcpListener listener)
    {
        using var client = await listener.AcceptTcpClientAsync();
        var parser = new Simulator.Ble.Link.FrameStreamParser();
        var buffer = new byte[4096];
        var stream = client.GetStream();
        int n;
        while ((n = await stream.ReadAsync(buffer)) > 0)
            parser.Append(buffer.AsSpan(0, n));
        var frames = new List<Simulator.Ble.Framing.BleFrame>();
        while (parser.TryRead(out var frame))
            frames.Add(frame!);
        return frames;
    }
}
