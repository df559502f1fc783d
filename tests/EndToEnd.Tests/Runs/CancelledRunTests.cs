using System.Text.Json;
using Scenarios.Catalog;
using EndToEnd.Tests.Support;
using Simulator.Runs;

namespace EndToEnd.Tests.Runs;

public sealed class CancelledRunTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cancelled-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_run_stopped_early_still_writes_its_journal_and_a_report_scored_up_to_that_moment()
    {
        var scenario = ScenarioCatalog.Load("dexcom-share-2019") with { Speed = 3000 };
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(4));

        var result = await RunOrchestrator.RunAsync(new RunOptions
        {
            Scenario = scenario,
            OutputDirectory = _dir,
            StartBuiltinSut = InProcessSut.StartAsync,
        }, stop.Token);

        Assert.False(result.Completed);
        var report = JsonDocument.Parse(await File.ReadAllTextAsync(result.ReportPath)).RootElement;
        Assert.Equal("cancelled", report.GetProperty("outcome").GetString());
        var end = report.GetProperty("scenario").GetProperty("end").GetDateTimeOffset();
        Assert.InRange(end, scenario.Start.AddHours(1), scenario.End.AddHours(-1));
        var lastEvent = JsonDocument.Parse(File.ReadLines(result.JournalPath).Last()).RootElement;
        Assert.Equal("run-ended", lastEvent.GetProperty("type").GetString());
        Assert.Equal("cancelled", lastEvent.GetProperty("outcome").GetString());
    }
}
