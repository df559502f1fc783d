using System.Globalization;
using Scenarios.Model;

namespace Scenarios.Loading;

/// <summary><c>policy: dexcom-default</c>, or <c>policy: { base: dexcom-default, urgentLow: 55, low: 70, high: 250, noData: 20m }</c>.</summary>
internal static class PolicyParser
{
    public static readonly IReadOnlyList<string> Keys = ["base", "urgentLow", "low", "high", "noData"];

    public static readonly IReadOnlyDictionary<string, AlertPolicySpec> Named =
        new Dictionary<string, AlertPolicySpec>(StringComparer.Ordinal) { [AlertPolicySpec.DexcomDefault.Name] = AlertPolicySpec.DexcomDefault };

    private static IReadOnlyList<string> Names => [.. Named.Keys];

    public static AlertPolicySpec? Parse(MapReader root, ParseContext ctx)
    {
        var d = ctx.Diagnostics;
        var node = root.Optional("policy");
        if (node is null)
            return AlertPolicySpec.DexcomDefault;
        if (node is YamlDotNet.RepresentationModel.YamlScalarNode)
        {
            var name = Yaml.Text(node, "policy", d);
            return name is null ? null : Lookup(name, node, "policy", d);
        }
        var map = Yaml.Map(node, "policy", d, "dexcom-default or { base: dexcom-default, urgentLow: 55, low: 70, high: 250, noData: 20m }");
        if (map is null)
            return null;

        var m = new MapReader(map, "policy", d);
        m.CheckKeys(Keys);
        var before = d.Count;
        var baseName = m.Text("base", false, "");
        var basePolicy = baseName is null ? AlertPolicySpec.DexcomDefault : Lookup(baseName, m.Optional("base")!, "policy.base", d);
        var urgentLow = Threshold(m, "urgentLow");
        var low = Threshold(m, "low");
        var high = Threshold(m, "high");
        var noData = m.Duration("noData", false, "");
        if (noData is { } nd && nd <= TimeSpan.Zero)
            m.Error("noData", "noData must be longer than 0; write e.g. noData: 20m");
        if (basePolicy is null || d.Count != before)
            return null;

        var customised = urgentLow is not null || low is not null || high is not null || noData is not null;
        var policy = basePolicy with
        {
            Name = customised ? $"{basePolicy.Name} (customised)" : basePolicy.Name,
            UrgentLowMgdl = urgentLow ?? basePolicy.UrgentLowMgdl,
            LowMgdl = low ?? basePolicy.LowMgdl,
            HighMgdl = high ?? basePolicy.HighMgdl,
            NoDataAfter = noData ?? basePolicy.NoDataAfter,
        };

        var problems = new List<string>();
        if (policy.UrgentLowMgdl >= policy.LowMgdl)
            problems.Add($"urgentLow ({Show(policy.UrgentLowMgdl)}) must be below low ({Show(policy.LowMgdl)})");
        if (policy.LowMgdl >= policy.HighMgdl)
            problems.Add($"low ({Show(policy.LowMgdl)}) must be below high ({Show(policy.HighMgdl)})");
        if (problems.Count > 0)
        {
            d.Add(map, "policy", $"thresholds must rise from urgentLow to low to high: {string.Join(", and ", problems)}");
            return null;
        }
        return policy;
    }

    private static AlertPolicySpec? Lookup(string name, YamlDotNet.RepresentationModel.YamlNode node, string field, Diagnostics d)
    {
        if (Named.TryGetValue(name, out var policy))
            return policy;
        d.Add(node, field, Suggest.Unknown("alert policy", name, Names, "known policies"));
        return null;
    }

    private static double? Threshold(MapReader m, string key)
    {
        var value = m.Number(key, false, "");
        if (value is { } v && (v < TraceParser.MinMgdl || v > TraceParser.MaxMgdl))
        {
            m.Error(key, $"{Show(v)} mg/dL is outside {TraceParser.MinMgdl}..{TraceParser.MaxMgdl}; use a threshold a CGM can report");
            return null;
        }
        return value;
    }

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
}
