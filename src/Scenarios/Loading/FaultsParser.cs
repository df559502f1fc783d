using Scenarios.Loading.Faults;
using Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace Scenarios.Loading;

/// <summary>
/// <c>faults:</c> entries with the keys every kind shares (target, at, until|for, kind), the kind's own keys read by its
/// <see cref="IFaultKindParser"/>, then checks across faults: inside the run, no contradictory overlaps.
/// </summary>
internal static class FaultsParser
{
    public static readonly IReadOnlyList<string> CommonKeys = ["target", "at", "until", "for", "kind"];
    private const string Example = "{ target: dexcom-share/read, at: 3h, for: 1h, kind: outage }";

    public static IReadOnlyList<FaultSpec>? Parse(MapReader root, ParseContext ctx)
    {
        var d = ctx.Diagnostics;
        var node = root.Optional("faults");
        if (node is null)
            return [];
        var list = Yaml.List(node, "faults", d, $"- {Example}");
        if (list is null)
            return null;

        var before = d.Count;
        var parsed = new List<(FaultSpec Spec, string Path, YamlNode Node)>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var path = $"faults[{i}]";
            if (ParseFault(list.Children[i], path, ctx) is { } spec)
                parsed.Add((spec, path, list.Children[i]));
        }
        CheckOverlaps(parsed, ctx);
        return d.Count == before ? [.. parsed.Select(p => p.Spec)] : null;
    }

    private static FaultSpec? ParseFault(YamlNode node, string path, ParseContext ctx)
    {
        var d = ctx.Diagnostics;
        var map = Yaml.Map(node, path, d, Example);
        if (map is null)
            return null;
        var before = d.Count;
        var m = new MapReader(map, path, d);

        var kindName = m.Text("kind", true, $"kind: outage (one of {string.Join(", ", FaultKinds.Names)})");
        var kind = kindName is null ? null : FaultKinds.Find(kindName.Trim());
        if (kindName is not null && kind is null)
            m.Error("kind", Suggest.Unknown("fault kind", kindName, FaultKinds.Names, "known kinds"));
        CheckKeys(m, kind);

        var target = ParseTarget(m, ctx);
        var at = m.Time("at", true, "at: 3h or at: 2019-11-30T01:00:00-05:00");
        var window = ParseWindow(m, at, ctx);
        var options = kind?.Parse(new FaultParseContext(m, target, ctx));

        if (d.Count != before || target is null || window is null || options is null)
            return null;
        var (from, until) = window.Value;
        if (until <= ctx.Start || from >= ctx.End)
        {
            d.Add(map, path, $"this fault runs from {TimeValues.Format(from)} to {TimeValues.Format(until)}, entirely outside {ctx.RunWindow()}; move it into the run or remove it");
            return null;
        }
        return new FaultSpec { Target = target, At = from, Until = until, Options = options, Line = (int)map.Start.Line };
    }

    /// <summary>Unknown keys; a key that belongs to another kind says so ("'delay' is an option of latency faults").</summary>
    private static void CheckKeys(MapReader m, IFaultKindParser? kind)
    {
        if (kind is null)
        {
            // Kind unknown or missing (already reported): accept any kind's keys rather than guess.
            m.CheckKeys([.. CommonKeys, .. FaultKinds.All.SelectMany(k => k.Keys)]);
            return;
        }
        m.CheckKeys([.. CommonKeys, .. kind.Keys], key =>
        {
            var owners = FaultKinds.All.Where(k => k.Keys.Contains(key, StringComparer.Ordinal)).Select(k => k.Kind).ToList();
            return owners.Count == 0
                ? null
                : $"'{key}' is not an option of {kind.Kind} faults (it belongs to {string.Join(" and ", owners)} faults); {kind.Kind} faults take {Options(kind)}";
        });
    }

    private static string Options(IFaultKindParser kind) =>
        kind.Keys.Count == 0 ? "no options" : string.Join(", ", kind.Keys);

    private static FaultTarget? ParseTarget(MapReader m, ParseContext ctx)
    {
        var text = m.Text("target", true, "target: dexcom-share/read");
        if (text is null)
            return null;
        var parts = text.Trim().Split('/');
        if (parts.Length > 2 || parts.Any(p => p.Length == 0))
        {
            m.Error("target", $"'{Yaml.Show(text)}' is not a target; write a vendor or vendor/endpoint, e.g. dexcom-share or dexcom-share/read");
            return null;
        }
        var vendor = parts[0];
        if (!VendorIds.Endpoints.TryGetValue(vendor, out var endpoints))
        {
            m.Error("target", Suggest.Unknown("vendor", vendor, ParseContext.KnownVendors, "known vendors"));
            return null;
        }
        if (!ctx.InPlay(vendor))
        {
            m.Error("target", $"this fault aims at '{vendor}', which is not in vendors; add it to vendors or remove the fault");
            return null;
        }
        if (parts.Length == 2 && !endpoints.Contains(parts[1], StringComparer.Ordinal))
        {
            m.Error("target", Suggest.Unknown($"{vendor} endpoint", parts[1], endpoints, $"{vendor} has"));
            return null;
        }
        return new FaultTarget(vendor, parts.Length == 2 ? parts[1] : null);
    }

    /// <summary>[at, until): exactly one of until/for; until after at. Null if invalid or if the start is unknown.</summary>
    private static (DateTimeOffset From, DateTimeOffset Until)? ParseWindow(MapReader m, TimeRef? at, ParseContext ctx)
    {
        var hasUntil = m.KeyNode("until") is not null;
        var hasFor = m.KeyNode("for") is not null;
        if (hasUntil && hasFor)
        {
            m.Diagnostics.Add(m.KeyNode("for")!, m.Field("for"), "give either 'until' or 'for', not both");
            return null;
        }
        if (!hasUntil && !hasFor)
        {
            m.Diagnostics.Add(m.Node, m.Path, "say when the fault ends with 'until' (an instant or offset) or 'for' (a duration), e.g. for: 1h");
            return null;
        }

        if (at is { } a && ctx.Unreachable(a))
        {
            m.Error("at", ctx.BeyondRun(a.Offset.GetValueOrDefault()));
            return null;
        }
        if (hasFor)
        {
            var length = m.Duration("for", true, "for: 1h");
            if (length is { } l && l <= TimeSpan.Zero)
            {
                m.Error("for", "a fault must last longer than 0; write e.g. for: 1h");
                return null;
            }
            if (length is null || at is null || ctx.Resolve(at.Value) is not { } from)
                return null;
            if (TimeValues.Add(from, length.Value) is not { } end)
            {
                m.Error("for", $"a fault lasting {HumanDuration.Format(length.Value)} would end past 9999-12-31, the last date the harness can represent; to last to the end of the run write until: {(ctx.Duration is { } d ? HumanDuration.Format(d) : "the run's duration")}");
                return null;
            }
            return (from, end);
        }

        var untilRef = m.Time("until", true, "until: 5h");
        if (untilRef is { } u && ctx.Unreachable(u))
        {
            m.Error("until", ctx.BeyondRun(u.Offset.GetValueOrDefault()));
            return null;
        }
        if (untilRef is null || at is null || ctx.Resolve(at.Value) is not { } start || ctx.Resolve(untilRef.Value) is not { } until)
            return null;
        if (until <= start)
        {
            m.Error("until", $"until ({TimeValues.Format(until)}) must be after at ({TimeValues.Format(start)}); a fault needs a window that moves forward");
            return null;
        }
        return (start, until);
    }

    /// <summary>Two faults of the same kind on overlapping targets at overlapping times contradict each other.</summary>
    private static void CheckOverlaps(List<(FaultSpec Spec, string Path, YamlNode Node)> faults, ParseContext ctx)
    {
        for (var j = 1; j < faults.Count; j++)
        {
            var (b, bPath, bNode) = faults[j];
            for (var i = 0; i < j; i++)
            {
                var (a, aPath, _) = faults[i];
                if (a.Kind != b.Kind || !TargetsOverlap(a.Target, b.Target) || !(a.At < b.Until && b.At < a.Until))
                    continue;
                var targets = a.Target == b.Target ? $"{a.Target}" : $"{a.Target} and {b.Target}";
                var from = a.At > b.At ? a.At : b.At;
                var to = a.Until < b.Until ? a.Until : b.Until;
                ctx.Diagnostics.Add(bNode, bPath,
                    $"contradicts {aPath} (line {a.Line}): both are {a.Kind} faults on {targets} and their windows overlap from {TimeValues.Format(from)} to {TimeValues.Format(to)}; merge them into one fault or make the windows not overlap");
                break;
            }
        }
    }

    private static bool TargetsOverlap(FaultTarget a, FaultTarget b) =>
        a.Vendor == b.Vendor && (a.Endpoint is null || b.Endpoint is null || a.Endpoint == b.Endpoint);
}
