using HdrHistogram;
using LoadDriver.Targets;

namespace LoadDriver.Running;

/// <summary>
/// What completed during one second of the run (counted by completion time, so an outage shows up in the second it
/// was felt). <see cref="Latency"/> holds the corrected latencies of that second.
/// </summary>
public sealed class IntervalStats(int second)
{
    private readonly Dictionary<ErrorKind, LongHistogram> _errorLatency = [];

    public int Second { get; } = second;
    public long Requests { get; internal set; }
    public long Errors { get; internal set; }
    public Dictionary<ErrorKind, long> ErrorsByKind { get; } = [];
    public LongHistogram Latency { get; } = Histograms.LatencyHistograms.Create();

    /// <summary>
    /// The corrected latencies of this second's failed requests, one histogram per kind. Their counts are the errors
    /// by kind, which is how an interval log carries errors: a separate process can merge them back exactly.
    /// </summary>
    public IReadOnlyDictionary<ErrorKind, LongHistogram> ErrorLatency => _errorLatency;

    /// <summary>The histogram of <paramref name="kind"/>'s errors, made on first use (most seconds have none).</summary>
    internal LongHistogram ErrorLatencyOf(ErrorKind kind)
    {
        if (!_errorLatency.TryGetValue(kind, out var histogram))
            _errorLatency[kind] = histogram = Histograms.LatencyHistograms.Create();
        return histogram;
    }
}
