using HdrHistogram;

namespace LoadDriver.Histograms;

/// <summary>
/// Exact merging: HdrHistogram adds bucket counts, so shards recorded apart (per second, per process, per machine)
/// merge into the histogram a single recorder would have produced.
/// </summary>
public static class HistogramMerge
{
    /// <summary>Adds every count of <paramref name="source"/> into <paramref name="target"/> and widens its time span.</summary>
    public static void Add(HistogramBase target, HistogramBase source)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(source);
        if (source.TotalCount > 0 && source.GetMaxValue() > target.HighestTrackableValue)
            throw new ArgumentException(
                $"The source holds {source.GetMaxValue()}, beyond the target's highest trackable value {target.HighestTrackableValue}.",
                nameof(source));
        target.Add(source);
        // Time stamps say which wall-clock span the counts cover; 0 means "not set" in HdrHistogram.
        if (source.StartTimeStamp != 0 && (target.StartTimeStamp == 0 || source.StartTimeStamp < target.StartTimeStamp))
            target.StartTimeStamp = source.StartTimeStamp;
        if (source.EndTimeStamp > target.EndTimeStamp)
            target.EndTimeStamp = source.EndTimeStamp;
    }

    /// <summary>A new driver-shaped histogram holding the sum of all <paramref name="sources"/>.</summary>
    public static LongHistogram Sum(IEnumerable<HistogramBase> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var total = LatencyHistograms.Create();
        foreach (var source in sources) Add(total, source);
        return total;
    }
}
