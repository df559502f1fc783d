using Scenarios.Model;

namespace Scenarios.Loading;

/// <summary><c>vendors: [dexcom-share, nightscout, fcm]</c>: the vendor fakes in play.</summary>
internal static class VendorsParser
{
    private const string Example = "vendors: [dexcom-share, nightscout, fcm]";

    public static IReadOnlyList<string>? Parse(MapReader m, ParseContext ctx)
    {
        var d = ctx.Diagnostics;
        var node = m.Required("vendors", Example);
        if (node is null)
            return null;
        var list = Yaml.List(node, "vendors", d, "[dexcom-share, nightscout, fcm]");
        if (list is null)
            return null;
        var before = d.Count;
        var vendors = new List<string>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var item = list.Children[i];
            var field = $"vendors[{i}]";
            var vendor = Yaml.Text(item, field, d, "a vendor id");
            if (vendor is null)
                continue;
            if (!VendorIds.Endpoints.ContainsKey(vendor))
                d.Add(item, field, Suggest.Unknown("vendor", vendor, ParseContext.KnownVendors, "known vendors"));
            else if (vendors.Contains(vendor, StringComparer.Ordinal))
                d.Add(item, field, $"'{vendor}' is listed twice; list each vendor once");
            else
                vendors.Add(vendor);
        }
        if (list.Children.Count == 0)
            d.Add(node, "vendors", $"no vendors listed; put at least one data vendor in play, e.g. {Example}");
        else if (d.Count == before && !vendors.Any(v => VendorIds.DataVendors.Contains(v, StringComparer.Ordinal)))
            d.Add(node, "vendors", $"no data vendor in play, so there is no glucose data to follow; add one of {string.Join(", ", VendorIds.DataVendors)}");

        if (d.Count != before)
            return null;
        ctx.Vendors = vendors;
        return vendors;
    }
}
