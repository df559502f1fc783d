using HdrHistogram;
using LoadDriver.Targets;

namespace LoadDriver.Running;

/// <summary>
/// What completed during one second of the run (counted by completion time, so an outage shows up in the second it
/// was felt). <see cref="Latency"/> holds the corrected latencies of that second.
/// </summary>
public sealed class IntervalStats(int second)
{
    public int Second { get; } = second;
    public long Requests { get; internal set; }
    public long Errors { get; internal set; }
    public Dictionary<ErrorKind, long> ErrorsByKind { get; } = [];
    public LongHistogram Latency { get; } = Histograms.LatencyHistograms.Create();
}
