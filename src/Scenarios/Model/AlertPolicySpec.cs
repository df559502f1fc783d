namespace Scenarios.Model;

/// <summary>
/// Thresholds a perfect follower system would alert on. Low alerts fire at or below their threshold,
/// high at or above (Dexcom's wording: "at or below 55 mg/dL").
/// </summary>
public sealed record AlertPolicySpec
{
    public string Name { get; init; } = "dexcom-default";
    public double UrgentLowMgdl { get; init; } = 55;
    public double LowMgdl { get; init; } = 70;
    public double HighMgdl { get; init; } = 250;
    /// <summary>How long the follower may go without a new reading before it must be told.</summary>
    public TimeSpan NoDataAfter { get; init; } = TimeSpan.FromMinutes(20);

    public static AlertPolicySpec DexcomDefault { get; } = new();
}
