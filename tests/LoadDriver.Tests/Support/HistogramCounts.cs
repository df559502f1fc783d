using HdrHistogram;

namespace LoadDriver.Tests.Support;

public static class HistogramCounts
{
    /// <summary>How many recorded values are at or above <paramref name="ms"/> milliseconds.</summary>
    public static long AtLeastMs(HistogramBase h, double ms) =>
        h.RecordedValues().Where(v => v.ValueIteratedTo >= ms * 1000).Sum(v => v.CountAtValueIteratedTo);

    /// <summary>Every (value, count) pair, for exact comparison of two histograms.</summary>
    public static List<(long Value, long Count)> Pairs(HistogramBase h) =>
        [.. h.RecordedValues().Select(v => (v.ValueIteratedTo, v.CountAtValueIteratedTo))];
}
