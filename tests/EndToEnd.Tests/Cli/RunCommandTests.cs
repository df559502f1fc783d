namespace EndToEnd.Tests.Cli;

public sealed class RunCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string yaml)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    /// <summary>Two hours with one Share outage and a low during it: small enough to run in seconds.</summary>
    private const string ShortOutage = """
        name: short-outage
        title: Short Share outage with a low
        start: 2024-03-01T02:00:00Z
        duration: 2h
        speed: 600
        seed: 11
        vendors: [dexcom-share, nightscout, fcm]
        patients:
          - id: kid
            trace: { source: scripted, points: { "0h": 120, "50m": 90, "1h10m": 50, "1h40m": 110 } }
            followers: [mum]
        faults:
          - { target: dexcom-share, at: 40m, for: 1h, kind: outage, response: 503 }
        slo:
          - missed.urgent-low == 0
          - no-data-notice <= 25m
        """;

    [Fact]
    public async Task A_run_whose_slos_hold_exits_0_and_one_that_breaches_them_exits_2()
    {
        var file = Write("short.yaml", ShortOutage);

        var resilient = await SimulatorProcess.RunAsync("run", file, "--sut-profile", "resilient", "--out", Path.Combine(_dir, "r"));
        var naive = await SimulatorProcess.RunAsync("run", file, "--sut-profile", "naive", "--out", Path.Combine(_dir, "n"));

        Assert.True(resilient.ExitCode == 0, resilient.StdOut + resilient.StdErr);
        Assert.Contains("all met", resilient.StdOut, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dir, "r", "report.json")));
        Assert.Equal(2, naive.ExitCode);
        Assert.Contains("BREACHED", naive.StdOut, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dir, "n", "journal.jsonl")));
    }

    [Fact]
    public async Task A_broken_scenario_file_gives_one_paragraph_naming_file_and_line_and_exit_1()
    {
        var file = Write("broken.yaml", ShortOutage.Replace("kind: outage", "kind: outag", StringComparison.Ordinal));

        var result = await SimulatorProcess.RunAsync("run", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("broken.yaml", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("line 13, column 53, 'faults[0].kind'", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("did you mean 'outage'", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StdErr, StringComparison.Ordinal);
        Assert.Single(result.StdErr.Trim().Split('\n'));
    }

    [Fact]
    public async Task An_unreachable_sut_url_gives_one_paragraph_and_exit_1_without_results()
    {
        var outDir = Path.Combine(_dir, "unreachable");

        var result = await SimulatorProcess.RunAsync("run", "dexcom-share-2019", "--sut-url", "http://127.0.0.1:9", "--out", outDir);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("http://127.0.0.1:9/", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("could not be reached", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(outDir, "report.json")));
    }

    [Fact]
    public async Task A_sut_url_off_this_machine_is_refused_before_any_traffic()
    {
        var result = await SimulatorProcess.RunAsync("run", "dexcom-share-2019", "--sut-url", "http://192.0.2.10:8080");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not a loopback", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scenarios_validate_passes_good_files_and_reports_every_problem_of_bad_ones()
    {
        var good = Write("good.yaml", ShortOutage);
        var bad = Write("bad.yaml", ShortOutage.Replace("speed: 600", "sped: 600", StringComparison.Ordinal).Replace("kind: outage", "kind: outag", StringComparison.Ordinal));

        var result = await SimulatorProcess.RunAsync("scenarios", "validate", good, bad, "dexcom-share-2019");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"ok: {good} (short-outage: 1 patient(s), 1 fault(s), 2 SLO(s))", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("ok: dexcom-share-2019", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("has 2 problems", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("did you mean 'speed'", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("did you mean 'outage'", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scenarios_list_shows_the_built_in_catalog()
    {
        var result = await SimulatorProcess.RunAsync("scenarios", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("dexcom-share-2019", result.StdOut, StringComparison.Ordinal);
    }
}
