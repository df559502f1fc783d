namespace Simulator.Vendors.LibreLinkUp;

/// <summary>
/// The LibreLinkUp fake's knobs. The defaults follow shared/spec/vendor-apis.md §3; the ones marked "choice" settle a
/// point §8 lists as unconfirmed and can be switched when better evidence turns up.
/// </summary>
public sealed record LibreLinkUpOptions
{
    /// <summary>
    /// The region a request is for when neither a <c>/{region}</c> path prefix nor a known regional Host header says
    /// otherwise (e.g. a client aimed at <c>127.0.0.1:port</c>).
    /// </summary>
    public string DefaultRegion { get; init; } = "eu";

    /// <summary>Oldest app <c>version</c> header served; older (or missing/unparseable) gets 403 status 920 (§3.2, since Oct 2025).</summary>
    public string MinimumVersion { get; init; } = "4.16.0";

    /// <summary>Lifetime of a full login's token (§3.3: 180 days).</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromDays(180);

    /// <summary>Lifetime of the token a terms/privacy step hands out (§3.3: 1 h).</summary>
    public TimeSpan StepTokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Choice (§8: code not captured): the HTTP status of <c>{"message":"invalid or expired jwt"}</c>. 401, as the
    /// threads suggest and as every client treats any non-2xx here alike.
    /// </summary>
    public int InvalidTokenStatus { get; init; } = 401;

    /// <summary>
    /// Choice (§8: unconfirmed whether absence is rejected today): after login, a missing or wrong <c>account-id</c>
    /// (SHA-256 of <c>user.id</c>) is refused like an invalid token. It has been mandatory since Nov 2024 (§3.2).
    /// </summary>
    public bool RequireAccountId { get; init; } = true;

    /// <summary>Failed logins of one account within <see cref="LockoutInterval"/> that lock it (§3.3 lock-out body: failures 3, interval 60).</summary>
    public int LockoutFailures { get; init; } = 3;

    public TimeSpan LockoutInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a locked account refuses every login, the right password included (lock-out body: lockout 300).</summary>
    public TimeSpan LockoutDuration { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>
    /// Choice (§8: unconfirmed): the HTTP status carrying the body-level <c>status:429</c> lock-out. 200, like every other
    /// login outcome in the clients' fixtures; 429 is the other observed possibility.
    /// </summary>
    public int LockoutHttpStatus { get; init; } = 200;

    /// <summary>How far back the graph reaches (§3.5: ≈ 12 h).</summary>
    public TimeSpan GraphWindow { get; init; } = TimeSpan.FromHours(12);

    /// <summary>Spacing of graph points (§3.5: ~5 min): the oldest reading of each such slot; the current value is the connection's.</summary>
    public TimeSpan GraphSpacing { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The patient's local offset, for each item's <c>Timestamp</c> (<c>FactoryTimestamp</c> is UTC).</summary>
    public TimeSpan DisplayOffset { get; init; } = TimeSpan.Zero;
}
