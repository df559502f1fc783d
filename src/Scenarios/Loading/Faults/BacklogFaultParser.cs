using System.Globalization;
using System.Text.RegularExpressions;
using Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace Scenarios.Loading.Faults;

/// <summary>
/// <c>kind: backlog</c> with <c>release: burst</c> (default), <c>release: { drainRate: 40/s }</c> (also <c>2/min</c>,
/// <c>600/h</c>, or a plain number per second; in the order accepted) or <c>release: { reorder: 30m }</c> (spread over
/// 30 virtual minutes in a seeded random order). The map forms take <c>newUploads: bypass | wait</c>: whether readings
/// uploaded after the window closed overtake the backlog (default) or queue behind it. Only on a data vendor, aimed at
/// the whole vendor or its <c>read</c> endpoint.
/// </summary>
internal sealed class BacklogFaultParser : IFaultKindParser
{
    public string Kind => "backlog";
    public IReadOnlyList<string> Keys { get; } = ["release"];
    public static readonly IReadOnlyList<string> ReleaseKeys = ["drainRate", "reorder", "newUploads"];
    internal static readonly IReadOnlyList<string> NewUploadsValues = ["bypass", "wait"];
    private const string ReleaseExample = "release: burst, release: { drainRate: 40/s } or release: { reorder: 30m }";

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
        var before = d.Count;
        r.CheckKeys(ReleaseKeys);
        var newUploads = NewUploads(r);
        var hasDrain = r.Has("drainRate");
        var hasReorder = r.Has("reorder");
        if (hasDrain && hasReorder)
        {
            r.Error("reorder", "give either drainRate (out in the order accepted) or reorder (out in a seeded random order), not both; e.g. release: { reorder: 30m }");
            return null;
        }
        if (!hasDrain && !hasReorder)
        {
            // A misspelt drainRate or reorder was already reported with a suggestion; don't also call it missing.
            if (d.Count == before)
                d.Add(map, field, $"a release map needs drainRate or reorder; write {ReleaseExample}");
            return null;
        }
        var options = hasDrain ? Drain(r) : Reorder(r);
        // The record's own checks (a rate or span above 0), worded the same for a scenario and for code.
        return options is null || newUploads is null ? null : FaultOptionReport.Checked(context, options with { NewUploads = newUploads.Value });
    }

    private static BacklogFaultOptions? Drain(MapReader r)
    {
        var rateText = r.Text("drainRate", true, "drainRate: 40/s");
        if (rateText is null)
            return null;
        if (!DrainRate.TryParse(rateText, out var perSecond))
        {
            r.Error("drainRate", $"'{Yaml.Show(rateText)}' is not a rate; write readings per virtual second or minute, e.g. 40/s or 2/min");
            return null;
        }
        return new BacklogFaultOptions { Release = BacklogRelease.DrainRate, DrainPerSecond = perSecond };
    }

    private static BacklogFaultOptions? Reorder(MapReader r)
    {
        var over = r.Duration("reorder", true, "reorder: 30m");
        return over is null ? null : new BacklogFaultOptions { Release = BacklogRelease.Reorder, ReorderOver = over.Value };
    }

    /// <summary>Null when the value is wrong (reported); bypass when absent.</summary>
    private static BacklogNewUploads? NewUploads(MapReader r)
    {
        var text = r.Text("newUploads", false, "");
        switch (text?.Trim())
        {
            case null or "bypass": return BacklogNewUploads.Bypass;
            case "wait": return BacklogNewUploads.Wait;
        }
        var meant = Suggest.Closest(text.Trim(), NewUploadsValues);
        r.Error("newUploads", $"unknown newUploads '{Yaml.Show(text)}'{(meant is null ? "" : $" (did you mean '{meant}'?)")}; write newUploads: bypass " +
            "(readings uploaded after the window are visible at once, the default) or newUploads: wait (they queue behind the backlog)");
        return null;
    }
}

/// <summary>
/// A backlog drain rate as scenarios and <c>simulator load recovery --release drain:RATE</c> write it: readings per
/// virtual second (<c>40/s</c> or a plain <c>40</c>), per minute (<c>2/min</c>, <c>2/m</c>) or per hour (<c>600/h</c>).
/// </summary>
public static partial class DrainRate
{
    [GeneratedRegex(@"^(?<n>[0-9]+(?:\.[0-9]+)?)\s*(?:/\s*(?<unit>s|m|min|h))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Rate();

    /// <summary>Reads a rate; false when the text is not one. A rate of 0 reads (as 0): whether it is allowed is the caller's to say.</summary>
    public static bool TryParse(string? text, out double perSecond)
    {
        perSecond = 0;
        var match = Rate().Match((text ?? "").Trim());
        if (!match.Success)
            return false;
        var perUnit = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        perSecond = match.Groups["unit"].Value switch
        {
            "m" or "min" => perUnit / 60,
            "h" => perUnit / 3600,
            _ => perUnit,
        };
        return true;
    }
}
