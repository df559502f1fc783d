using LoadDriver.Running;
using LoadDriver.Thresholds;
using Simulator.Runs;

namespace Simulator.Load.Population;

/// <summary>
/// A threshold on one stream (<c>uploads:p99 &lt;= 50ms</c>) or, without a prefix, on all streams combined
/// (<c>errors &lt; 1%</c>). The rule itself is the load driver's <see cref="Threshold"/>.
/// </summary>
public sealed record StreamThreshold(string Stream, Threshold Rule)
{
    public static readonly IReadOnlyList<string> Streams =
        [PopulationStreams.Uploads, PopulationStreams.Polls, PopulationStreams.Pushes, PopulationStreams.Combined];

    /// <exception cref="RunFailedException">Not a threshold, or names no stream.</exception>
    public static StreamThreshold Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var stream = colon < 0 ? PopulationStreams.Combined : text[..colon].Trim().ToLowerInvariant();
        if (!Streams.Contains(stream))
            throw new RunFailedException($"--threshold '{text}' names no stream; prefix a rule with one of {string.Join(", ", Streams)} (e.g. uploads:p99 <= 50ms), or leave the prefix off for all streams combined.");
        try { return new StreamThreshold(stream, Threshold.Parse(colon < 0 ? text : text[(colon + 1)..])); }
        catch (FormatException e) { throw new RunFailedException($"--threshold: {e.Message}"); }
    }

    public ThresholdResult Evaluate(LoadResult result)
    {
        var measured = Rule.Evaluate(result);
        return measured with { Expression = Stream == PopulationStreams.Combined ? Rule.Expression : $"{Stream}:{Rule.Expression}" };
    }
}
