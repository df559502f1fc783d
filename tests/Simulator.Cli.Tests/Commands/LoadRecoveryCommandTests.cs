using System.CommandLine;
using System.Text.Json;
using Scenarios.Model;
using Simulator.Cli.Commands;
using Simulator.Cli.Tests.Support;
using Simulator.Journal;
using Simulator.Load.Recovery;

namespace Simulator.Cli.Tests.Commands;

/// <summary>
/// <c>simulator load recovery</c> end to end at a small scale: real loopback HTTP, the real Share and FCM fakes, the
/// real ReferenceSystem in both profiles. Console output is process-wide, so these share the console-capturing
/// collection and never run beside another test that writes to it.
/// </summary>
[Collection(nameof(ConsoleCapture))]
public sealed class LoadRecoveryCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("load-recovery-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("--patients 0", "--patients 0 is out of range; give 1 to 20,000 (every patient's readings for the whole outage are held in memory).")]
    [InlineData("--patients 100 --followers 500", "--followers 500 is more than the 100 patients have: the cohort gives each 1 to 3 followers, 187 in all for seed 20191130; give at most 187, or more patients.")]
    [InlineData("--outage 3", "--outage 3: '3' has no unit; write e.g. 3s, 3m or 3h.")]
    [InlineData("--outage 61m", "--outage 1h1m is out of range; give 1h to 7d in whole 5-minute reading intervals, e.g. 3d or 12h.")]
    [InlineData("--release trickle", "--release 'trickle' is not a release mode; write drain:5000/s, burst, or reorder (optionally over a span, e.g. reorder:30m).")]
    [InlineData("--release drain:10/s", "--release drain:10/s drains no faster than the uploads arrive (10000 patients every 5 minutes is 33.3/s), so with new uploads waiting behind the backlog it would never drain; give a rate above 33.3/s, or --new-uploads bypass.")]
    [InlineData("--new-uploads later", "--new-uploads 'later' is not a choice; give wait (uploads after recovery queue behind the backlog) or bypass (they are visible at once).")]
    [InlineData("--profile paranoid", "--profile 'paranoid' is not a choice; give naive, resilient or both.")]
    [InlineData("--assert all", "--assert 'all' is not a choice; give naive, resilient or both, or none.")]
    [InlineData("--speed 5000", "--speed 5000 is out of range; give more than 0 and at most 1000 virtual seconds per real second.")]
    public async Task Wrong_options_get_one_paragraph_and_exit_1(string args, string message)
    {
        var (exit, _, error) = await InvokeAsync([.. args.Split(' '), "--out", _dir]);

        Assert.Equal(1, exit);
        Assert.Equal("error: " + message, error.Trim());
    }

    [Fact]
    public async Task Both_profiles_catch_up_and_the_figures_agree_with_the_journal()
    {
        var (exit, output, error) = await InvokeAsync(["--patients", "40", "--followers", "12", "--outage", "12h", "--speed", "200", "--seed", "11", "--out", _dir]);

        Assert.True(exit == 0, error + output);
        Assert.Contains("Backlog recovery: 40 patients, 12 followers, a 12h outage released by drain:5000/s, new uploads wait", output, StringComparison.Ordinal);
        Assert.Contains("resilient: no reading lost or duplicated", output, StringComparison.Ordinal);
        var report = JsonSerializer.Deserialize<RecoveryReport>(await File.ReadAllTextAsync(Path.Combine(_dir, "recovery.json")), RecoveryReport.JsonOptions)!;
        Assert.Equal((1, 0, 11), (report.Version, report.ExitCode, report.Run.Seed));
        var naive = report.Profiles.Single(p => p.Profile == "naive");
        var resilient = report.Profiles.Single(p => p.Profile == "resilient");

        Assert.True(resilient.Passed && resilient.Asserted);
        Assert.Equal((0L, 0L, 0L, 0L), (resilient.Audit.Lost, resilient.Audit.KeptTwice, resilient.Audit.AlertedTwice, resilient.Audit.DuplicatePushes));
        Assert.Equal(resilient.Audit.Reachable, resilient.Audit.Kept);
        Assert.True(resilient.Audit.Reachable > 40 * 12, "the outage's readings of followed patients are reachable");
        Assert.Equal(12, resilient.Freshness.FreshByEnd);
        Assert.False(naive.Asserted);
        Assert.True(naive.Audit.Lost > 0, "naive keeps only the newest reading of its first read (the 2019 Follow app)");

        foreach (var profile in report.Profiles)
            AgreesWithItsJournal(profile, report.Run);
        var html = await File.ReadAllTextAsync(Path.Combine(_dir, "recovery.html"));
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resilient_loses_nothing_when_the_backlog_comes_out_shuffled_behind_fresh_uploads()
    {
        var options = new RecoveryOptions
        {
            Patients = 30, Followers = 9, Outage = TimeSpan.FromHours(6), Release = new RecoveryRelease(BacklogRelease.Reorder, 0, TimeSpan.FromMinutes(15)),
            NewUploads = BacklogNewUploads.Bypass, Profiles = [RecoveryProfile.Resilient], Speed = 200, Seed = 5,
            Lead = TimeSpan.FromMinutes(10), Settle = TimeSpan.FromMinutes(5), OutputDirectory = _dir, WriteJournal = false,
        };

        var result = await RecoveryRunner.RunAsync(options, BuiltinReferenceSystem.StartAsync, TimeProvider.System);

        var resilient = Assert.Single(result.Report.Profiles);
        Assert.Equal(0, result.Report.ExitCode);
        Assert.Equal((0L, 0L, 0L), (resilient.Audit.Lost, resilient.Audit.KeptTwice, resilient.Audit.AlertedTwice));
        Assert.True(resilient.Audit.Kept > 30 * 6, $"kept {resilient.Audit.Kept}");
        Assert.InRange(resilient.Drain.DrainSeconds!.Value, 14 * 60, 15 * 60);          // spread over the 15 minutes
        Assert.NotNull(resilient.Freshness.AllFreshAfterSeconds);
        Assert.True(resilient.Freshness.AllFreshAfterSeconds < 10 * 60, "fresh uploads bypass the shuffled backlog");
    }

    /// <summary>The report's drain, alert and traffic figures recomputed from the journal file and the curves.</summary>
    private void AgreesWithItsJournal(ProfileReport profile, RecoveryRunFacts run)
    {
        var journal = RunJournal.ReadFile(Path.Combine(_dir, profile.Journal!));
        var withheld = journal.OfType<ReadingAccepted>().Where(a => a.At >= run.OutageStart && a.At < run.Recovery).ToList();
        Assert.Equal(withheld.Count, profile.Drain.WithheldAtRecovery);
        Assert.Equal((withheld.Max(a => a.VisibleAt) - run.Recovery).TotalSeconds, profile.Drain.DrainSeconds!.Value, 3);
        Assert.Equal(journal.OfType<PushReceived>().Count(), profile.Alerts.Pushes);
        Assert.Equal(profile.Polls.Requests, profile.Curves.Sum(r => r.Polls));
        // The relay timed every read the fake answered (a read in flight at the very end may be cut off either side).
        var reads = journal.OfType<RequestServed>().Count(r => r.Endpoint == "read" && r.At >= run.LiveStart && r.At <= profile.Timing.LiveEnd);
        Assert.InRange(profile.Polls.Requests, reads - 2, reads + 2);
        Assert.Equal(profile.Uploads.Requests, journal.OfType<RequestServed>().Count(r => r.Endpoint == "upload" && r.At >= run.LiveStart));
        Assert.Equal(profile.Uploads.Requests, profile.Curves.Sum(r => r.Uploads));
        Assert.Equal(withheld.Count(a => a.At <= run.LiveStart), profile.Curves[0].Queue);
    }

    private static Task<(int Exit, string Output, string Error)> InvokeAsync(string[] args) =>
        ConsoleCapture.InvokeAsync(LoadRecoveryCommand.Create(), args);
}
