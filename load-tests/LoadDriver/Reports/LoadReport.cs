using HdrHistogram;
using LoadDriver.Histograms;
using LoadDriver.Running;
using LoadDriver.Targets;
using LoadDriver.Thresholds;

namespace LoadDriver.Reports;

/// <summary>The JSON shape of one run: plain numbers only (milliseconds, percent), so any tool can read it.</summary>
public sealed record LoadReport(
    string Model,
    string Target,
    DateTimeOffset StartedAt,
    double ElapsedSeconds,
    LoadTotals Totals,
    LatencySummary Corrected,
    LatencySummary Raw,
    IReadOnlyList<IntervalReport> Intervals,
    IReadOnlyList<ThresholdResult> Thresholds,
    bool Passed,
    int ExitCode)
{
    public static LoadReport From(LoadResult result, ThresholdVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(verdict);
        return new LoadReport(
            result.Model.Describe(),
            result.Target.ToString(),
            result.StartedAt,
            result.Elapsed.TotalSeconds,
            new LoadTotals(result.Requests, result.Errors, result.ErrorPercent, Labelled(result.ErrorsByKind),
                result.Elapsed > TimeSpan.Zero ? result.Requests / result.Elapsed.TotalSeconds : 0),
            LatencySummary.Of(result.Corrected),
            LatencySummary.Of(result.Raw),
            [.. result.Intervals.Select(i => new IntervalReport(i.Second, i.Requests, i.Errors, Labelled(i.ErrorsByKind),
                LatencyHistograms.PercentileMs(i.Latency, 50), LatencyHistograms.PercentileMs(i.Latency, 95),
                LatencyHistograms.PercentileMs(i.Latency, 99)))],
            verdict.Results,
            verdict.Passed,
            verdict.ExitCode);
    }

    private static Dictionary<string, long> Labelled(IReadOnlyDictionary<ErrorKind, long> counts) =>
        counts.OrderBy(c => c.Key).ToDictionary(c => Outcome.Label(c.Key), c => c.Value);
}

public sealed record LoadTotals(long Requests, long Errors, double ErrorPercent, IReadOnlyDictionary<string, long> ErrorsByKind, double RequestsPerSecond);

/// <summary>One second of the run, by completion time; percentiles are corrected latencies in milliseconds.</summary>
public sealed record IntervalReport(int Second, long Requests, long Errors, IReadOnlyDictionary<string, long> ErrorsByKind, double P50Ms, double P95Ms, double P99Ms);

public sealed record LatencySummary(long Count, double P50Ms, double P90Ms, double P95Ms, double P99Ms, double P999Ms, double MaxMs, double MeanMs)
{
    public static LatencySummary Of(HistogramBase h) => new(
        h.TotalCount,
        LatencyHistograms.PercentileMs(h, 50), LatencyHistograms.PercentileMs(h, 90), LatencyHistograms.PercentileMs(h, 95),
        LatencyHistograms.PercentileMs(h, 99), LatencyHistograms.PercentileMs(h, 99.9),
        LatencyHistograms.MaxMs(h), LatencyHistograms.MeanMs(h));
}
