namespace Scenarios.Model;

public enum SloOperator { LessOrEqual, Less, Equal, GreaterOrEqual, Greater }

/// <summary>
/// One service-level objective, e.g. <c>missed.urgent-low == 0</c> or <c>no-data-notice &lt;= 25m</c>.
/// Durations are held in seconds (<see cref="IsDuration"/>), counts and ratios as plain numbers.
/// </summary>
public sealed record SloSpec
{
    public required string Metric { get; init; }
    public required SloOperator Operator { get; init; }
    public required double Threshold { get; init; }
    public bool IsDuration { get; init; }
    /// <summary>The expression as written in the file.</summary>
    public required string Text { get; init; }
}

/// <summary>How deliveries are judged against the alerts a perfect system would have sent.</summary>
public sealed record ScoringSpec
{
    /// <summary>A delivery within this of its due time is on time.</summary>
    public TimeSpan OnTime { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>A delivery later than this is too late to help: the alert counts as missed.</summary>
    public TimeSpan MissedAfter { get; init; } = TimeSpan.FromMinutes(30);
    /// <summary>Data older than this, shown with no notice, counts as stale exposure.</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromMinutes(15);
    /// <summary>Window for the alert-burst metric (max alerts one follower got within it).</summary>
    public TimeSpan BurstWindow { get; init; } = TimeSpan.FromMinutes(5);
}
