using System.Text.Json;
using LoadDriver.Sharding;
using Simulator.Load.Population;

namespace Simulator.Tests.Load.Population;

public sealed class PopulationRunnerTests : IDisposable
{
    private static readonly PopulationLoadOptions Small = new()
    {
        Patients = 50, Followers = 10, VirtualSpan = TimeSpan.FromMinutes(30), RealSpan = TimeSpan.FromSeconds(3), Seed = 5,
        Pushes = PushMode.EveryFollower(TimeSpan.FromMinutes(10)),
    };

    private readonly string _dir = Directory.CreateTempSubdirectory("population-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_small_population_runs_without_errors_and_the_journal_holds_every_success()
    {
        // With a warm-up: its refused, unjournalled requests must leave the journal check and the stores untouched.
        var load = PopulationLoad.Build(Small with { WarmUp = TimeSpan.FromSeconds(1) });

        var result = await PopulationRunner.RunAsync(load, [StreamThreshold.Parse("errors < 1%")], _dir, TimeSpan.Zero);
        var report = result.Report;

        Assert.Equal(0, report.ExitCode);
        Assert.Equal(new long[] { 50 * 2 * 6, 10 * 6, 10 * 3 }, new[] { "uploads", "polls", "pushes" }.Select(s => report.Streams[s].Totals.Requests));
        Assert.Equal(0, report.Combined.Totals.Errors);
        Assert.Equal(690, report.Combined.Totals.Requests);
        Assert.True(report.JournalCheck.Checked);
        Assert.Equal(4, report.JournalCheck.Counts.Count);
        Assert.All(report.JournalCheck.Counts, c => Assert.True(c.Equal && c.DriverSucceeded > 0, c.ToString()));
        Assert.Equal(50, report.Logins["publishers"]);
        Assert.Equal(10, report.Logins["followers"]);
        Assert.InRange(report.Streams["uploads"].ElapsedSeconds, 2.5, 20);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_dir, "report.json")));
        Assert.Equal(5, json.RootElement.GetProperty("seed").GetInt32());
        Assert.Equal(600.0, json.RootElement.GetProperty("population").GetProperty("compression").GetDouble());
        foreach (var file in new[] { "report.html", "uploads.hlog", "polls.hlog", "pushes.hlog", "uploads.html" })
            Assert.True(File.Exists(Path.Combine(_dir, file)), file);
    }

    [Fact]
    public async Task Two_shards_send_the_whole_load_between_them()
    {
        var shards = new[] { new Shard(0, 2), new Shard(1, 2) };

        var results = await Task.WhenAll(shards.Select(s =>
            PopulationRunner.RunAsync(PopulationLoad.Build(Small with { Shard = s, Pushes = PushMode.Off }), [], Path.Combine(_dir, s.Index.ToString()), TimeSpan.Zero)));

        Assert.Equal(600, results.Sum(r => r.Report.Streams["uploads"].Totals.Requests));
        Assert.Equal(60, results.Sum(r => r.Report.Streams["polls"].Totals.Requests));
        Assert.All(results, r => Assert.Equal(300, r.Report.Streams["uploads"].Totals.Requests));
        Assert.All(results, r => Assert.True(r.Report.JournalCheck.Passed && r.Report.Combined.Totals.Errors == 0));
        Assert.All(results, r => Assert.False(r.Report.Streams.ContainsKey("pushes")));
    }
}
