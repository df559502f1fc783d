using LoadDriver.Histograms;
using LoadDriver.Models;
using LoadDriver.Reports;
using LoadDriver.Running;
using LoadDriver.Targets;
using LoadDriver.Thresholds;

namespace Simulator.Load.Population;

/// <summary>
/// All streams of a load as one: histograms merged exactly (same shape everywhere), counts added, and per-second
/// intervals added second by second (each stream counts seconds from its own start; the streams start within
/// milliseconds of each other).
/// </summary>
internal static class CombinedResult
{
    public static LoadResult Of(IReadOnlyList<LoadResult> streams, TimeSpan realSpan)
    {
        var errors = new Dictionary<ErrorKind, long>();
        foreach (var (kind, count) in streams.SelectMany(s => s.ErrorsByKind))
            errors[kind] = errors.GetValueOrDefault(kind) + count;
        var offered = streams.Sum(s => s.Model is ConstantRate c ? c.PerSecond : 0);
        return new LoadResult(
            new ConstantRate(offered, realSpan, Math.Max(1, streams.Sum(s => s.Model.MaxRequests))),
            streams[0].Target,
            streams.Min(s => s.StartedAt),
            streams.Max(s => s.Elapsed),
            streams.Sum(s => s.Requests),
            errors,
            HistogramMerge.Sum(streams.Select(s => s.Corrected)),
            HistogramMerge.Sum(streams.Select(s => s.Raw)),
            []);
    }

    public static LoadReport Report(IReadOnlyList<LoadResult> streams, LoadResult combined, ThresholdVerdict verdict, IEnumerable<string> names) =>
        LoadReport.From(combined, verdict) with
        {
            Model = "combined: " + string.Join(" + ", names.Zip(streams, (n, s) => $"{n} ({s.Model.Describe()})")),
            Target = "all streams",
            Intervals = Intervals(streams),
        };

    private static List<IntervalReport> Intervals(IReadOnlyList<LoadResult> streams)
    {
        var seconds = streams.Max(s => s.Intervals.Count);
        var list = new List<IntervalReport>(seconds);
        for (var second = 0; second < seconds; second++)
        {
            var parts = streams.Where(s => second < s.Intervals.Count).Select(s => s.Intervals[second]).ToList();
            var latency = HistogramMerge.Sum(parts.Select(p => p.Latency));
            var byKind = parts.SelectMany(p => p.ErrorsByKind).GroupBy(kv => kv.Key)
                .OrderBy(g => g.Key).ToDictionary(g => Outcome.Label(g.Key), g => g.Sum(kv => kv.Value));
            list.Add(new IntervalReport(second, parts.Sum(p => p.Requests), parts.Sum(p => p.Errors), byKind,
                LatencyHistograms.PercentileMs(latency, 50), LatencyHistograms.PercentileMs(latency, 95), LatencyHistograms.PercentileMs(latency, 99)));
        }
        return list;
    }
}
