namespace Scenarios.Model;

/// <summary>
/// Names an SLO may use. Counts: <c>missed</c>, <c>missed.TYPE</c>, <c>delivered.TYPE</c>, <c>late.TYPE</c>,
/// <c>duplicate.TYPE</c>, <c>false.TYPE</c>, <c>too-late.TYPE</c>, <c>alert-burst</c>, <c>readings-never-delivered</c>.
/// Durations: <c>latency.p50|p95|max</c>, <c>TYPE.latency.p50|p95|max</c>, <c>no-data-notice</c>, <c>stale-exposure</c>.
/// </summary>
public static class SloMetrics
{
    public static readonly IReadOnlyList<string> CountPrefixes = ["missed", "delivered", "late", "duplicate", "false", "too-late"];
    public static readonly IReadOnlyList<string> LatencyStats = ["p50", "p95", "max"];

    public static IReadOnlyList<string> All { get; } = Build();

    public static bool IsKnown(string metric) => All.Contains(metric, StringComparer.Ordinal);

    public static bool IsDuration(string metric) =>
        metric.Contains("latency.", StringComparison.Ordinal) || metric is "no-data-notice" or "stale-exposure";

    private static List<string> Build()
    {
        var names = new List<string> { "missed", "alert-burst", "readings-never-delivered", "no-data-notice", "stale-exposure" };
        foreach (var prefix in CountPrefixes)
            names.AddRange(AlertTypes.All.Select(t => $"{prefix}.{t}"));
        foreach (var stat in LatencyStats)
        {
            names.Add($"latency.{stat}");
            names.AddRange(AlertTypes.All.Select(t => $"{t}.latency.{stat}"));
        }
        return names;
    }
}
