using System.Text.Json;
using Scenarios.Catalog;
using Scenarios.Model;
using EndToEnd.Tests.Support;
using Simulator.Runs;

namespace EndToEnd.Tests.Runs;

/// <summary>
/// Runs the built-in 2019 scenario once per profile, side by side, over real loopback HTTP: generator → fakes →
/// ReferenceSystem → FCM fake → scorer. Speed 1000 (not the catalog's 3000) so one virtual minute is 60 ms of real
/// time, a tolerance a shared 2-core machine keeps.
/// </summary>
public sealed class DexcomShare2019Fixture : IAsyncLifetime
{
    public const double Speed = 1000;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "e2e-2019-" + Guid.NewGuid().ToString("N"));

    public JsonElement Naive { get; private set; }
    public JsonElement Resilient { get; private set; }
    public string NaiveJournal => Path.Combine(_root, "naive", "journal.jsonl");
    public string ResilientJournal => Path.Combine(_root, "resilient", "journal.jsonl");

    public async Task InitializeAsync()
    {
        var scenario = ScenarioCatalog.Load("dexcom-share-2019") with { Speed = Speed };
        var runs = new[] { "naive", "resilient" }.Select(profile => RunOrchestrator.RunAsync(new RunOptions
        {
            Scenario = scenario with { Sut = new BuiltinSut(profile) },
            OutputDirectory = Path.Combine(_root, profile),
            StartBuiltinSut = InProcessSut.StartAsync,
        }));
        var results = await Task.WhenAll(runs);
        Naive = JsonDocument.Parse(await File.ReadAllTextAsync(results[0].ReportPath)).RootElement;
        Resilient = JsonDocument.Parse(await File.ReadAllTextAsync(results[1].ReportPath)).RootElement;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }
}
