using HdrHistogram;

namespace LoadDriver.Histograms;

/// <summary>
/// HdrHistogram interval logs (the format HdrHistogram's own tools read): one compressed histogram per interval, so
/// shards written by separate runs can be read back and merged exactly.
/// </summary>
public static class IntervalLog
{
    /// <summary>Writes the intervals, each carrying its own start/end time stamps (unix milliseconds).</summary>
    public static void Write(Stream stream, DateTimeOffset startTime, IEnumerable<HistogramBase> intervals)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(intervals);
        // The writer owns nothing it should close: the caller's stream stays open.
        var writer = new HistogramLogWriter(stream);
        writer.Write(startTime.UtcDateTime, [.. intervals]);
    }

    public static IReadOnlyList<HistogramBase> Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var reader = new HistogramLogReader(stream);
        return [.. reader.ReadHistograms()];
    }
}
