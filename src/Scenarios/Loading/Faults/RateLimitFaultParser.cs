using System.Globalization;
using System.Text.RegularExpressions;
using Scenarios.Model;

namespace Scenarios.Loading.Faults;

/// <summary>
/// <c>kind: rate-limit</c> with <c>limit: 60/min</c> (requests per window: <c>/s</c>, <c>/min</c>, <c>/h</c> or a duration
/// such as <c>/10m</c>; omit it to refuse every request), <c>scope: client | global</c> (default client) and
/// <c>retryAfter: 30s</c> (default: until the window resets, or 60s without a limit); optional <c>where:</c>.
/// </summary>
internal sealed partial class RateLimitFaultParser : IFaultKindParser
{
    public string Kind => "rate-limit";
    public IReadOnlyList<string> Keys { get; } = ["limit", "scope", "retryAfter", WhereParser.Key];
    internal static readonly IReadOnlyList<string> Scopes = ["client", "global"];

    [GeneratedRegex(@"^(?<n>[0-9]+(?:\.[0-9]+)?)\s*/\s*(?<per>\S+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Rate();

    public FaultOptions? Parse(FaultParseContext context)
    {
        var m = context.Map;
        var before = context.Diagnostics.Count;
        var options = new RateLimitFaultOptions();
        if (m.Text("limit", false, "") is { } text && ParseLimit(m, text.Trim()) is { } limit)
            options = options with { Limit = limit.Requests, Window = limit.Window };
        if (m.Text("scope", false, "") is { } scope)
        {
            switch (scope.Trim())
            {
                case "client": break;
                case "global": options = options with { Scope = RateLimitScope.Global }; break;
                default: m.Error("scope", Suggest.Unknown("scope", scope.Trim(), Scopes, "use")); break;
            }
            if (!m.Has("limit"))
                m.Error("scope", "scope says who shares a limit, so it goes with limit (e.g. limit: 60/min); without a limit every request is refused");
        }
        if (m.Duration("retryAfter", false, "") is { } retryAfter)
            options = options with { RetryAfter = retryAfter };
        var where = WhereParser.TryParse(m, out var filter);
        return context.Diagnostics.Count != before || !where ? null : FaultOptionReport.Checked(context, options with { Where = filter });
    }

    private static (int Requests, TimeSpan Window)? ParseLimit(MapReader m, string text)
    {
        const string How = "write requests per window, e.g. limit: 60/min, 5/s or 100/10m";
        var match = Rate().Match(text);
        if (!match.Success)
        {
            m.Error("limit", $"'{Yaml.Show(text)}' is not a rate; {How}");
            return null;
        }
        var per = match.Groups["per"].Value;
        TimeSpan? window = per switch
        {
            "s" => TimeSpan.FromSeconds(1),
            "m" or "min" => TimeSpan.FromMinutes(1),
            "h" => TimeSpan.FromHours(1),
            "d" => TimeSpan.FromDays(1),
            _ => HumanDuration.TryParse(per, out var w) ? w : null,
        };
        if (window is null)
        {
            m.Error("limit", $"'{Yaml.Show(per)}' is not a window; {How}");
            return null;
        }
        if (!int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var requests))
        {
            m.Error("limit", $"a limit counts whole requests, so write e.g. limit: 60/min, not {Yaml.Show(text)}");
            return null;
        }
        return (requests, window.Value);
    }
}
