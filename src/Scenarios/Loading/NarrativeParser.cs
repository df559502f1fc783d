using Scenarios.Model;

namespace Scenarios.Loading;

/// <summary><c>narrative: [{ at: 2019-11-30T11:00:00-05:00, text: "first public notice" }]</c>, kept in time order.</summary>
internal static class NarrativeParser
{
    public static readonly IReadOnlyList<string> Keys = ["at", "text"];

    public static IReadOnlyList<NarrativeEntry>? Parse(MapReader root, ParseContext ctx)
    {
        var d = ctx.Diagnostics;
        var node = root.Optional("narrative");
        if (node is null)
            return [];
        var list = Yaml.List(node, "narrative", d, "- { at: 3h, text: \"vendor posts first notice\" }");
        if (list is null)
            return null;
        var before = d.Count;
        var entries = new List<NarrativeEntry>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var path = $"narrative[{i}]";
            var map = Yaml.Map(list.Children[i], path, d, "{ at: 3h, text: \"vendor posts first notice\" }");
            if (map is null)
                continue;
            var m = new MapReader(map, path, d);
            m.CheckKeys(Keys);
            var at = m.Time("at", true, "at: 3h");
            var text = m.Text("text", true, "text: \"Dexcom posts a notice\"");
            if (text is not null && string.IsNullOrWhiteSpace(text))
                m.Error("text", "the text is blank; say what happened");
            if (at is { } a && ctx.Unreachable(a))
            {
                m.Error("at", ctx.BeyondRun(a.Offset.GetValueOrDefault()));
                continue;
            }
            if (at is null || text is null || ctx.Resolve(at.Value) is not { } instant)
                continue;
            if (ctx.Start is { } start && ctx.End is { } end && (instant < start || instant > end))
            {
                m.Error("at", $"{TimeValues.Format(instant)} is outside {ctx.RunWindow()}, so no timeline can show it; move it inside or widen the run");
                continue;
            }
            entries.Add(new NarrativeEntry(instant, text));
        }
        return d.Count == before ? [.. entries.OrderBy(e => e.At)] : null;
    }
}
