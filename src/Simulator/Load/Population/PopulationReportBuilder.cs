using LoadDriver.Reports;
using LoadDriver.Running;
using LoadDriver.Thresholds;
using Scenarios.Model;

namespace Simulator.Load.Population;

/// <summary>Puts a finished load's results, thresholds and journal check into the report (no I/O).</summary>
internal static class PopulationReportBuilder
{
    public static PopulationReport Build(PopulationLoad load, IReadOnlyDictionary<string, string> targets, IReadOnlyDictionary<string, LoadResult> streams,
        IReadOnlyList<StreamThreshold> thresholds, JournalCheck check, TimeSpan buildTime, IReadOnlyDictionary<string, long> logins)
    {
        var o = load.Options;
        var results = streams.Values.ToList();
        var combined = CombinedResult.Of(results, o.RealSpan);
        ThresholdVerdict VerdictOf(string stream, LoadResult result) =>
            new([.. thresholds.Where(t => t.Stream == stream).Select(t => t.Evaluate(result))]);

        var streamReports = streams.ToDictionary(kv => kv.Key, kv => LoadReport.From(kv.Value, VerdictOf(kv.Key, kv.Value)), StringComparer.Ordinal);
        var combinedReport = CombinedResult.Report(results, combined, VerdictOf(PopulationStreams.Combined, combined), streams.Keys);
        var all = streamReports.Values.SelectMany(r => r.Thresholds).Concat(combinedReport.Thresholds).ToList();
        var passed = all.All(t => t.Passed) && check.Passed;
        return new PopulationReport
        {
            Seed = o.Seed,
            Shard = o.Shard.ToString(),
            Population = new PopulationSummary(
                load.Patients.Count, load.Followers.Count, load.FollowedPatients, o.VirtualStart,
                PopulationLoadOptions.Span(o.VirtualSpan), PopulationLoadOptions.Span(o.RealSpan), o.Compression,
                [.. o.Uploads.Select(u => u == VendorIds.DexcomShare ? "share" : "nightscout")],
                PopulationLoadOptions.ReadingInterval.TotalMinutes, o.PollInterval.TotalMinutes, o.Pushes.ToString(),
                PopulationLoad.GlucoseSource, Math.Round(buildTime.TotalSeconds, 3),
                streams.ToDictionary(kv => kv.Key, kv => Math.Round(((LoadDriver.Models.ConstantRate)kv.Value.Model).PerSecond, 3), StringComparer.Ordinal)),
            Targets = targets,
            Streams = streamReports,
            Combined = combinedReport,
            Logins = logins,
            JournalCheck = check,
            Thresholds = all,
            Passed = passed,
            ExitCode = passed ? ThresholdVerdict.ExitPassed : ThresholdVerdict.ExitThresholdsFailed,
        };
    }
}
