using Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace Scenarios.Loading;

/// <summary><c>sensor: { kind: g6, noise: true, compression-lows: true, dropouts: true, sensor-errors: false, lag: 8m, sessions: [0h] }</c></summary>
internal static class SensorParser
{
    public static readonly IReadOnlyList<string> Keys = ["kind", "noise", "compression-lows", "dropouts", "sensor-errors", "lag", "sessions"];
    public static readonly TimeSpan MaxLag = TimeSpan.FromMinutes(30);

    public static SensorSpec? Parse(YamlNode node, string path, ParseContext ctx)
    {
        var d = ctx.Diagnostics;
        var map = Yaml.Map(node, path, d, "{ kind: g6 }");
        if (map is null)
            return null;
        var before = d.Count;
        var m = new MapReader(map, path, d);
        m.CheckKeys(Keys);
        var kind = m.Text("kind", true, "kind: g6");
        if (kind is not null && !SensorSpec.Kinds.Contains(kind, StringComparer.Ordinal))
            m.Error("kind", Suggest.Unknown("sensor kind", kind, SensorSpec.Kinds, "known kinds"));
        var lag = m.Duration("lag", false, "");
        if (lag is { } l && (l < TimeSpan.Zero || l > MaxLag))
            m.Error("lag", $"a blood-to-interstitial lag of {HumanDuration.Format(l)} is outside 0m..30m; published lags are 5 to 15 minutes");
        var sessions = ParseSessions(m, ctx);
        var spec = new SensorSpec
        {
            Kind = kind ?? "g6",
            Noise = m.Bool("noise") ?? true,
            CompressionLows = m.Bool("compression-lows") ?? true,
            Dropouts = m.Bool("dropouts") ?? true,
            SensorErrors = m.Bool("sensor-errors") ?? false,
            Lag = lag,
            SessionStarts = sessions ?? [],
        };
        return d.Count == before ? spec : null;
    }

    private static List<TimeSpan>? ParseSessions(MapReader m, ParseContext ctx)
    {
        var node = m.Optional("sessions");
        if (node is null)
            return [];
        var field = m.Field("sessions");
        var list = Yaml.List(node, field, m.Diagnostics, "[0h, 10d]");
        if (list is null)
            return null;
        var starts = new List<TimeSpan>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var item = list.Children[i];
            var itemField = $"{field}[{i}]";
            if (Yaml.Time(item, itemField, m.Diagnostics) is not { } time || ctx.OffsetOf(time) is not { } offset)
                continue;
            if (offset < TimeSpan.Zero || (ctx.Duration is { } duration && offset > duration))
                m.Diagnostics.Add(item, itemField, $"a sensor session starting {HumanDuration.Format(offset.Duration())} {(offset < TimeSpan.Zero ? "before" : "after")} the start is outside {ctx.RunWindow()}; list session starts within the run");
            else
                starts.Add(offset);
        }
        return [.. starts.Order()];
    }
}
