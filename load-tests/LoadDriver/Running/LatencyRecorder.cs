using HdrHistogram;
using LoadDriver.Histograms;
using LoadDriver.Targets;

namespace LoadDriver.Running;

/// <summary>
/// Collects completions from many concurrent requests. One lock: a record is a few array increments, far cheaper
/// than the request it describes, so contention is not where a loopback run spends its time.
/// </summary>
internal sealed class LatencyRecorder
{
    private readonly Lock _gate = new();
    private readonly List<IntervalStats> _intervals = [];

    public LongHistogram Corrected { get; } = LatencyHistograms.Create();
    public LongHistogram Raw { get; } = LatencyHistograms.Create();
    public long Requests { get; private set; }
    public Dictionary<ErrorKind, long> ErrorsByKind { get; } = [];

    /// <param name="completedAt">Time from the start of the run to the answer; picks the one-second interval.</param>
    /// <param name="corrected">From the intended send time to the answer.</param>
    /// <param name="raw">From the actual send time to the answer (service time).</param>
    public void Record(TimeSpan completedAt, TimeSpan corrected, TimeSpan raw, Outcome outcome)
    {
        var second = (int)Math.Max(0, Math.Floor(completedAt.TotalSeconds));
        lock (_gate)
        {
            while (_intervals.Count <= second) _intervals.Add(new IntervalStats(_intervals.Count));
            var interval = _intervals[second];
            LatencyHistograms.Record(Corrected, corrected);
            LatencyHistograms.Record(Raw, raw);
            LatencyHistograms.Record(interval.Latency, corrected);
            Requests++;
            interval.Requests++;
            if (outcome.IsError)
            {
                interval.Errors++;
                Increment(ErrorsByKind, outcome.Error);
                Increment(interval.ErrorsByKind, outcome.Error);
                LatencyHistograms.Record(interval.ErrorLatencyOf(outcome.Error), corrected);
            }
        }
    }

    public IReadOnlyList<IntervalStats> Intervals()
    {
        lock (_gate) return [.. _intervals];
    }

    private static void Increment(Dictionary<ErrorKind, long> counts, ErrorKind kind) =>
        counts[kind] = counts.GetValueOrDefault(kind) + 1;
}
