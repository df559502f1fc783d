using System.Security.Cryptography;
using System.Text;

namespace Simulator.Vendors.Nightscout;

// SHA-1 is what the Nightscout protocol specifies for api-secret; it is an identifier here, not a protection.
#pragma warning disable CA5350

/// <summary>
/// One family's Nightscout site. Real sites are single-patient, so the fake serves each under its own path
/// prefix: <c>http://127.0.0.1:PORT/{patient}/api/v1/…</c>.
/// </summary>
public sealed record NightscoutSite(string Patient, string ApiSecret)
{
    /// <summary>The site's access tokens (Admin Tools → subjects), e.g. a read-only one for a follower app.</summary>
    public IReadOnlyList<NightscoutAccessToken> AccessTokens { get; init; } = [];

    /// <summary><c>AUTH_DEFAULT_ROLES</c>: what a request without credentials may do. Default <c>readable</c> (§2.1, §2.4).</summary>
    public IReadOnlyList<string> DefaultRoles { get; init; } = ["readable"];

    /// <summary>What clients send in the <c>api-secret</c> header: the SHA-1 hex of the secret (SHA-512 hex also accepted).</summary>
    public bool Accepts(string? header)
    {
        if (string.IsNullOrEmpty(header)) return false;
        var bytes = Encoding.UTF8.GetBytes(ApiSecret);
        return header.Equals(Convert.ToHexStringLower(SHA1.HashData(bytes)), StringComparison.OrdinalIgnoreCase)
            || header.Equals(Convert.ToHexStringLower(SHA512.HashData(bytes)), StringComparison.OrdinalIgnoreCase);
    }

    public static string HashForHeader(string secret) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>The access token a value names: the token itself, or (in <c>api-secret</c>) its SHA-1 hex (§2.1).</summary>
    internal NightscoutAccessToken? TokenFor(string? value, bool allowHash) =>
        string.IsNullOrEmpty(value) ? null
        : AccessTokens.FirstOrDefault(t => t.Token.Equals(value, StringComparison.Ordinal)
            || (allowHash && HashForHeader(t.Token).Equals(value, StringComparison.OrdinalIgnoreCase)));
}

/// <summary>
/// A Nightscout subject's access token, <c>name-0123456789abcdef</c>, with its roles: the built-in ones
/// (<c>admin</c>, <c>readable</c>, <c>careportal</c>, <c>devicestatus-upload</c>, <c>activity</c>, <c>status-only</c>,
/// <c>denied</c>) or a raw Shiro permission such as <c>api:treatments:read</c>.
/// </summary>
public sealed record NightscoutAccessToken(string Name, string Token, IReadOnlyList<string> Roles)
{
    /// <summary>A token as Nightscout would make one: the subject's name, a dash and 16 hex digits (derived from the secret here).</summary>
    public static NightscoutAccessToken Create(string apiSecret, string name, params string[] roles)
    {
        var slug = new string([.. name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
        var digest = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes($"{apiSecret}/{name}")))[..16];
        return new NightscoutAccessToken(name, $"{slug}-{digest}", roles);
    }

    /// <summary>The permissions of each role (lib/authorization/storage.js defaults), one group per role.</summary>
    public IReadOnlyList<IReadOnlyList<string>> PermissionGroups => [.. Roles.Select(NightscoutPermissions.OfRole)];
}
