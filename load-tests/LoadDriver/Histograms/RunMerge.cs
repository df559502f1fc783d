using LoadDriver.Models;
using LoadDriver.Running;
using LoadDriver.Targets;

namespace LoadDriver.Histograms;

/// <summary>
/// Adds shards' results into the result one process doing the whole load would have produced: every count is a sum
/// (requests, errors by kind, histogram buckets), second k of each shard lands in second k of the whole, since shards
/// share one schedule measured from their own start. Time runs in parallel, so the elapsed time is the longest shard's.
/// </summary>
public static class RunMerge
{
    public static LoadResult Merge(IReadOnlyList<LoadResult> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        if (shards.Count == 0) throw new ArgumentException("Nothing to merge.", nameof(shards));
        var intervals = new SortedDictionary<int, IntervalStats>();
        foreach (var interval in shards.SelectMany(s => s.Intervals))
        {
            if (!intervals.TryGetValue(interval.Second, out var into)) intervals[interval.Second] = into = new IntervalStats(interval.Second);
            HistogramMerge.Add(into.Latency, interval.Latency);
            into.Requests += interval.Requests;
            into.Errors += interval.Errors;
            foreach (var (kind, count) in interval.ErrorsByKind) into.ErrorsByKind[kind] = into.ErrorsByKind.GetValueOrDefault(kind) + count;
            foreach (var (kind, h) in interval.ErrorLatency) HistogramMerge.Add(into.ErrorLatencyOf(kind), h);
        }
        var descriptions = shards.Select(s => s.Model.Describe()).Distinct().ToList();
        var elapsed = shards.Max(s => s.Elapsed);
        var model = new RecordedModel($"{string.Join("; ", descriptions)} ({shards.Count} {(shards.Count == 1 ? "log" : "logs")} merged)", elapsed);
        return Build(model, shards[0].Target, shards.Min(s => s.StartedAt), elapsed,
            [.. RunLog.Contiguous(intervals)], HistogramMerge.Sum(shards.Select(s => s.Raw)));
    }

    /// <summary>A result whose totals and whole-run corrected histogram are the sums of its per-second intervals.</summary>
    internal static LoadResult Build(LoadModel model, Uri target, DateTimeOffset startedAt, TimeSpan elapsed, IReadOnlyList<IntervalStats> intervals, HdrHistogram.LongHistogram raw)
    {
        var startMs = startedAt.ToUnixTimeMilliseconds();
        foreach (var interval in intervals)
        {
            interval.Latency.StartTimeStamp = startMs + interval.Second * 1000L;
            interval.Latency.EndTimeStamp = startMs + (interval.Second + 1) * 1000L;
        }
        var corrected = HistogramMerge.Sum(intervals.Select(i => i.Latency));
        corrected.StartTimeStamp = raw.StartTimeStamp = startMs;
        corrected.EndTimeStamp = raw.EndTimeStamp = startMs + (long)elapsed.TotalMilliseconds;
        var errors = new Dictionary<ErrorKind, long>();
        foreach (var (kind, count) in intervals.SelectMany(i => i.ErrorsByKind)) errors[kind] = errors.GetValueOrDefault(kind) + count;
        return new LoadResult(model, target, startedAt, elapsed, intervals.Sum(i => i.Requests), errors, corrected, raw, intervals);
    }
}
