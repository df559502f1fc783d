using System.Globalization;
using System.Text.RegularExpressions;
using Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace Scenarios.Loading.Faults;

/// <summary>
/// <c>kind: latency</c>: <c>delay: 30s</c> (fixed), <c>delay: { min: 5s, max: 2m }</c> (uniform),
/// <c>delay: { median: 2s, sigma: 0.8 }</c> or <c>delay: { p50: 2s, p99: 30s }</c> (lognormal), and/or
/// <c>dribble: 64/s</c> (the body trickles out at 64 bytes per virtual second); optional <c>where:</c>.
/// </summary>
internal sealed partial class LatencyFaultParser : IFaultKindParser
{
    public string Kind => "latency";
    public IReadOnlyList<string> Keys { get; } = ["delay", "dribble", WhereParser.Key];
    public static readonly IReadOnlyList<string> RangeKeys = ["min", "max"];
    public static readonly IReadOnlyList<string> MedianKeys = ["median", "sigma"];
    public static readonly IReadOnlyList<string> PercentileKeys = ["p50", "p99"];
    private const string DelayExample = "delay: 30s or delay: { min: 5s, max: 2m }, or dribble: 64/s for a slow body";

    /// <summary>z of the 99th percentile of the standard normal: ln(p99 / p50) = sigma × this.</summary>
    private const double Z99 = 2.3263478740408408;

    private static readonly Dictionary<string, string> PercentileAliases = new(StringComparer.Ordinal)
    {
        ["delay.median"] = "delay.p50",
        ["delay.sigma"] = "delay.p99",
    };

    [GeneratedRegex(@"^(?<n>[0-9]+(?:\.[0-9]+)?)\s*(?:B|b|bytes?)?\s*/\s*s$", RegexOptions.CultureInvariant)]
    private static partial Regex Pace();

    public FaultOptions? Parse(FaultParseContext context)
    {
        var m = context.Map;
        var d = context.Diagnostics;
        var before = d.Count;
        var dribble = ParseDribble(m);
        // Without a delay key, a dribble alone is a slow body that starts at once.
        var (options, aliases) = m.KeyNode("delay") is not null || !m.Has("dribble") ? ParseDelay(m) : (new LatencyFaultOptions(), null);
        var where = WhereParser.TryParse(m, out var filter);
        if (d.Count != before || options is null || !where)
            return null;
        return FaultOptionReport.Checked(context, options with { DribbleBytesPerSecond = dribble, Where = filter }, aliases);
    }

    private static (LatencyFaultOptions? Options, IReadOnlyDictionary<string, string>? Aliases) ParseDelay(MapReader m)
    {
        var d = m.Diagnostics;
        var node = m.Required("delay", DelayExample);
        if (node is null)
            return (null, null);
        var field = m.Field("delay");

        if (node is YamlMappingNode map)
            return ParseDistribution(new MapReader(map, field, d));

        if (node is not YamlScalarNode)
        {
            d.Add(node, field, $"expected a duration such as 30s or a range such as {{ min: 5s, max: 2m }}, found {Yaml.Describe(node)}");
            return (null, null);
        }
        return Yaml.Duration(node, field, d) is { } delay
            ? (new LatencyFaultOptions { Distribution = LatencyDistribution.Fixed, Delay = delay, MaxDelay = delay }, null)
            : (null, null);
    }

    /// <summary>{ min, max }, { median, sigma } or { p50, p99 }: the keys written pick the distribution.</summary>
    private static (LatencyFaultOptions?, IReadOnlyDictionary<string, string>?) ParseDistribution(MapReader r)
    {
        var d = r.Diagnostics;
        r.CheckKeys([.. RangeKeys, .. MedianKeys, .. PercentileKeys]);
        var forms = new[] { RangeKeys, MedianKeys, PercentileKeys }.Count(keys => keys.Any(k => r.KeyNode(k) is not null));
        if (forms > 1)
        {
            d.Add(r.Node, r.Path, "give the delay as { min, max } (uniform), { median, sigma } or { p50, p99 } (lognormal), not a mix of them");
            return (null, null);
        }
        var before = d.Count;
        if (MedianKeys.Any(k => r.KeyNode(k) is not null))
        {
            var median = r.Duration("median", true, "median: 2s");
            var sigma = r.Number("sigma", true, "sigma: 0.8");
            return d.Count != before || median is null || sigma is null
                ? (null, null)
                : (new LatencyFaultOptions { Distribution = LatencyDistribution.Lognormal, Delay = median.Value, Sigma = sigma.Value }, null);
        }
        if (PercentileKeys.Any(k => r.KeyNode(k) is not null))
        {
            var p50 = r.Duration("p50", true, "p50: 2s");
            var p99 = r.Duration("p99", true, "p99: 30s");
            if (d.Count != before || p50 is null || p99 is null)
                return (null, null);
            if (p50 > TimeSpan.Zero && p99 <= p50)
            {
                r.Error("p99", $"p99 ({HumanDuration.Format(p99.Value)}) must be longer than p50 ({HumanDuration.Format(p50.Value)}); for the same delay every time write delay: {HumanDuration.Format(p50.Value)}");
                return (null, null);
            }
            var sigma = p50 > TimeSpan.Zero ? Math.Log(p99.Value / p50.Value) / Z99 : 0;
            return (new LatencyFaultOptions { Distribution = LatencyDistribution.Lognormal, Delay = p50.Value, Sigma = sigma }, PercentileAliases);
        }
        var min = r.Duration("min", true, "min: 5s");
        var max = r.Duration("max", true, "max: 2m");
        return d.Count != before || min is null || max is null
            ? (null, null)
            : (new LatencyFaultOptions { Distribution = LatencyDistribution.Uniform, Delay = min.Value, MaxDelay = max.Value }, null);
    }

    private static double? ParseDribble(MapReader m)
    {
        var text = m.Text("dribble", false, "");
        if (text is null)
            return null;
        var match = Pace().Match(text.Trim());
        if (match.Success)
            return double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        m.Error("dribble", $"'{Yaml.Show(text)}' is not a pace; write bytes per virtual second, e.g. dribble: 64/s");
        return null;
    }
}
