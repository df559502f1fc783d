namespace Simulator.Vendors.DexcomApi;

/// <summary>A patient's Dexcom account as a client app sees it. <see cref="UserId"/> is the per-client-app user id the API reports.</summary>
public sealed record DexcomApiUser(string Patient, string Username, string Password, Guid UserId);

/// <summary>The one client app registered with the fake (the follower backend under test).</summary>
public sealed record DexcomApiClientApp(string ClientId, string ClientSecret, string RedirectUri);

/// <summary>Which Dexcom cloud the fake stands in for (shared/spec/vendor-apis.md §4); it picks the default data delay.</summary>
public enum DexcomRegion
{
    /// <summary><c>api.dexcom.com</c>: data delayed 1 h.</summary>
    Us,

    /// <summary><c>api.dexcom.eu</c>: data delayed 3 h.</summary>
    Ous,

    /// <summary><c>api.dexcom.jp</c>: outside the US, so 3 h like OUS (assumed, not reported separately).</summary>
    Jp,
}

/// <summary>
/// How the Dexcom API v3 fake behaves. Everything shared/spec/vendor-apis.md §4/§8 could not confirm is a setting here, with
/// the chosen default documented on it.
/// </summary>
public sealed record DexcomApiOptions
{
    public required DexcomApiClientApp Client { get; init; }

    public DexcomRegion Region { get; init; } = DexcomRegion.Us;

    /// <summary>
    /// How old a reading must be (its sensor time against the virtual now) before egvs/dataRange show it; null picks the
    /// region's: 1 h US, 3 h OUS/JP. Community-reported, not official wording [unconfirmed]; older reports say 3 h everywhere.
    /// Applies on top of the store's own visibility: a reading also has to be visible there (a backlog can hold it longer).
    /// </summary>
    public TimeSpan? DataDelay { get; init; }

    public TimeSpan EffectiveDataDelay => DataDelay ?? (Region == DexcomRegion.Us ? TimeSpan.FromHours(1) : TimeSpan.FromHours(3));

    /// <summary>Calls per client app per <see cref="RateLimitWindow"/> before 429 [doc: 60,000 per app per hour].</summary>
    public int HourlyLimit { get; init; } = 60_000;

    /// <summary>
    /// The rate-limit window. Windows are fixed, aligned to the Unix epoch on the virtual clock (so hourly windows start on
    /// the hour, UTC); whether Dexcom counts fixed or rolling hours is not documented [unconfirmed].
    /// </summary>
    public TimeSpan RateLimitWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Whether a 429 carries <c>Retry-After</c> (seconds to the next window). Not documented for Dexcom [unconfirmed]: off by default.</summary>
    public bool RetryAfterOnLimit { get; init; }

    /// <summary>Access-token lifetime, answered as <c>expires_in</c> [doc: 7200 s].</summary>
    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromSeconds(7200);

    /// <summary>Authorization-code lifetime [unconfirmed; RFC 6749 §4.1.2 recommends at most 10 minutes].</summary>
    public TimeSpan CodeLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Refresh-token lifetime [unconfirmed; commonly cited as one year].</summary>
    public TimeSpan RefreshTokenLifetime { get; init; } = TimeSpan.FromDays(365);

    /// <summary>
    /// True (default): each refresh answers a new refresh token and the used one stops working (single-use). False: the
    /// same refresh token is answered again and stays valid until it expires. Rotation is [unconfirmed] (§8).
    /// </summary>
    public bool RotateRefreshTokens { get; init; } = true;

    /// <summary>
    /// The sandbox's user drop-down (SandboxUser1…7, no password): when true, a login naming only <c>username</c> is
    /// accepted without a password. Off by default (production logins need the password).
    /// </summary>
    public bool PasswordlessLogin { get; init; }

    /// <summary>
    /// A username logged in when the login request carries no credentials at all, as if a browser had picked it from
    /// the sandbox drop-down; null (default) shows the login page instead.
    /// </summary>
    public string? AutoSelectUser { get; init; }

    /// <summary>The longest egvs window (endDate − startDate) accepted [unconfirmed: 30 days per the v3 docs as remembered].</summary>
    public TimeSpan MaxWindow { get; init; } = TimeSpan.FromDays(30);

    /// <summary>The patient's phone's UTC offset, for <c>displayTime</c>.</summary>
    public TimeSpan DisplayOffset { get; init; }

    /// <summary>
    /// Records from phones carry a UTC offset in systemTime/displayTime, receiver records do not [doc]; the published
    /// example shows none even for iOS. Default false (no offset, like the example); true appends it (<c>+00:00</c> on
    /// systemTime, <see cref="DisplayOffset"/> on displayTime).
    /// </summary>
    public bool UtcOffsetInTimes { get; init; }

    /// <summary><c>displayDevice</c> of every record: iOS, android or receiver.</summary>
    public string DisplayDevice { get; init; } = "iOS";

    /// <summary><c>transmitterGeneration</c> of every record: unknown, g4, g5, g6, g6+, dexcomPro or g7.</summary>
    public string TransmitterGeneration { get; init; } = "g7";
}
