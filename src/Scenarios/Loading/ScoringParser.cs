using Scenarios.Model;

namespace Scenarios.Loading;

/// <summary><c>scoring: { onTime: 5m, missedAfter: 30m, staleAfter: 15m, burstWindow: 5m }</c>, every key optional.</summary>
internal static class ScoringParser
{
    public static readonly IReadOnlyList<string> Keys = ["onTime", "missedAfter", "staleAfter", "burstWindow"];

    public static ScoringSpec? Parse(MapReader root, ParseContext ctx)
    {
        var d = ctx.Diagnostics;
        var defaults = new ScoringSpec();
        var node = root.Optional("scoring");
        if (node is null)
            return defaults;
        var map = Yaml.Map(node, "scoring", d, "{ onTime: 5m, missedAfter: 30m }");
        if (map is null)
            return null;
        var m = new MapReader(map, "scoring", d);
        m.CheckKeys(Keys);
        var before = d.Count;
        var scoring = new ScoringSpec
        {
            OnTime = Positive(m, "onTime") ?? defaults.OnTime,
            MissedAfter = Positive(m, "missedAfter") ?? defaults.MissedAfter,
            StaleAfter = Positive(m, "staleAfter") ?? defaults.StaleAfter,
            BurstWindow = Positive(m, "burstWindow") ?? defaults.BurstWindow,
        };
        if (d.Count != before)
            return null;
        if (scoring.OnTime >= scoring.MissedAfter)
        {
            m.Error(m.Has("onTime") ? "onTime" : "missedAfter",
                $"onTime ({HumanDuration.Format(scoring.OnTime)}) must be shorter than missedAfter ({HumanDuration.Format(scoring.MissedAfter)}): a delivery cannot be both on time and too late");
            return null;
        }
        return scoring;
    }

    private static TimeSpan? Positive(MapReader m, string key)
    {
        var value = m.Duration(key, false, "");
        if (value is { } v && v <= TimeSpan.Zero)
        {
            m.Error(key, $"{key} must be longer than 0");
            return null;
        }
        return value;
    }
}
