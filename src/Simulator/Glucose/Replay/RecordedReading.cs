namespace Simulator.Glucose.Replay;

/// <summary>
/// One glucose value from a recorded trace, at the instant the device logged it. <see cref="SourceLine"/> is the
/// 1-based line in the file it came from, so a surprising value in a run can be traced back to the export.
/// </summary>
/// <param name="Limit">
/// Set when the device reported "Low" or "High" instead of a number: <see cref="Mgdl"/> then holds the range edge
/// (40 or 400 mg/dL, <see cref="Reading.MinReportable"/>/<see cref="Reading.MaxReportable"/>) and this flag keeps
/// the fact that the true value lay beyond it.
/// </param>
public sealed record RecordedReading(DateTimeOffset At, int Mgdl, Trend Trend, int SourceLine, ReadingLimit Limit = ReadingLimit.None)
{
    public Reading ToReading(string patient) => new(patient, At, Mgdl, Trend);
}

/// <summary>Whether a recorded value was a number or the sensor's out-of-range marker.</summary>
public enum ReadingLimit
{
    /// <summary>A number within the reportable range.</summary>
    None,
    /// <summary>Below the reportable range ("Low"; stored as 40 mg/dL).</summary>
    Low,
    /// <summary>Above the reportable range ("High"; stored as 400 mg/dL).</summary>
    High,
}
