using Microsoft.AspNetCore.Http;
using Scenarios.Model;

namespace Simulator.Faults.Partial;

/// <summary>
/// Who a request comes from, as a partial fault's <c>where:</c> and a per-client rate limit see it: the account (a
/// patient id, when the vendor can tell), the User-Agent, and the platform.
/// </summary>
public sealed record RequestIdentity(string? Account, string UserAgent, ClientPlatform? Platform)
{
    /// <summary>One client for budgets and seeded ratios: the account, or without one, everyone sending that User-Agent.</summary>
    public string ClientKey => Account is { } account ? $"account:{account}" : $"user-agent:{UserAgent}";

    /// <summary>What any vendor can tell from the headers alone.</summary>
    public static RequestIdentity Of(HttpContext http)
    {
        var userAgent = http.Request.Headers.UserAgent.ToString();
        return new RequestIdentity(null, userAgent, ClientPlatforms.FromUserAgent(userAgent));
    }
}
