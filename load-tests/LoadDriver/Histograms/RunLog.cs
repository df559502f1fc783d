using System.Text.Json;
using HdrHistogram;
using LoadDriver.Models;
using LoadDriver.Running;
using LoadDriver.Sharding;
using LoadDriver.Targets;

namespace LoadDriver.Histograms;

/// <summary>
/// One run as an HdrHistogram interval log that holds everything a report needs, so shards run in separate processes
/// (or pods) can be merged exactly. Per second of the run: an untagged histogram of every corrected latency and one
/// <c>Tag=errors-KIND</c> histogram per error kind (its count is that second's errors of the kind); for the whole run:
/// one <c>Tag=raw</c> histogram of service times. A <c>#loaddriver {json}</c> comment says what was run; other
/// HdrHistogram tools skip it and read the rest as usual. Values are microseconds.
/// </summary>
public static class RunLog
{
    public const string RawTag = "raw";
    public const string ErrorTagPrefix = "errors-";
    private const string InfoPrefix = "loaddriver ";

    /// <summary>What the log's comment records about the run; the rest comes from its histograms.</summary>
    public sealed record Info(string Model, string Target, string Shard, DateTimeOffset StartedAt, double ElapsedSeconds);

    public static void Write(Stream stream, LoadResult result, Shard shard)
    {
        ArgumentNullException.ThrowIfNull(result);
        var info = new Info(result.Model.Describe(), result.Target.ToString(), shard.ToString(), result.StartedAt, result.Elapsed.TotalSeconds);
        var json = JsonSerializer.Serialize(info, JsonSerializerOptions.Web);
        IntervalLog.Write(stream, result.StartedAt, Histograms(result), [InfoPrefix + json]);
    }

    /// <summary>Reads a log back into a result (its model a <see cref="RecordedModel"/>).</summary>
    /// <exception cref="InvalidDataException">The log is malformed or holds no run of this driver.</exception>
    public static LoadResult Read(Stream stream)
    {
        var log = IntervalLog.ReadLog(stream);
        var infoLine = log.Comments.FirstOrDefault(c => c.StartsWith(InfoPrefix, StringComparison.Ordinal));
        Info? info;
        try
        {
            info = infoLine is null ? null : JsonSerializer.Deserialize<Info>(infoLine[InfoPrefix.Length..], JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            throw new InvalidDataException("its #loaddriver comment is not the JSON this driver writes");
        }
        var startedAt = info?.StartedAt ?? log.StartTime;
        var startMs = startedAt.ToUnixTimeMilliseconds();
        var intervals = new SortedDictionary<int, IntervalStats>();
        IntervalStats At(HistogramBase h)
        {
            var second = (int)Math.Max(0, Math.Round((h.StartTimeStamp - startMs) / 1000.0));
            if (!intervals.TryGetValue(second, out var interval)) intervals[second] = interval = new IntervalStats(second);
            return interval;
        }
        var raw = LatencyHistograms.Create();
        foreach (var h in log.Histograms)
        {
            if (string.IsNullOrEmpty(h.Tag))
            {
                var interval = At(h);
                HistogramMerge.Add(interval.Latency, h);
                interval.Requests += h.TotalCount;
            }
            else if (h.Tag == RawTag)
            {
                HistogramMerge.Add(raw, h);
            }
            else if (h.Tag.StartsWith(ErrorTagPrefix, StringComparison.Ordinal) && Outcome.KindOf(h.Tag[ErrorTagPrefix.Length..]) is { } kind)
            {
                var interval = At(h);
                HistogramMerge.Add(interval.ErrorLatencyOf(kind), h);
                interval.ErrorsByKind[kind] = interval.ErrorsByKind.GetValueOrDefault(kind) + h.TotalCount;
                interval.Errors += h.TotalCount;
            }
            // Other tags belong to other tools sharing the file; they are not this run's.
        }
        if (info is null && log.Histograms.Count == 0)
            throw new InvalidDataException("it holds no histograms");
        var elapsed = info is not null
            ? TimeSpan.FromSeconds(info.ElapsedSeconds)
            : TimeSpan.FromMilliseconds(log.Histograms.Max(h => h.EndTimeStamp) - startMs);
        var target = info is not null && Uri.TryCreate(info.Target, UriKind.Absolute, out var uri) ? uri : new Uri("http://127.0.0.1/");
        return RunMerge.Build(new RecordedModel(info?.Model ?? "read from an interval log", elapsed), target, startedAt, elapsed,
            [.. Contiguous(intervals)], raw);
    }

    private static IEnumerable<HistogramBase> Histograms(LoadResult result)
    {
        foreach (var interval in result.Intervals)
        {
            yield return interval.Latency;
            foreach (var (kind, errors) in interval.ErrorLatency.OrderBy(e => e.Key))
            {
                // A copy, so the result's own histograms keep no tag or time stamps of the log's making.
                var copy = errors.Copy();
                copy.Tag = ErrorTagPrefix + Outcome.Label(kind);
                copy.StartTimeStamp = interval.Latency.StartTimeStamp;
                copy.EndTimeStamp = interval.Latency.EndTimeStamp;
                yield return copy;
            }
        }
        // Copy() keeps counts only, so the run's span is set again: the raw histogram is one interval, the whole run.
        var raw = result.Raw.Copy();
        raw.Tag = RawTag;
        raw.StartTimeStamp = result.StartedAt.ToUnixTimeMilliseconds();
        raw.EndTimeStamp = raw.StartTimeStamp + (long)result.Elapsed.TotalMilliseconds;
        yield return raw;
    }

    /// <summary>Seconds with no completions are absent from a log but present (empty) in a result's series.</summary>
    internal static IEnumerable<IntervalStats> Contiguous(SortedDictionary<int, IntervalStats> bySecond)
    {
        var last = bySecond.Count == 0 ? -1 : bySecond.Keys.Max();
        for (var s = 0; s <= last; s++) yield return bySecond.TryGetValue(s, out var i) ? i : new IntervalStats(s);
    }
}
