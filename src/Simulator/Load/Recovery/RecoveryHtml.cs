using System.Globalization;
using LoadDriver.Reports.Html;

namespace Simulator.Load.Recovery;

/// <summary>
/// <c>recovery.html</c>: one self-contained page (inline CSS and SVG, no scripts, nothing fetched), the run's facts, a
/// table comparing the profiles, and per profile the curves of the live phase against minutes from recovery: the
/// vendor's queue, fresh followers, the follower system's polls (errors and latency), the phones' uploads, and pushes.
/// </summary>
internal static class RecoveryHtml
{
    private const string X = "virtual minutes from recovery";

    public static string Render(RecoveryReport report)
    {
        var run = report.Run;
        var page = new HtmlPage($"Backlog recovery: {run.Outage} outage, {N(run.Patients)} patients, {N(run.Followers)} followers");
        page.Facts(
        [
            ("outage", $"{run.Outage} from {run.OutageStart:u}, recovery at {run.Recovery:u}"),
            ("release", $"{run.Release}; uploads after recovery {(run.NewUploads == "wait" ? "wait behind the backlog" : "bypass it")}"),
            ("population", $"{N(run.Patients)} patients (seed {run.Seed}); {N(run.FollowedPatients)} followed by {N(run.Followers)} followers"),
            ("live phase", $"from {run.LiveStart:u} at {run.Speed.ToString(CultureInfo.InvariantCulture)}x"),
            ("exit code", report.ExitCode == 0 ? "0: every asserted profile lost and duplicated nothing" : "2: an asserted profile lost or duplicated readings"),
        ]);

        page.Heading("Profiles");
        page.Table(
            ["", .. report.Profiles.Select(p => p.Profile + (p.Asserted ? " (asserted)" : ""))],
            [
                Row("verdict", p => p.Passed ? "no loss, no duplicates" : "FAILED", report, p => p.Passed ? "pass" : p.Asserted ? "fail" : null),
                Row("drain time", p => Duration(p.Drain.DrainSeconds), report),
                Row("peak queue (readings)", p => N(p.Drain.PeakQueue), report),
                Row("every follower fresh after", p => p.Freshness.AllFreshAfterSeconds is { } s ? Duration(s) : $"not by the end ({p.Freshness.FreshByEnd} of {p.Freshness.Followers})", report),
                Row("time to fresh p50 / p90 / max", p => $"{Duration(p.Freshness.P50Seconds)} / {Duration(p.Freshness.P90Seconds)} / {Duration(p.Freshness.MaxSeconds)}", report),
                Row("readings reachable / kept", p => $"{N(p.Audit.Reachable)} / {N(p.Audit.Kept)}", report),
                Row("lost", p => N(p.Audit.Lost), report, p => p.Audit.Lost == 0 ? "pass" : "fail"),
                Row("duplicated (kept twice, alerted twice, pushed twice)", p => $"{N(p.Audit.KeptTwice)}, {N(p.Audit.AlertedTwice)}, {N(p.Audit.DuplicatePushes)}", report,
                    p => p.Audit.KeptTwice + p.Audit.AlertedTwice + p.Audit.DuplicatePushes == 0 ? "pass" : "fail"),
                Row("unreachable through Share (visible when ~24 h old)", p => N(p.Audit.Unreachable), report),
                Row("pushes after recovery", p => N(p.Alerts.PushesAfterRecovery), report),
                Row("most pushes to one follower in 5 min", p => N(p.Alerts.MaxPerFollowerPer5Min), report),
                Row("polls: requests, errors, p99", p => $"{N(p.Polls.Requests)}, {N(p.Polls.Errors)}, {Ms(p.Polls.P99Ms)}", report),
                Row("uploads: requests, errors, p99", p => $"{N(p.Uploads.Requests)}, {N(p.Uploads.Errors)}, {Ms(p.Uploads.P99Ms)}", report),
                Row("real time: fast-forward, live", p => $"{p.Timing.RealFastForwardSeconds:0.#} s, {p.Timing.RealLiveSeconds:0.#} s", report),
                Row("live phase ended at", p => p.Timing.EndedBecause, report),
            ]);

        foreach (var profile in report.Profiles)
        {
            var rows = profile.Curves;
            page.Heading($"{profile.Profile}: the live phase");
            page.Chart(LineChart.Of("Readings held back by the vendor", X, "readings", rows, r => r.Minute, ("queue", r => r.Queue)));
            page.Chart(LineChart.Of("Followers seeing fresh data", X, "followers", rows, r => r.Minute, ("fresh", r => r.FreshFollowers)));
            page.Chart(LineChart.Of("Follower system's Share polls per minute", X, "requests", rows, r => r.Minute, ("polls", r => r.Polls), ("errors", r => r.PollErrors)));
            page.Chart(LineChart.Of("Poll latency (real ms)", X, "ms", rows, r => r.Minute, ("p50", r => r.PollP50Ms), ("p99", r => r.PollP99Ms)));
            page.Chart(LineChart.Of("Phone uploads per minute", X, "requests", rows, r => r.Minute, ("uploads", r => r.Uploads), ("errors", r => r.UploadErrors)));
            page.Chart(LineChart.Of("Upload latency (real ms, corrected)", X, "ms", rows, r => r.Minute, ("p50", r => r.UploadP50Ms), ("p99", r => r.UploadP99Ms)));
            page.Chart(LineChart.Of("Pushes per minute", X, "pushes", rows, r => r.Minute, ("all followers", r => r.Pushes), ("most to one follower", r => r.MaxPushesToOneFollower)));
            if (profile.Audit.LostExamples.Count > 0)
                page.Table(["lost reading (patient)", "sensor time", "visible from"],
                    profile.Audit.LostExamples.Select(l => new TableRow([l.Patient, l.SensorTime.ToString("u", CultureInfo.InvariantCulture), l.VisibleAt.ToString("u", CultureInfo.InvariantCulture)])));
        }

        page.Heading("Definitions");
        page.Facts(report.Definitions.Select(d => (d.Key, d.Value)));
        return page.Render();
    }

    private static TableRow Row(string name, Func<ProfileReport, string> cell, RecoveryReport report, Func<ProfileReport, string?>? css = null)
    {
        var classes = css is null ? [] : report.Profiles.Select(css).ToList();
        var rowClass = classes.Contains("fail") ? "fail" : null;
        return new TableRow([name, .. report.Profiles.Select(cell)], rowClass);
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ms(double ms) => ms.ToString("0.#", CultureInfo.InvariantCulture) + " ms";

    private static string Duration(double? seconds) => seconds switch
    {
        null => "-",
        < 90 => $"{seconds.Value:0} s",
        < 5400 => $"{seconds.Value / 60:0.#} min",
        _ => $"{seconds.Value / 3600:0.#} h",
    };
}
