using HdrHistogram;

namespace LoadDriver.Histograms;

/// <summary>
/// One shape for every latency histogram the driver makes, so any two of them can be merged exactly: microseconds,
/// 1 us to 10 min, 3 significant digits.
/// </summary>
public static class LatencyHistograms
{
    public const long HighestMicroseconds = 10L * 60 * 1_000_000;
    public const int SignificantDigits = 3;

    public static LongHistogram Create() => new(1, HighestMicroseconds, SignificantDigits);

    /// <summary>
    /// Records one latency. A value beyond the range is clamped to the top rather than thrown away: a ten-minute
    /// answer is already a failure, and dropping it would flatter the run.
    /// </summary>
    public static void Record(HistogramBase histogram, TimeSpan latency)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var micros = Math.Clamp((long)latency.TotalMicroseconds, 1, HighestMicroseconds);
        histogram.RecordValue(micros);
    }

    /// <summary>The value at a percentile, in milliseconds; 0 for an empty histogram.</summary>
    public static double PercentileMs(HistogramBase histogram, double percentile)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        return histogram.TotalCount == 0 ? 0 : histogram.GetValueAtPercentile(percentile) / 1000.0;
    }

    public static double MaxMs(HistogramBase histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        return histogram.TotalCount == 0 ? 0 : histogram.GetMaxValue() / 1000.0;
    }

    public static double MeanMs(HistogramBase histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        return histogram.TotalCount == 0 ? 0 : histogram.GetMean() / 1000.0;
    }
}
