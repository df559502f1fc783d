using System.Globalization;
using Scenarios.Model;

namespace Simulator.Scoring;

/// <summary>One SLO judged: the measured value (seconds for durations; null when it could not be measured).</summary>
public sealed record SloVerdict(string Expression, string Metric, double? Value, string Measured, bool Met);

/// <summary>Looks each SLO's metric up in the scorecard and compares. An alert never delivered counts as infinitely late.</summary>
public static class SloEvaluator
{
    public static IReadOnlyList<SloVerdict> Evaluate(IEnumerable<SloSpec> slos, Scorecard card) =>
        [.. slos.Select(slo =>
        {
            var (value, measured) = Measure(slo.Metric, card);
            var met = value is { } v && slo.Operator switch
            {
                SloOperator.LessOrEqual => v <= slo.Threshold,
                SloOperator.Less => v < slo.Threshold,
                SloOperator.Equal => v == slo.Threshold,
                SloOperator.GreaterOrEqual => v >= slo.Threshold,
                SloOperator.Greater => v > slo.Threshold,
                _ => false,
            };
            return new SloVerdict(slo.Text, slo.Metric, value is { } x && double.IsFinite(x) ? x : null, measured, met);
        })];

    public static (double? Value, string Measured) Measure(string metric, Scorecard card)
    {
        var parts = metric.Split('.');
        switch (metric)
        {
            case "missed": return Count(card.Total.Missed);
            case "alert-burst": return (card.AlertBurst.Max, $"{card.AlertBurst.Max} in {card.AlertBurst.WindowMinutes:0} min");
            case "readings-never-delivered": return Count(card.Readings.NeverVisibleToFollowers);
            case "stale-exposure": return (card.StaleExposure.FollowerMinutes * 60, $"{card.StaleExposure.FollowerMinutes:0.#} follower-min");
            case "no-data-notice":
                if (card.NoData.Gaps.Count == 0) return (0, "no gaps");
                return card.NoData.UntoldGaps > 0
                    ? (double.PositiveInfinity, $"never ({card.NoData.UntoldGaps} untold)")
                    : (card.NoData.WorstNoticeSeconds, Duration(card.NoData.WorstNoticeSeconds!.Value));
        }
        if (parts is [var prefix, var type] && card.Alerts.TryGetValue(type, out var score))
            return Count(prefix switch
            {
                "missed" => score.Missed, "delivered" => score.Delivered, "late" => score.Late,
                "duplicate" => score.Duplicate, "false" => score.False, "too-late" => score.TooLate,
                _ => throw new ArgumentException($"Unknown metric '{metric}'."),
            });
        var (latencyScore, stat) = parts switch
        {
            ["latency", var s] => (card.Total, s),
            [var t, "latency", var s] when card.Alerts.TryGetValue(t, out var typed) => (typed, s),
            _ => throw new ArgumentException($"Unknown metric '{metric}'."),
        };
        var value = stat switch { "p50" => latencyScore.Latency.P50Seconds, "p95" => latencyScore.Latency.P95Seconds, _ => latencyScore.Latency.MaxSeconds };
        if (value is null)
            return latencyScore.Expected == 0 ? (0, "nothing expected") : (double.PositiveInfinity, "nothing delivered");
        return (value, Duration(value.Value));
    }

    public static string Duration(double seconds)
    {
        var span = TimeSpan.FromSeconds(Math.Abs(seconds));
        var sign = seconds < 0 ? "-" : "";
        return span.TotalHours >= 1 ? $"{sign}{(int)span.TotalHours}h{span.Minutes:00}m"
             : span.TotalMinutes >= 1 ? $"{sign}{(int)span.TotalMinutes}m{span.Seconds:00}s"
             : $"{sign}{span.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)}s";
    }

    private static (double?, string) Count(int n) => (n, n.ToString(CultureInfo.InvariantCulture));
}
