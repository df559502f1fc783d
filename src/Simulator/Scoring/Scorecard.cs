using System.Text.Json.Serialization;

namespace Simulator.Scoring;

/// <summary>
/// Everything a run measured about alert delivery. Serialized as the body of <c>report.json</c>; durations are
/// virtual seconds and instants are the virtual timeline's, so a report reads in scenario time.
/// </summary>
public sealed record Scorecard
{
    public required IReadOnlyDictionary<string, AlertTypeScore> Alerts { get; init; }
    public required AlertTypeScore Total { get; init; }
    public required NoDataScore NoData { get; init; }
    public required StaleExposureScore StaleExposure { get; init; }
    public required AlertBurstScore AlertBurst { get; init; }
    public required ReadingsScore Readings { get; init; }
    public required DeliveriesScore Deliveries { get; init; }
    public required IReadOnlyList<BacklogScore> Backlogs { get; init; }
    public required IReadOnlyList<ExpectedAlertRow> Expected { get; init; }
    /// <summary>Local alarms on the patients' phones (only when a receiver under test gets readings over BLE).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LocalAlarmsScore? LocalAlarms { get; init; }
}

/// <summary>Counts for one alert type (or all): expected alerts by outcome, and deliveries that matched nothing useful.</summary>
public sealed record AlertTypeScore
{
    public int Expected { get; init; }
    public int OnTime { get; init; }
    public int Late { get; init; }
    public int Missed { get; init; }
    /// <summary>Deliveries that came after the missed-after limit (their alerts count as missed).</summary>
    public int TooLate { get; init; }
    public int Duplicate { get; init; }
    public int False { get; init; }
    public int Delivered => OnTime + Late;
    public required LatencyStats Latency { get; init; }
}

/// <summary>Latency = delivered − due, over alerts delivered on time or late; null when there were none.</summary>
public sealed record LatencyStats(int Count, double? P50Seconds, double? P95Seconds, double? MaxSeconds);

public sealed record NoDataScore
{
    public required IReadOnlyList<NoDataGapRow> Gaps { get; init; }
    /// <summary>Longest time any follower waited, after the last reading, to be told data had stopped; null if a gap went untold.</summary>
    public double? WorstNoticeSeconds { get; init; }
    public int UntoldGaps { get; init; }
}

public sealed record NoDataGapRow(string Patient, string Follower, DateTimeOffset LastReadingAt, DateTimeOffset DueAt, DateTimeOffset DataBackAt,
    DateTimeOffset? ToldAt, double? NoticeAfterLastReadingSeconds);

/// <summary>Follower-minutes spent with data older than the stale limit on screen and no notice that data had stopped.</summary>
public sealed record StaleExposureScore(double FollowerMinutes, IReadOnlyDictionary<string, double> MinutesByFollower, double StaleAfterMinutes);

public sealed record AlertBurstScore(int Max, string? Follower, DateTimeOffset? At, double WindowMinutes);

public sealed record ReadingsScore(int Generated, int NeverVisibleToFollowers);

public sealed record DeliveriesScore(int Total, int Unreadable, IReadOnlyList<string> UnreadableReasons);

/// <summary>What a backlog did: how many readings it held back, and when the last one came out.</summary>
public sealed record BacklogScore(string Vendor, DateTimeOffset ReleasedFrom, int Withheld, DateTimeOffset? DrainedAt, double? DrainSeconds);

public sealed record ExpectedAlertRow(string Patient, string Follower, string AlertType, DateTimeOffset DueAt, int? Mgdl, string Outcome,
    DateTimeOffset? DeliveredAt, double? LatencySeconds);
