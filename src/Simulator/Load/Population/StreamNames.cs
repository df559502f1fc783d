namespace Simulator.Load.Population;

/// <summary>The names of a population load's streams, as the report, the interval logs and thresholds use them.</summary>
public static class StreamNames
{
    public const string Uploads = "uploads";
    public const string Polls = "polls";
    public const string Pushes = "pushes";
    /// <summary>All streams together.</summary>
    public const string Combined = "combined";
}
