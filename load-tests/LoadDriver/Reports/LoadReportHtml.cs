using System.Globalization;
using LoadDriver.Reports.Html;

namespace LoadDriver.Reports;

/// <summary>
/// The load report as one offline HTML page: what was run, totals, the threshold verdict, corrected and raw
/// percentiles side by side, and per-second charts of rate, errors by kind and corrected p50/p95/p99.
/// </summary>
public static class LoadReportHtml
{
    public static string Render(LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var t = report.Totals;
        var page = new HtmlPage("Load report")
            .Facts([
                ("Model", report.Model),
                ("Target", report.Target),
                ("Started", report.StartedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.fff 'UTC'", CultureInfo.InvariantCulture)),
                ("Elapsed", $"{HtmlText.Number(report.ElapsedSeconds, 3)} s"),
                ("Requests", t.Requests.ToString("N0", CultureInfo.InvariantCulture)),
                ("Rate", $"{HtmlText.Number(t.RequestsPerSecond, 1)} requests/s"),
                ("Errors", $"{t.Errors.ToString("N0", CultureInfo.InvariantCulture)} ({HtmlText.Number(t.ErrorPercent, 3)} %)"),
                ("Errors by kind", t.ErrorsByKind.Count == 0 ? "none" : string.Join(", ", t.ErrorsByKind.Select(e => $"{e.Key} {e.Value}"))),
            ]);

        page.Heading("Thresholds");
        if (report.Thresholds.Count == 0)
        {
            page.Paragraph("No thresholds were given, so the run passes (exit 0) whatever it measured.", "note");
        }
        else
        {
            var failed = report.Thresholds.Count(r => !r.Passed);
            page.Paragraph(report.Passed
                    ? $"PASSED: all {report.Thresholds.Count} thresholds held (exit {report.ExitCode})."
                    : $"FAILED: {failed} of {report.Thresholds.Count} thresholds breached (exit {report.ExitCode}).",
                report.Passed ? "pass" : "fail");
            page.Table(["Threshold", "Measured", "Result"], report.Thresholds.Select(r => new TableRow(
                [r.Expression, Measured(r.Expression, r.Actual), r.Passed ? "pass" : "FAIL"], r.Passed ? "pass" : "fail")));
        }

        page.Heading("Latency (ms)");
        LatencySummary c = report.Corrected, r = report.Raw;
        page.Table(["", "Corrected", "Raw"], [
            Row("p50", c.P50Ms, r.P50Ms), Row("p90", c.P90Ms, r.P90Ms), Row("p95", c.P95Ms, r.P95Ms), Row("p99", c.P99Ms, r.P99Ms),
            Row("p99.9", c.P999Ms, r.P999Ms), Row("max", c.MaxMs, r.MaxMs), Row("mean", c.MeanMs, r.MeanMs),
            new TableRow(["count", c.Count.ToString(CultureInfo.InvariantCulture), r.Count.ToString(CultureInfo.InvariantCulture)]),
        ]);
        page.Paragraph("Corrected latency runs from each request's intended send time, so time spent queued behind a slow answer " +
            "counts (coordinated-omission correction); it is what a user on that schedule would have waited, and what thresholds read. " +
            "Raw latency runs from the actual send and is service time only. In a closed model the two are the same.", "note");

        page.Heading("Per second");
        var seconds = report.Intervals;
        page.Chart(LineChart.Of("Requests completed per second", "second of the run", "requests/s", seconds, i => i.Second,
            ("completed", i => i.Requests)));
        var kinds = seconds.SelectMany(i => i.ErrorsByKind.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        if (kinds.Count == 0)
            page.Paragraph("No errors in any second.", "note");
        else
            page.Chart(new LineChart("Errors per second by kind", "second of the run", "errors/s",
                [.. kinds.Select(k => new ChartSeries(k, [.. seconds.Select(i => new ChartPoint(i.Second, i.ErrorsByKind.GetValueOrDefault(k)))]))]));
        page.Chart(LineChart.Of("Corrected latency per second", "second of the run", "ms", seconds, i => i.Second,
            ("p50", i => i.P50Ms), ("p95", i => i.P95Ms), ("p99", i => i.P99Ms)));
        page.Paragraph("Seconds count requests by completion time, so a stall shows in the second it ended.", "note");
        return page.Render();
    }

    public static async Task WriteAsync(LoadReport report, string path, CancellationToken ct)
    {
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, Render(report), ct);
        File.Move(temp, path, overwrite: true);
    }

    private static TableRow Row(string name, double corrected, double raw) => new([name, HtmlText.Number(corrected, 3), HtmlText.Number(raw, 3)]);

    private static string Measured(string expression, double actual) =>
        expression.TrimStart().StartsWith("errors", StringComparison.OrdinalIgnoreCase) ? $"{HtmlText.Number(actual, 3)} %" : $"{HtmlText.Number(actual, 3)} ms";
}
