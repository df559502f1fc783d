namespace Simulator.Vendors.DexcomShare;

/// <summary>
/// How a <see cref="DexcomShareFake"/> behaves where the real service differs by region or is not known for certain
/// (shared/spec/vendor-apis.md §1, §8). The defaults are the spec's facts or, where it has none, the choices stated here.
/// </summary>
public sealed record DexcomShareOptions
{
    public static DexcomShareOptions Default { get; } = new();

    /// <summary>The deployment this instance is (§1.1). Default US (<c>share2.dexcom.com</c>).</summary>
    public ShareRegion Region { get; init; } = ShareRegion.Us;

    /// <summary>Application ids accepted on login; null means the region's (<see cref="ShareRegions.DefaultApplicationIds"/>).</summary>
    public IReadOnlyCollection<string>? ApplicationIds { get; init; }

    /// <summary>
    /// A session left unused this long (virtual time) answers <c>SessionNotValid</c> ("Session not active or timed out").
    /// The real lifetime is [unconfirmed] (§8: clients assume 8–24 h; the message reads like an inactivity timeout), so the
    /// default is an idle timeout of 24 h, the longest any client assumes: no client that keeps polling ever meets it, a
    /// follower that stops for a day does. Null: sessions never time out.
    /// </summary>
    public TimeSpan? SessionIdleTimeout { get; init; } = TimeSpan.FromHours(24);

    /// <summary>An absolute session lifetime since login (virtual time), on top of the idle timeout. Default none ([unconfirmed]).</summary>
    public TimeSpan? SessionMaxAge { get; init; }

    /// <summary>Which error codes a failed login answers (§1.6). Default today's <c>AccountPasswordInvalid</c>.</summary>
    public ShareLoginErrors LoginErrors { get; init; } = ShareLoginErrors.Current;

    /// <summary>
    /// The 2020–2022 quirk of <c>LoginPublisherAccountByName</c> (§1.7): wrong credentials answer HTTP 200 with the all-zeros
    /// session instead of an error. Default off (today's servers answer an error).
    /// </summary>
    public bool LoginByNameAnswersZeroSessionOnFailure { get; init; }

    /// <summary>
    /// Consecutive failed passwords after which an account is locked (<c>SSO_AuthenticateMaxAttemptsExceeded</c>, §1.6).
    /// The real threshold and lock duration are [unconfirmed]; default null: never locks.
    /// </summary>
    public int? LockAfterFailedLogins { get; init; }

    /// <summary>How long (virtual time) a locked account stays locked. [unconfirmed]; default 30 min.</summary>
    public TimeSpan LockDuration { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Refuse a login or upload whose body is sent with a non-JSON Content-Type (HTTP 415, empty body: what a JAX-RS service
    /// answers; Share's own answer is [unconfirmed]). Reads never check it: real clients send them bodiless. Default on.
    /// </summary>
    public bool RequireJsonContentType { get; init; } = true;

    internal IReadOnlyCollection<string> AcceptedApplicationIds => ApplicationIds ?? ShareRegions.DefaultApplicationIds(Region);
}

/// <summary>The error codes of a failed login (§1.6).</summary>
public enum ShareLoginErrors
{
    /// <summary>Since about 2021: <c>AccountPasswordInvalid</c> for a wrong password, an unknown account and a wrong region alike.</summary>
    Current,

    /// <summary>2018–2021: <c>SSO_AuthenticatePasswordInvalid</c> / <c>SSO_AuthenticateAccountNotFound</c> ("Simulate SSO: Authentication failed").</summary>
    Legacy,
}
