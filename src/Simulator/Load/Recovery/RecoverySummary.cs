using System.Globalization;

namespace Simulator.Load.Recovery;

/// <summary>The console summary of a recovery run: a few lines per profile, then where the files are.</summary>
public static class RecoverySummary
{
    public static void Write(TextWriter output, RecoveryResult result)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        var c = CultureInfo.InvariantCulture;
        foreach (var p in result.Report.Profiles)
        {
            var verdict = p.Passed ? "no reading lost or duplicated" : $"FAILED: {p.Audit.Lost} lost, {p.Audit.KeptTwice + p.Audit.AlertedTwice + p.Audit.DuplicatePushes} duplicated";
            output.WriteLine(string.Create(c, $"{p.Profile}{(p.Asserted ? "" : " (not asserted)")}: {verdict}"));
            output.WriteLine(string.Create(c, $"  backlog: {p.Drain.WithheldAtRecovery:N0} readings withheld, peak queue {p.Drain.PeakQueue:N0}, drained {Span(p.Drain.DrainSeconds)} after recovery"));
            output.WriteLine(p.Freshness.AllFreshAfterSeconds is { } all
                ? string.Create(c, $"  fresh: every one of {p.Freshness.Followers:N0} followers after {Span(all)} (p50 {Span(p.Freshness.P50Seconds)}, p90 {Span(p.Freshness.P90Seconds)})")
                : string.Create(c, $"  fresh: {p.Freshness.FreshByEnd:N0} of {p.Freshness.Followers:N0} followers by the end (p50 {Span(p.Freshness.P50Seconds)})"));
            output.WriteLine(string.Create(c, $"  readings: {p.Audit.Reachable:N0} reachable, {p.Audit.Kept:N0} kept, {p.Audit.Lost:N0} lost; {p.Audit.Unreachable:N0} unreachable through Share (visible only when ~24 h old)"));
            output.WriteLine(string.Create(c, $"  pushes after recovery: {p.Alerts.PushesAfterRecovery:N0}, at most {p.Alerts.MaxPerFollowerPer5Min} to one follower in 5 min"));
            output.WriteLine(string.Create(c, $"  polls: {p.Polls.Requests:N0} ({p.Polls.Errors:N0} errors, p99 {p.Polls.P99Ms:0.#} ms); uploads: {p.Uploads.Requests:N0} ({p.Uploads.Errors:N0} errors, p99 {p.Uploads.P99Ms:0.#} ms)"));
            output.WriteLine(string.Create(c, $"  real time: fast-forward {p.Timing.RealFastForwardSeconds:0.#} s, live {p.Timing.RealLiveSeconds:0.#} s (GC pauses {p.Timing.RealGcPauseSeconds:0.#} s); ended at {p.Timing.EndedBecause}"));
        }
        output.WriteLine($"Files: {string.Join(", ", result.Files)}");
    }

    private static string Span(double? seconds) => seconds switch
    {
        null => "-",
        < 90 => string.Create(CultureInfo.InvariantCulture, $"{seconds.Value:0} s"),
        < 5400 => string.Create(CultureInfo.InvariantCulture, $"{seconds.Value / 60:0.#} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds.Value / 3600:0.#} h"),
    };
}
