using Scenarios.Model;

namespace Simulator.Faults.Partial;

/// <summary>
/// A partial fault's <c>where:</c> at run time. The ratio picks clients, not requests: each client (its account, or
/// its User-Agent) is in or out for the whole run, drawn from the run seed, as when "some users" were affected.
/// </summary>
public sealed class RequestFilter(RequestFaultFilter? where, string salt)
{
    public static readonly RequestFilter Everyone = new(null, "");

    public RequestFaultFilter? Where { get; } = where;

    public async ValueTask<bool> MatchesAsync(FaultRequest request) =>
        Where is null || Matches(await request.IdentityAsync());

    public bool Matches(RequestIdentity identity)
    {
        if (Where is not { } w) return true;
        if (w.Accounts.Count > 0 && (identity.Account is null || !w.Accounts.Contains(identity.Account, StringComparer.Ordinal)))
            return false;
        if (w.UserAgents.Count > 0 && !w.UserAgents.Any(fragment => identity.UserAgent.Contains(fragment, StringComparison.OrdinalIgnoreCase)))
            return false;
        if (w.Platforms.Count > 0 && (identity.Platform is not { } platform || !w.Platforms.Contains(platform)))
            return false;
        return w.Ratio >= 1 || StableDraw.Unit(salt, identity.ClientKey) < w.Ratio;
    }
}
