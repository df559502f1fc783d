using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Simulator.Cli.Commands;
using Simulator.Cli.Tests.Support;

namespace Simulator.Cli.Tests.Commands;

/// <summary><c>simulator fakes serve</c> as a team runs it: the listing, a clean stop on cancellation, and clear errors.</summary>
[Collection(nameof(ConsoleCapture))]
public sealed class FakesCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fakes-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string ScenarioFile()
    {
        var path = Path.Combine(_dir, "serve.yaml");
        File.WriteAllText(path, """
            name: serve-test
            title: Serve test
            start: 2024-01-01T00:00:00Z
            duration: 2h
            vendors: [dexcom-share, nightscout, fcm]
            patients:
              - id: child-1
                trace: { source: scripted, points: { 0h: 120, 2h: 80 } }
                followers: [parent-1]
            """);
        return path;
    }

    [Fact]
    public async Task Serve_lists_each_fake_and_its_credentials_then_stops_cleanly_when_cancelled()
    {
        var outDir = Path.Combine(_dir, "out");
        using var cts = new CancellationTokenSource();
        var serving = ConsoleCapture.InvokeAsync(FakesCommand.Create(), ["serve", ScenarioFile(), "--out", outDir], cts.Token);
        var manifestPath = Path.Combine(outDir, "fakes.json");
        await WaitForAsync(() => File.Exists(manifestPath) && JournalReachable(manifestPath), serving);

        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(manifestPath));
        var shareUrl = manifest.RootElement.GetProperty("fakes")[0].GetProperty("url").GetString()!;
        using var http = new HttpClient();
        var page = await http.GetFromJsonAsync<JsonElement>(new Uri(shareUrl + "/__harness/journal?limit=1"));
        await cts.CancelAsync();
        var (exit, output, error) = await serving;

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Equal("dexcom-share", page.GetProperty("vendor").GetString());
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains($"dexcom-share  {shareUrl}", lines);
        Assert.Contains(lines, l => l.StartsWith("nightscout    http://127.0.0.1:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("child-1 dexcom-share: accountName=child-1  password=pw-", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("fcm: projectId=cgm-sim  accessToken=ya29.fake-", StringComparison.Ordinal));
        Assert.Contains($"Stopped. Journal: {Path.Combine(outDir, "journal.jsonl")}", lines);
        Assert.Contains("\"outcome\":\"stopped\"", await File.ReadAllTextAsync(Path.Combine(outDir, "journal.jsonl")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bind", "my-laptop", "--bind 'my-laptop' is not an IP address; give e.g. 127.0.0.1 (loopback, the default), ::1, or 0.0.0.0 to listen on every interface.")]
    [InlineData("--account", "no-colon", "--account 'no-colon' is not NAME:PASSWORD; write e.g. --account parent@example.com:secret (the name ends at the first colon).")]
    [InlineData("--port-base", "65534", "--port-base 65534 leaves no room for 3 fakes: give a port from 1024 to 65533, e.g. --port-base 47000.")]
    public async Task Bad_options_get_one_paragraph_and_exit_1(string option, string value, string message)
    {
        var (exit, _, error) = await ConsoleCapture.InvokeAsync(FakesCommand.Create(), ["serve", ScenarioFile(), option, value, "--out", Path.Combine(_dir, "out")]);
        Assert.Equal(1, exit);
        Assert.Equal($"error: {message}", error.Trim());
    }

    [Fact]
    public async Task A_port_already_taken_is_named_with_what_to_do()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        if (port > 65533) return; // the three fakes need two more ports above it; the OS handed out one of the last two

        var (exit, _, error) = await ConsoleCapture.InvokeAsync(FakesCommand.Create(),
            ["serve", ScenarioFile(), "--port-base", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", Path.Combine(_dir, "out")]);

        Assert.Equal(1, exit);
        Assert.StartsWith($"error: The dexcom-share fake could not listen on 127.0.0.1 port {port}: ", error, StringComparison.Ordinal);
        Assert.EndsWith("Give --port-base a range that is free, or leave it out to use any free ports.", error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_scenario_is_named_in_the_error()
    {
        var (exit, _, error) = await ConsoleCapture.InvokeAsync(FakesCommand.Create(), ["serve", "no-such-scenario", "--out", Path.Combine(_dir, "out")]);
        Assert.Equal(1, exit);
        Assert.Contains("no-such-scenario", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    private static bool JournalReachable(string manifestPath)
    {
        try { return File.ReadAllText(manifestPath).Contains("\"journal\"", StringComparison.Ordinal); }
        catch (IOException) { return false; }
    }

    /// <summary>Waits for the serve to be up, failing at once if it ended instead.</summary>
    private static async Task WaitForAsync(Func<bool> ready, Task serving)
    {
        var started = Stopwatch.GetTimestamp();
        while (!ready())
        {
            Assert.False(serving.IsCompleted, "fakes serve ended before it was up");
            Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(30), "fakes serve was not up within 30 s");
            await Task.Delay(20);
        }
    }
}
