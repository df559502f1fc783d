using System.Globalization;
using Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace Scenarios.Loading;

/// <summary>
/// <c>trace: { source: scripted, interval: 5m, points: { "0h": 140, "33h": 52 } }</c>; the <c>uva-padova</c> and
/// <c>replay</c> sources have their own parsers.
/// </summary>
internal static class TraceParser
{
    public static readonly IReadOnlyList<string> Sources = ["scripted", "uva-padova", "replay"];
    public static readonly IReadOnlyList<string> ScriptedKeys = ["source", "interval", "points"];

    public static readonly TimeSpan MinInterval = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxInterval = TimeSpan.FromMinutes(15);
    public const double MinMgdl = 20;
    public const double MaxMgdl = 600;

    public static TraceSpec? Parse(YamlNode node, string path, ParseContext ctx)
    {
        var d = ctx.Diagnostics;
        var map = Yaml.Map(node, path, d, "{ source: scripted, points: { 0h: 140, 2h: 60 } }");
        if (map is null)
            return null;
        var m = new MapReader(map, path, d);
        var source = m.Text("source", true, "source: scripted");
        if (source is null)
        {
            m.CheckKeys(ScriptedKeys);
            return null;
        }
        if (!Sources.Contains(source, StringComparer.Ordinal))
        {
            m.Error("source", Suggest.Unknown("trace source", source, Sources, "this version knows"));
            return null;
        }
        if (source == "uva-padova")
            return UvaPadovaTraceParser.Parse(m, ctx);
        if (source == "replay")
            return ReplayTraceParser.Parse(m, ctx);

        var before = d.Count;
        m.CheckKeys(ScriptedKeys);
        var interval = m.Duration("interval", false, "") ?? TimeSpan.FromMinutes(5);
        if (interval < MinInterval || interval > MaxInterval)
            m.Error("interval", $"a reading every {HumanDuration.Format(interval)} is outside 1m..15m; CGMs read every 1 to 15 minutes (typically 5m)");
        var points = ParsePoints(m, ctx);
        return d.Count == before && points is not null ? new ScriptedTraceSpec { Interval = interval, Points = points } : null;
    }

    private static List<Waypoint>? ParsePoints(MapReader m, ParseContext ctx)
    {
        var d = ctx.Diagnostics;
        var field = m.Field("points");
        var node = m.Required("points", "points: { 0h: 140, 2h: 60 }");
        if (node is null)
            return null;
        var map = Yaml.Map(node, field, d, "{ 0h: 140, 31h: 120, 33h: 52 }");
        if (map is null)
            return null;

        var before = d.Count;
        var byOffset = new Dictionary<TimeSpan, string>();
        var points = new List<Waypoint>();
        var count = 0;
        foreach (var (keyNode, valueNode) in map.Children)
        {
            count++;
            var keyText = keyNode is YamlScalarNode ks ? ks.Value ?? "" : "";
            var pointField = $"{field}.\"{Yaml.Show(keyText)}\"";
            var time = Yaml.Time(keyNode, pointField, d);
            var mgdl = Yaml.Number(valueNode, pointField, d);
            if (mgdl is { } v && (v < MinMgdl || v > MaxMgdl))
                d.Add(valueNode, pointField, $"{v.ToString(CultureInfo.InvariantCulture)} mg/dL is outside {MinMgdl}..{MaxMgdl}, the range a CGM reports; use a value in that range");
            if (time is null)
                continue;

            TimeSpan? offset = time.Value.Offset ?? (ctx.Start is { } start ? time.Value.Absolute - start : null);
            if (offset is not { } off)
                continue;
            if (off < TimeSpan.Zero)
            {
                d.Add(keyNode, pointField, $"this point is before the start of {ctx.RunWindow()}; points must lie within the run");
                continue;
            }
            if (ctx.Duration is { } duration && off > duration)
            {
                d.Add(keyNode, pointField, $"this point is {HumanDuration.Format(off)} after the start, past the end of {ctx.RunWindow()}; points must lie within the run (0h to {HumanDuration.Format(duration)})");
                continue;
            }
            if (byOffset.TryGetValue(off, out var firstKey))
            {
                d.Add(keyNode, pointField, $"this is the same instant as the point \"{Yaml.Show(firstKey)}\"; give each instant one value");
                continue;
            }
            byOffset[off] = keyText;
            if (mgdl is { } value)
                points.Add(new Waypoint(off, value));
        }
        if (count < 2)
            d.Add(node, field, "a scripted trace needs at least 2 points (a start and an end), e.g. { 0h: 140, 2h: 60 }");
        return d.Count == before ? [.. points.OrderBy(p => p.Offset)] : null;
    }
}
