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
    /// <summary>What clients send in the <c>api-secret</c> header: the SHA-1 hex of the secret (SHA-512 hex also accepted).</summary>
    public bool Accepts(string? header)
    {
        if (string.IsNullOrEmpty(header)) return false;
        var bytes = Encoding.UTF8.GetBytes(ApiSecret);
        return header.Equals(Convert.ToHexStringLower(SHA1.HashData(bytes)), StringComparison.OrdinalIgnoreCase)
            || header.Equals(Convert.ToHexStringLower(SHA512.HashData(bytes)), StringComparison.OrdinalIgnoreCase);
    }

    public static string HashForHeader(string secret) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(secret)));
}
