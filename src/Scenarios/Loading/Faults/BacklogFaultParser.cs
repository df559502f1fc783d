using System.Globalization;
using System.Text.RegularExpressions;
using Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace Scenarios.Loading.Faults;

/// <summary>
/// <c>kind: backlog</c> with <c>release: burst</c> (default) or <c>release: { drainRate: 40/s }</c> (also <c>2/min</c>,
/// <c>600/h</c>, or a plain number per second). Only on a data vendor, aimed at the whole vendor or its <c>read</c> endpoint.
/// </summary>
internal sealed partial class BacklogFaultParser : IFaultKindParser
{
    public string Kind => "backlog";
    public IReadOnlyList<string> Keys { get; } = ["release"];
    public static readonly IReadOnlyList<string> ReleaseKeys = ["drainRate"];
    private const string ReleaseExample = "release: burst or release: { drainRate: 40/s }";

    [GeneratedRegex(@"^(?<n>\d+(?:\.\d+)?)\s*(?:/\s*(?<unit>s|m|min|h))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Rate();

    public FaultOptions? Parse(FaultParseContext context)
    {
        var before = context.Diagnostics.Count;
        CheckTarget(context);
        var options = ParseRelease(context);
        return context.Diagnostics.Count == before ? options : null;
    }

    private static void CheckTarget(FaultParseContext context)
    {
        if (context.Target is not { } target)
            return;
        var m = context.Map;
        if (!VendorIds.DataVendors.Contains(target.Vendor, StringComparer.Ordinal))
            m.Error("target", $"a backlog withholds glucose data, so it applies only to data vendors ({string.Join(", ", VendorIds.DataVendors)}), not '{target.Vendor}'");
        else if (target.Endpoint is not null and not "read")
            m.Error("target", $"a backlog holds readings back from followers, so aim it at the whole vendor or its read endpoint (e.g. {target.Vendor}/read), not '{target}'");
    }

    private static BacklogFaultOptions? ParseRelease(FaultParseContext context)
    {
        var m = context.Map;
        var d = context.Diagnostics;
        var node = m.Optional("release");
        if (node is null)
            return new BacklogFaultOptions { Release = BacklogRelease.Burst };
        var field = m.Field("release");
        if (node is YamlScalarNode)
        {
            var text = Yaml.Text(node, field, d);
            if (text?.Trim() == "burst")
                return new BacklogFaultOptions { Release = BacklogRelease.Burst };
            if (text is not null)
                d.Add(node, field, $"unknown release '{Yaml.Show(text)}'; write {ReleaseExample}");
            return null;
        }
        var map = Yaml.Map(node, field, d, "{ drainRate: 40/s }");
        if (map is null)
            return null;
        var r = new MapReader(map, field, d);
        r.CheckKeys(ReleaseKeys);
        var rateText = r.Text("drainRate", true, "drainRate: 40/s");
        if (rateText is null)
            return null;
        var match = Rate().Match(rateText.Trim());
        if (!match.Success)
        {
            r.Error("drainRate", $"'{Yaml.Show(rateText)}' is not a rate; write readings per virtual second or minute, e.g. 40/s or 2/min");
            return null;
        }
        var perUnit = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        var perSecond = match.Groups["unit"].Value switch
        {
            "m" or "min" => perUnit / 60,
            "h" => perUnit / 3600,
            _ => perUnit,
        };
        if (perSecond <= 0)
        {
            r.Error("drainRate", "the drain rate must be more than 0, or the backlog would never be released; write e.g. 40/s, or release: burst");
            return null;
        }
        return new BacklogFaultOptions { Release = BacklogRelease.DrainRate, DrainPerSecond = perSecond };
    }
}
