namespace Simulator.Glucose.Replay;

/// <summary>
/// A recorded CGM trace, sorted by time. Readings at the same instant (the same UTC tick) are duplicates: the one
/// from the earliest line of the file wins (lowest <see cref="RecordedReading.SourceLine"/>), because exports and
/// uploads repeat a reading rather than correct it, and "first seen" is a rule anyone can check by eye.
/// </summary>
public sealed class RecordedTrace
{
    private static readonly IReadOnlyDictionary<string, int> NothingSkipped = new SortedDictionary<string, int>(StringComparer.Ordinal);

    public RecordedTrace(string source, IReadOnlyList<RecordedReading> readings)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(readings);
        Source = source;
        // Stable order: by instant, then by line, so the earliest line is first among equals.
        var sorted = readings.OrderBy(r => r.At.UtcTicks).ThenBy(r => r.SourceLine).ToList();
        var kept = new List<RecordedReading>(sorted.Count);
        foreach (var r in sorted)
        {
            if (kept.Count > 0 && kept[^1].At.UtcTicks == r.At.UtcTicks)
                continue;
            kept.Add(r);
        }
        Readings = kept;
        DuplicatesRemoved = sorted.Count - kept.Count;
    }

    /// <summary>Where the trace came from (usually the file name), used in messages and reports.</summary>
    public string Source { get; }

    public IReadOnlyList<RecordedReading> Readings { get; }

    /// <summary>How many readings were dropped because an earlier line had the same instant.</summary>
    public int DuplicatesRemoved { get; init; }

    /// <summary>
    /// Rows or entries the importer passed over on purpose, by kind (Clarity event type such as "Insulin", Nightscout
    /// entry type such as "mbg"), so a report can say what the file held besides glucose readings.
    /// </summary>
    public IReadOnlyDictionary<string, int> Skipped { get; init; } = NothingSkipped;

    public DateTimeOffset? First => Readings.Count == 0 ? null : Readings[0].At;
    public DateTimeOffset? Last => Readings.Count == 0 ? null : Readings[^1].At;

    /// <summary>
    /// The same trace moved in time so its first reading falls at <paramref name="start"/>. Each reading keeps its
    /// exact distance (in ticks) from the first, so every interval and gap is preserved; all readings take
    /// <paramref name="start"/>'s offset.
    /// </summary>
    public RecordedTrace ShiftTo(DateTimeOffset start)
    {
        if (Readings.Count == 0)
            return this;
        var origin = Readings[0].At;
        var moved = Readings.Select(r => r with { At = start + (r.At - origin) }).ToList();
        return new RecordedTrace(Source, moved) { Skipped = Skipped, DuplicatesRemoved = DuplicatesRemoved };
    }

    /// <summary>Readings with <paramref name="start"/> ≤ time &lt; <paramref name="end"/> (half-open, like a run's duration).</summary>
    public RecordedTrace Window(DateTimeOffset start, DateTimeOffset end)
    {
        if (end < start)
            throw new ArgumentException($"The window ends ({end:O}) before it starts ({start:O}).", nameof(end));
        var inside = Readings.Where(r => r.At >= start && r.At < end).ToList();
        return new RecordedTrace(Source, inside) { Skipped = Skipped, DuplicatesRemoved = DuplicatesRemoved };
    }

    /// <summary>
    /// Every pause between consecutive readings longer than 1.5 × <paramref name="expectedInterval"/>: the
    /// factor tolerates the jitter of real 5-minute sensors (readings at 4:58 or 5:03) without hiding one missed
    /// reading (a 10-minute pause).
    /// </summary>
    public IReadOnlyList<TraceGap> Gaps(TimeSpan expectedInterval)
    {
        if (expectedInterval <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(expectedInterval), expectedInterval, "The expected interval must be positive.");
        var limit = expectedInterval * 1.5;
        var gaps = new List<TraceGap>();
        for (var i = 1; i < Readings.Count; i++)
        {
            if (Readings[i].At - Readings[i - 1].At > limit)
                gaps.Add(new TraceGap(Readings[i - 1].At, Readings[i].At));
        }
        return gaps;
    }

    /// <summary>The readings as the simulator's <see cref="Reading"/> for one patient.</summary>
    public IReadOnlyList<Reading> ToReadings(string patient) => Readings.Select(r => r.ToReading(patient)).ToList();
}
