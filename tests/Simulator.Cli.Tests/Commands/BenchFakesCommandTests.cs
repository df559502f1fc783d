using System.Text.Json;
using Simulator.Cli.Commands;
using Simulator.Cli.Tests.Support;
using Simulator.Runs;

namespace Simulator.Cli.Tests.Commands;

[Collection(nameof(ConsoleCapture))]
public sealed class BenchFakesCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bench-fakes-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Every_fake_journals_every_request_and_the_table_says_so()
    {
        var json = Path.Combine(_dir, "fakes.json");
        var journals = Path.Combine(_dir, "journals");

        var (exit, output, error) = await ConsoleCapture.InvokeAsync(BenchCommand.Create(),
            ["fakes", "--requests", "2000", "--connections", "16", "--memory-cap", "500", "--json", json, "--keep-journals", journals]);

        Assert.True(exit == 0, output + error);
        Assert.Contains("2000 requests per target after 200 to warm up, 16 connections", output, StringComparison.Ordinal);
        Assert.Contains("journal complete: every request sent to every fake was journaled once, in sequence.", output, StringComparison.Ordinal);
        var lines = output.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Single(lines, l => l.StartsWith("kestrel (bare, 2-byte body)", StringComparison.Ordinal));
        foreach (var fake in BenchFakes.All)
        {
            var row = Assert.Single(lines, l => l.StartsWith(fake.Vendor + " ", StringComparison.Ordinal));
            Assert.EndsWith(" yes", row, StringComparison.Ordinal);
        }

        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var rows = doc.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(BenchFakes.All.Count + 1, rows.Count);
        foreach (var row in rows.Skip(1))
        {
            var vendor = row.GetProperty("target").GetString()!;
            Assert.Equal(2000, row.GetProperty("requests").GetInt64());
            Assert.Equal(0, row.GetProperty("errors").GetInt64());
            Assert.True(row.GetProperty("complete").GetBoolean());
            Assert.Equal(row.GetProperty("sent").GetInt64(), row.GetProperty("journaled").GetInt64());
            Assert.InRange(row.GetProperty("peakInMemoryEvents").GetInt32(), 1, 500);
            Assert.True(row.GetProperty("ratioToKestrel").GetDouble() > 0);
            // The journal on disk holds the same requests: the in-memory cap lost nothing.
            var served = File.ReadLines(Path.Combine(journals, $"{vendor}.jsonl"))
                .Count(l => l.StartsWith("""{"type":"request-served",""", StringComparison.Ordinal) && l.Contains($"\"vendor\":\"{vendor}\"", StringComparison.Ordinal));
            Assert.Equal(row.GetProperty("sent").GetInt64(), served);
        }
    }

    [Theory]
    [InlineData(0, 64, 10, "", "--requests 0 is out of range; give 1 to 10000000.")]
    [InlineData(10, 0, 10, "", "--connections 0 is out of range; give 1 to 10000.")]
    [InlineData(10, 4, 0, "", "--memory-cap 0 is out of range; give 1 or more.")]
    public async Task Out_of_range_settings_are_refused_before_anything_starts(long requests, int connections, int cap, string fakes, string message)
    {
        var e = await Assert.ThrowsAsync<RunFailedException>(() => BenchFakesCommand.RunAsync(
            new BenchFakesSettings(requests, connections, cap, fakes.Split(',', StringSplitOptions.RemoveEmptyEntries), null, null), TextWriter.Null, CancellationToken.None));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public async Task An_unknown_fake_is_refused_naming_the_ones_it_knows()
    {
        var e = await Assert.ThrowsAsync<RunFailedException>(() => BenchFakesCommand.RunAsync(
            new BenchFakesSettings(10, 4, 10, ["fcm", "nope"], null, null), TextWriter.Null, CancellationToken.None));

        Assert.Equal($"--fakes names nope, which bench fakes does not know; give some of {string.Join(", ", BenchFakes.All.Select(f => f.Vendor))}.", e.Message);
        Assert.Contains("dexcom-share, nightscout, fcm", e.Message, StringComparison.Ordinal);
    }
}
