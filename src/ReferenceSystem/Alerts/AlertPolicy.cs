namespace ReferenceSystem.Alerts;

internal enum AlertKind
{
    UrgentLow,
    Low,
    High,
    NoData,
}

internal static class AlertKinds
{
    /// <summary>The alerts a single reading can raise, in the order they are pushed.</summary>
    public static readonly IReadOnlyList<AlertKind> GlucoseAlerts = [AlertKind.UrgentLow, AlertKind.Low, AlertKind.High];

    /// <summary>The value of the push's <c>data.alert</c>.</summary>
    public static string WireName(this AlertKind kind) => kind switch
    {
        AlertKind.UrgentLow => "urgent-low",
        AlertKind.Low => "low",
        AlertKind.High => "high",
        AlertKind.NoData => "no-data",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The push's <c>notification.title</c>.</summary>
    public static string Title(this AlertKind kind) => kind switch
    {
        AlertKind.UrgentLow => "Urgent Low",
        AlertKind.Low => "Low",
        AlertKind.High => "High",
        AlertKind.NoData => "No Data",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>
/// Follower alert thresholds. Urgent-low when mg/dL ≤ <see cref="UrgentLowMgdl"/>, low when ≤ <see cref="LowMgdl"/>
/// (both can be active for one reading), high when ≥ <see cref="HighMgdl"/>; no-data after <see cref="NoDataMinutes"/>
/// without a new primary reading (resilient profile only).
/// </summary>
internal sealed record AlertPolicy(int UrgentLowMgdl, int LowMgdl, int HighMgdl, int NoDataMinutes)
{
    public static readonly AlertPolicy Default = new(55, 70, 250, 20);

    public TimeSpan NoDataAfter => TimeSpan.FromMinutes(NoDataMinutes);

    public bool IsActive(AlertKind kind, int mgdl) => kind switch
    {
        AlertKind.UrgentLow => mgdl <= UrgentLowMgdl,
        AlertKind.Low => mgdl <= LowMgdl,
        AlertKind.High => mgdl >= HighMgdl,
        _ => false,
    };

    public IEnumerable<AlertKind> ActiveFor(int mgdl) => AlertKinds.GlucoseAlerts.Where(kind => IsActive(kind, mgdl));
}
