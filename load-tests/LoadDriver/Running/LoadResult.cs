using HdrHistogram;
using LoadDriver.Models;
using LoadDriver.Targets;

namespace LoadDriver.Running;

/// <summary>Everything one run measured. Histograms are in microseconds.</summary>
public sealed record LoadResult(
    LoadModel Model,
    Uri Target,
    DateTimeOffset StartedAt,
    TimeSpan Elapsed,
    long Requests,
    IReadOnlyDictionary<ErrorKind, long> ErrorsByKind,
    LongHistogram Corrected,
    LongHistogram Raw,
    IReadOnlyList<IntervalStats> Intervals)
{
    public long Errors => ErrorsByKind.Values.Sum();

    /// <summary>Errors as a percentage of completed requests; 0 when nothing completed.</summary>
    public double ErrorPercent => Requests == 0 ? 0 : 100.0 * Errors / Requests;
}
