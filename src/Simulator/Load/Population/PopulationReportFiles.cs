using System.Text.Json;
using LoadDriver.Histograms;
using LoadDriver.Reports;
using LoadDriver.Running;

namespace Simulator.Load.Population;

/// <summary>
/// Writes a load's files into one directory: <c>report.json</c> (everything), <c>report.html</c> (all streams
/// combined) and per stream <c>{stream}.html</c> and <c>{stream}.hlog</c>, the load driver's interval log that
/// <c>simulator load merge</c> adds up across shards. (<c>population.json</c> is written before the traffic, by the runner.)
/// </summary>
internal static class PopulationReportFiles
{
    public const string ReportName = "report.json", HtmlName = "report.html";

    public static async Task<IReadOnlyList<string>> WriteAsync(string directory, PopulationLoad load, PopulationReport report,
        IReadOnlyDictionary<string, LoadResult> streams, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var files = new List<string>();
        var json = Path.Combine(directory, ReportName);
        await WriteJsonAsync(json, report, ct);
        files.Add(json);
        var html = Path.Combine(directory, HtmlName);
        await LoadReportHtml.WriteAsync(report.Combined, html, ct);
        files.Add(html);
        foreach (var (name, result) in streams)
        {
            var streamHtml = Path.Combine(directory, name + ".html");
            await LoadReportHtml.WriteAsync(report.Streams[name], streamHtml, ct);
            var log = Path.Combine(directory, name + ".hlog");
            await using (var stream = File.Create(log))
                RunLog.Write(stream, result, load.Options.Shard);
            files.AddRange([streamHtml, log]);
        }
        return files;
    }

    /// <summary>Through a temporary file, so a report is never half-written.</summary>
    internal static async Task WriteJsonAsync<T>(string path, T value, CancellationToken ct)
    {
        var temp = path + ".tmp";
        await using (var stream = File.Create(temp))
            await JsonSerializer.SerializeAsync(stream, value, LoadReportJson.Options, ct);
        File.Move(temp, path, overwrite: true);
    }
}
