using System.Globalization;
using System.Text;
using HdrHistogram;
using HdrHistogram.Utilities;

namespace LoadDriver.Histograms;

/// <summary>What an interval log holds: its start time, its free-text comment lines and its histograms in order.</summary>
public sealed record IntervalLogContent(DateTimeOffset StartTime, IReadOnlyList<string> Comments, IReadOnlyList<HistogramBase> Histograms);

/// <summary>
/// HdrHistogram interval logs (format 1.3, ASCII, the format HdrHistogram's Java, C and Python tools read): one
/// compressed histogram per interval line, optionally tagged, with start times relative to a base time. Shards
/// written by separate runs can be read back and merged exactly. HdrHistogram.NET's own writer emits UTF-16, which
/// those tools cannot read, so the lines are written here; its encoder still does the histogram bytes.
/// </summary>
public static class IntervalLog
{
    private const string Header = "\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\",\"Interval_Compressed_Histogram\"";

    /// <summary>Writes the intervals, each carrying its own start/end time stamps (unix milliseconds).</summary>
    public static void Write(Stream stream, DateTimeOffset startTime, IEnumerable<HistogramBase> intervals) =>
        Write(stream, startTime, intervals, []);

    /// <param name="comments">Free text written as <c>#</c> lines, which every reader skips (no line breaks inside).</param>
    public static void Write(Stream stream, DateTimeOffset startTime, IEnumerable<HistogramBase> intervals, IEnumerable<string> comments)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(intervals);
        ArgumentNullException.ThrowIfNull(comments);
        var c = CultureInfo.InvariantCulture;
        // No BOM and "\n" endings: what the other HdrHistogram implementations write and expect.
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        var baseSeconds = startTime.ToUnixTimeMilliseconds() / 1000.0;
        writer.WriteLine("#[Histogram log format version 1.3]");
        writer.WriteLine(string.Create(c, $"#[StartTime: {baseSeconds:0.000} (seconds since epoch), {startTime.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}]"));
        writer.WriteLine(string.Create(c, $"#[BaseTime: {baseSeconds:0.000} (seconds since epoch)]"));
        foreach (var comment in comments)
        {
            if (comment.Contains('\n', StringComparison.Ordinal) || comment.Contains('\r', StringComparison.Ordinal))
                throw new ArgumentException("An interval-log comment must be one line.", nameof(comments));
            writer.WriteLine("#" + comment);
        }
        writer.WriteLine(Header);
        ByteBuffer? buffer = null;
        foreach (var h in intervals)
        {
            var needed = h.GetNeededByteBufferCapacity();
            if (buffer is null || buffer.Capacity() < needed) buffer = ByteBuffer.Allocate(needed);
            buffer.Position = 0;
            var length = HistogramEncoding.EncodeIntoCompressedByteBuffer(h, buffer);
            var bytes = new byte[length];
            buffer.Position = 0;
            for (var i = 0; i < length; i++) bytes[i] = buffer.Get();
            var start = (h.StartTimeStamp - startTime.ToUnixTimeMilliseconds()) / 1000.0;
            var span = Math.Max(0, h.EndTimeStamp - h.StartTimeStamp) / 1000.0;
            // The max column is informational (readers decode the histogram); values are microseconds, shown in ms.
            var max = h.TotalCount == 0 ? 0 : h.GetMaxValue() / 1000.0;
            var tag = string.IsNullOrEmpty(h.Tag) ? "" : $"Tag={h.Tag},";
            writer.WriteLine(string.Create(c, $"{tag}{start:0.000},{span:0.000},{max:0.000},{Convert.ToBase64String(bytes)}"));
        }
    }

    public static IReadOnlyList<HistogramBase> Read(Stream stream) => ReadLog(stream).Histograms;

    /// <summary>Reads a log written here or by any HdrHistogram tool (absolute or base-relative time stamps, tags).</summary>
    /// <exception cref="InvalidDataException">A line is neither a comment, the header nor an interval.</exception>
    public static IntervalLogContent ReadLog(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        // detectEncodingFromByteOrderMarks: older logs of this driver came from HdrHistogram.NET's UTF-16 writer.
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        double? startSeconds = null, baseSeconds = null;
        var comments = new List<string>();
        var histograms = new List<HistogramBase>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith("\"StartTimestamp\"", StringComparison.Ordinal)) continue;
            if (line.StartsWith("#[StartTime: ", StringComparison.Ordinal)) { startSeconds = LeadingNumber(line, 13, lineNumber); continue; }
            if (line.StartsWith("#[BaseTime: ", StringComparison.Ordinal)) { baseSeconds = LeadingNumber(line, 12, lineNumber); continue; }
            if (line.StartsWith('#')) { comments.Add(line[1..]); continue; }
            histograms.Add(ParseInterval(line, lineNumber, baseSeconds ?? startSeconds));
        }
        var start = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round((startSeconds ?? baseSeconds ?? 0) * 1000));
        return new IntervalLogContent(start, comments, histograms);
    }

    private static HistogramBase ParseInterval(string line, int lineNumber, double? baseSeconds)
    {
        string? tag = null;
        if (line.StartsWith("Tag=", StringComparison.Ordinal))
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0) throw Malformed(lineNumber, "a tag with no interval after it");
            tag = line[4..comma];
            line = line[(comma + 1)..];
        }
        var fields = line.Split(',');
        if (fields.Length != 4
            || !double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var start)
            || !double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var length))
            throw Malformed(lineNumber, "not an interval (start,length,max,histogram)");
        HistogramBase histogram;
        try
        {
            histogram = HistogramEncoding.DecodeFromCompressedByteBuffer(ByteBuffer.Allocate(Convert.FromBase64String(fields[3])), 0);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or IOException or IndexOutOfRangeException or NotSupportedException)
        {
            throw Malformed(lineNumber, "the histogram does not decode");
        }
        // HdrHistogram's rule: a start beyond ~year 2001 in seconds is absolute, anything smaller is relative to the base.
        var absolute = start > 1e9 || baseSeconds is null ? start : baseSeconds.Value + start;
        histogram.Tag = tag;
        histogram.StartTimeStamp = (long)Math.Round(absolute * 1000);
        histogram.EndTimeStamp = (long)Math.Round((absolute + length) * 1000);
        return histogram;
    }

    private static double LeadingNumber(string line, int from, int lineNumber)
    {
        var end = line.IndexOf(' ', from);
        var text = end < 0 ? line[from..].TrimEnd(']') : line[from..end];
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Malformed(lineNumber, "the time stamp is not a number");
    }

    private static InvalidDataException Malformed(int lineNumber, string what) =>
        new($"line {lineNumber}: {what}");
}
