using System.CommandLine;
using System.Text.Json;
using Simulator.Cli.Commands;
using Simulator.Cli.Tests.Support;

namespace Simulator.Cli.Tests.Commands;

[Collection(nameof(ConsoleCapture))]
public sealed class LoadPopulationCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("load-population-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("--patients 0", "--patients 0 is out of range; give 1 to 100000.")]
    [InlineData("--real 45m", "--real 45m is out of range; give 1s to 30m (one run is bounded to 30 real minutes: for a longer soak, run it again).")]
    [InlineData("--virtual 90", "--virtual: '90' has no unit; write e.g. 90s, 90m or 90h.")]
    [InlineData("--uploads share,librelinkup", "--uploads 'share,librelinkup': 'librelinkup' is not an upload target; give share, nightscout or share,nightscout.")]
    [InlineData("--shard 2/2", "--shard '2/2' is out of range: the index must be 0 to N-1 and N at least 1, e.g. 0/4 ... 3/4.")]
    [InlineData("--share-url http://192.168.1.20:8080", "--share-url: Refusing to send load to 'http://192.168.1.20:8080/': the load driver only targets loopback hosts (127.0.0.0/8, ::1, localhost).")]
    [InlineData("--threshold latency<5", "--threshold: 'latency<5' is not a threshold; write e.g. 'p99 <= 50ms' or 'errors < 1%'.")]
    [InlineData("--threshold replies:p99<5ms", "--threshold 'replies:p99<5ms' names no stream; prefix a rule with one of uploads, polls, pushes, combined (e.g. uploads:p99 <= 50ms), or leave the prefix off for all streams combined.")]
    public async Task Wrong_options_get_one_paragraph_and_exit_1(string args, string message)
    {
        var (exit, _, error) = await InvokeAsync([.. args.Split(' ', 2), "--out", _dir]);

        Assert.Equal(1, exit);
        Assert.Equal("error: " + message, error.Trim());
    }

    [Fact]
    public async Task A_small_load_exits_0_with_the_seed_in_the_report_and_2_when_a_threshold_fails()
    {
        string[] small = ["--patients", "20", "--followers", "4", "--virtual", "10m", "--real", "1s", "--seed", "9", "--uploads", "nightscout", "--warm-up", "0s"];
        var failing = Path.Combine(_dir, "failing");

        var (exit, output, error) = await InvokeAsync([.. small, "--out", _dir, "--threshold", "errors < 1%"]);
        var (failedExit, failedOutput, _) = await InvokeAsync([.. small, "--out", failing, "--threshold", "polls:p50 < 1us"]);

        Assert.True(exit == 0, error + output);
        Assert.Contains("Population load: 20 patients, 4 followers", output, StringComparison.Ordinal);
        Assert.Contains("journal check uploads to nightscout: 40 counted by the driver, 40 reading-accepted in the journal: equal", output, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_dir, "report.json")));
        Assert.Equal(9, report.RootElement.GetProperty("seed").GetInt32());
        Assert.Equal(2, failedExit);
        Assert.Contains("threshold polls:p50 < 1us: ", failedOutput, StringComparison.Ordinal);
        Assert.Contains("-> FAILED", failedOutput, StringComparison.Ordinal);
    }

    private static Task<(int Exit, string Output, string Error)> InvokeAsync(string[] args) =>
        ConsoleCapture.InvokeAsync(LoadPopulationCommand.Create(), args);
}
