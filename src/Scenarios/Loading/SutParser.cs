using System.Net;
using Scenarios.Model;

namespace Scenarios.Loading;

/// <summary>
/// <c>sut: { builtin: reference-system, profile: resilient }</c> or <c>sut: { url: http://127.0.0.1:5300 }</c>.
/// Optional: without it the built-in reference system runs with the resilient profile.
/// </summary>
internal static class SutParser
{
    public static readonly IReadOnlyList<string> Keys = ["builtin", "profile", "url"];
    public static readonly IReadOnlyList<string> Builtins = ["reference-system"];
    public const string DefaultProfile = "resilient";
    private const string Example = "{ builtin: reference-system, profile: resilient } or { url: http://127.0.0.1:5300 }";

    public static SutBinding? Parse(MapReader root, ParseContext ctx)
    {
        var d = ctx.Diagnostics;
        var node = root.Optional("sut");
        if (node is null)
            return new BuiltinSut(DefaultProfile);
        var map = Yaml.Map(node, "sut", d, Example);
        if (map is null)
            return null;
        var m = new MapReader(map, "sut", d);
        m.CheckKeys(Keys);
        var before = d.Count;

        if (m.Has("builtin") && m.Has("url"))
        {
            m.Error("url", "give either 'builtin' or 'url', not both");
            return null;
        }
        if (m.Has("url"))
        {
            if (m.Has("profile"))
                m.Error("profile", "'profile' applies only to the built-in system; remove it or use builtin: reference-system");
            var url = ParseUrl(m);
            return d.Count == before && url is not null ? new ExternalSut(url) : null;
        }
        if (!m.Has("builtin"))
        {
            d.Add(map, "sut", $"say which system to test: {Example}");
            return null;
        }

        var builtin = m.Text("builtin", true, "builtin: reference-system");
        if (builtin is not null && !Builtins.Contains(builtin, StringComparer.Ordinal))
            m.Error("builtin", Suggest.Unknown("built-in system", builtin, Builtins, "built-in systems"));
        var profile = m.Text("profile", false, "") ?? DefaultProfile;
        if (!BuiltinSut.Profiles.Contains(profile, StringComparer.Ordinal))
            m.Error("profile", Suggest.Unknown("profile", profile, BuiltinSut.Profiles, "profiles"));
        return d.Count == before ? new BuiltinSut(profile) : null;
    }

    private static Uri? ParseUrl(MapReader m)
    {
        var text = m.Text("url", true, "url: http://127.0.0.1:5300");
        if (text is null)
            return null;
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            m.Error("url", $"'{Yaml.Show(text)}' is not an absolute http(s) URL; write e.g. http://127.0.0.1:5300");
            return null;
        }
        if (!IsLoopback(uri))
        {
            m.Error("url", $"'{uri.Host}' is not a loopback host; the harness only sends traffic to loopback (127.0.0.0/8, ::1, localhost) so a rehearsal can never reach a real service; run the system under test locally, e.g. http://127.0.0.1:5300");
            return null;
        }
        return uri;
    }

    private static bool IsLoopback(Uri uri)
    {
        var host = uri.DnsSafeHost;
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
    }
}
