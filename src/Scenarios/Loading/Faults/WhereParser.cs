using Scenarios.Model;

namespace Scenarios.Loading.Faults;

/// <summary>
/// <c>where: { accounts: [child-1], userAgents: [python-requests], platforms: [ios], ratio: 0.3 }</c>: the filter any
/// request fault can carry to reach only some requests (a partial fault).
/// </summary>
internal static class WhereParser
{
    public const string Key = "where";
    public static readonly IReadOnlyList<string> Keys = ["accounts", "userAgents", "platforms", "ratio"];
    internal static readonly IReadOnlyList<string> PlatformNames = ["ios", "android", "web"];
    private const string Example = "{ accounts: [child-1], userAgents: [python-requests], platforms: [ios], ratio: 0.3 }";

    /// <summary>False when something was reported; otherwise the filter, or null when there is no <c>where</c>.</summary>
    public static bool TryParse(MapReader m, out RequestFaultFilter? filter)
    {
        filter = null;
        var node = m.Optional(Key);
        if (node is null)
            return true;
        var d = m.Diagnostics;
        var before = d.Count;
        var map = Yaml.Map(node, m.Field(Key), d, Example);
        if (map is null)
            return false;
        var w = new MapReader(map, m.Field(Key), d);
        w.CheckKeys(Keys);
        var accounts = Words(w, "accounts", "accounts: [child-1]");
        var userAgents = Words(w, "userAgents", "userAgents: [python-requests]");
        var platforms = Platforms(w);
        var ratio = w.Number("ratio", false, "");
        if (d.Count != before)
            return false;
        filter = new RequestFaultFilter { Accounts = accounts, UserAgents = userAgents, Platforms = platforms, Ratio = ratio ?? 1.0 };
        return true;
    }

    private static List<string> Words(MapReader w, string key, string example)
    {
        var node = w.Optional(key);
        if (node is null || Yaml.List(node, w.Field(key), w.Diagnostics, example) is not { } list)
            return [];
        var words = new List<string>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            if (Yaml.Text(list.Children[i], $"{w.Field(key)}[{i}]", w.Diagnostics) is { } text)
                words.Add(text.Trim());
        }
        return words;
    }

    private static List<ClientPlatform> Platforms(MapReader w)
    {
        var platforms = new List<ClientPlatform>();
        var list = w.Optional("platforms") is { } node ? Yaml.List(node, w.Field("platforms"), w.Diagnostics, "platforms: [ios]") : null;
        if (list is null)
            return platforms;
        for (var i = 0; i < list.Children.Count; i++)
        {
            var field = $"{w.Field("platforms")}[{i}]";
            if (Yaml.Text(list.Children[i], field, w.Diagnostics) is not { } text)
                continue;
            switch (text.Trim())
            {
                case "ios": platforms.Add(ClientPlatform.Ios); break;
                case "android": platforms.Add(ClientPlatform.Android); break;
                case "web": platforms.Add(ClientPlatform.Web); break;
                default: w.Diagnostics.Add(list.Children[i], field, Suggest.Unknown("platform", text.Trim(), PlatformNames, "platforms are")); break;
            }
        }
        return platforms;
    }

}
