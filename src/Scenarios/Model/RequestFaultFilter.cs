namespace Scenarios.Model;

/// <summary>The device family a request (or a push message) comes from or goes to.</summary>
public enum ClientPlatform { Ios, Android, Web }

/// <summary>
/// A partial fault's <c>where:</c>. A request matches when it meets every criterion given: its account is listed,
/// its User-Agent contains one of the fragments, its platform is listed, and its account (or, without one, its
/// User-Agent) falls in the seeded <see cref="Ratio"/> share of clients. Empty lists don't filter.
/// </summary>
public sealed record RequestFaultFilter
{
    /// <summary>Patient ids: the owner of a Share account or Nightscout site, the patient an FCM message is about.</summary>
    public IReadOnlyList<string> Accounts { get; init; } = [];

    /// <summary>Fragments matched case-insensitively inside the User-Agent header, e.g. <c>python-requests</c>.</summary>
    public IReadOnlyList<string> UserAgents { get; init; } = [];

    public IReadOnlyList<ClientPlatform> Platforms { get; init; } = [];

    /// <summary>Share of clients the fault reaches, each client drawn once from the run seed (so it stays in or out).</summary>
    public double Ratio { get; init; } = 1.0;

    public IEnumerable<FaultOptionError> Validate()
    {
        if (Accounts.Count == 0 && UserAgents.Count == 0 && Platforms.Count == 0 && Ratio >= 1)
            yield return new("where", "where needs at least one of accounts, userAgents, platforms or ratio; without one, leave where out and the fault reaches every request");
        if (Accounts.Any(string.IsNullOrWhiteSpace))
            yield return new("where.accounts", "an account cannot be blank; list patient ids, e.g. accounts: [child-1]");
        if (UserAgents.Any(string.IsNullOrWhiteSpace))
            yield return new("where.userAgents", "a user agent fragment cannot be blank (it would match every request); write e.g. userAgents: [python-requests]");
        if (!(Ratio > 0 && Ratio <= 1))
            yield return new("where.ratio", $"where.ratio is the share of clients the fault reaches, so it must be more than 0 and at most 1, not {Show(Ratio)}");
    }

    internal static string Show(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
