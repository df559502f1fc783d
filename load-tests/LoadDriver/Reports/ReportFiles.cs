using LoadDriver.Histograms;
using LoadDriver.Running;
using LoadDriver.Sharding;
using LoadDriver.Thresholds;

namespace LoadDriver.Reports;

/// <summary>Where one run's outputs went.</summary>
public sealed record ReportPaths(string Json, string Html, string Log);

/// <summary>Writes a run's three outputs into one directory: report.json, report.html and its interval log.</summary>
public static class ReportFiles
{
    public const string JsonName = "report.json";
    public const string HtmlName = "report.html";
    public const string RunLogName = "latency.hlog";
    public const string MergedLogName = "merged.hlog";

    public static async Task<ReportPaths> WriteAsync(string directory, LoadResult result, ThresholdVerdict verdict, Shard shard, string logName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(directory);
        var paths = new ReportPaths(Path.Combine(directory, JsonName), Path.Combine(directory, HtmlName), Path.Combine(directory, logName));
        var report = LoadReport.From(result, verdict);
        await LoadReportJson.WriteAsync(report, paths.Json, ct);
        await LoadReportHtml.WriteAsync(report, paths.Html, ct);
        var temp = paths.Log + ".tmp";
        await using (var stream = File.Create(temp))
            RunLog.Write(stream, result, shard);
        File.Move(temp, paths.Log, overwrite: true);
        return paths;
    }
}
