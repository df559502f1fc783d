namespace Simulator.Vendors.Apns;

/// <summary>Which APNs a provider certificate is for: api.push.apple.com or api.sandbox.push.apple.com.</summary>
public enum ApnsEnvironment { Production, Development }

/// <summary>How the APNs fake is set up: the app it serves, the keys and certificates it accepts, its environment.</summary>
public sealed record ApnsOptions
{
    /// <summary>The app's bundle id: the <c>apns-topic</c> (also with the .voip, .complication… suffixes).</summary>
    public required string Topic { get; init; }

    /// <summary>Signing keys whose ES256 provider tokens are accepted.</summary>
    public IReadOnlyList<ApnsProviderKey> ProviderKeys { get; init; } = [];

    /// <summary>
    /// Provider (client TLS) certificates accepted instead of a token, by SHA-1 thumbprint (hex), with the environment each
    /// was issued for. A certificate not listed gets 403 BadCertificate; one for the other environment,
    /// 403 BadCertificateEnvironment.
    /// </summary>
    public IReadOnlyDictionary<string, ApnsEnvironment> ProviderCertificates { get; init; } = new Dictionary<string, ApnsEnvironment>();

    /// <summary>The environment this fake plays.</summary>
    public ApnsEnvironment Environment { get; init; } = ApnsEnvironment.Production;

    /// <summary>Well-formed topics APNs refuses to push to (400 TopicDisallowed).</summary>
    public IReadOnlySet<string> DisallowedTopics { get; init; } = new HashSet<string>();

    /// <summary>
    /// Least time between two provider tokens on one connection: a new token sooner gets 429
    /// TooManyProviderTokenUpdates (Apple: refresh no more often than every 20 minutes).
    /// </summary>
    public TimeSpan MinTokenRefresh { get; init; } = TimeSpan.FromMinutes(20);
}
