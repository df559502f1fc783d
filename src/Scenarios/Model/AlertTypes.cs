namespace Scenarios.Model;

/// <summary>Alert types the policy knows, as they appear in payloads, metrics and SLOs.</summary>
public static class AlertTypes
{
    public const string UrgentLow = "urgent-low";
    public const string Low = "low";
    public const string High = "high";
    public const string NoData = "no-data";

    public static readonly IReadOnlyList<string> All = [UrgentLow, Low, High, NoData];
    /// <summary>Alerts about a glucose value crossing a threshold (as opposed to data stopping).</summary>
    public static readonly IReadOnlyList<string> Threshold = [UrgentLow, Low, High];
}
