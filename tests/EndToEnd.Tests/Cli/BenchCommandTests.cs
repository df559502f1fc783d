namespace EndToEnd.Tests.Cli;

public sealed class BenchCommandTests
{
    [Fact]
    public async Task Bench_traces_simulates_the_asked_population_and_reports_its_throughput()
    {
        var result = await SimulatorProcess.RunAsync("bench", "traces", "--patients", "30", "--days", "1");

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains("30 patients x 1 days (30 patient-days), sensor g6", result.StdOut, StringComparison.Ordinal);
        Assert.Matches(@"physiology \+ sensor: [0-9.]+ s, (8[0-9]{3}|[0-9]{4}) readings", result.StdOut);   // ~8,640 minus sensor gaps
        Assert.Matches(@"throughput: [0-9]+ virtual patient-days per wall second", result.StdOut);
    }

    [Fact]
    public async Task Bench_refuses_an_impossible_population()
    {
        var result = await SimulatorProcess.RunAsync("bench", "traces", "--patients", "0");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: --patients 0 is out of range; give 1 to 100000.", result.StdErr.Trim());
    }
}
