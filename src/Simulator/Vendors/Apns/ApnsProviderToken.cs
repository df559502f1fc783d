using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Simulator.Vendors.Apns;

/// <summary>
/// A team's APNs signing key as the fake knows it: the team id (<c>iss</c>), the key id (<c>kid</c>) and the public key
/// (a PEM <c>PUBLIC KEY</c>, or the <c>.p8</c> <c>PRIVATE KEY</c> itself, of which only the public part is kept).
/// </summary>
public sealed record ApnsProviderKey(string TeamId, string KeyId, string KeyPem);

/// <summary>What the fake makes of a provider token: accepted, or refused as APNs would (InvalidProviderToken, ExpiredProviderToken).</summary>
public enum ProviderTokenVerdict { Valid, Invalid, Expired }

/// <summary>
/// APNs provider authentication tokens (shared/spec/vendor-apis.md §5.2): a JWT signed with ES256, header
/// <c>{"alg":"ES256","kid":…}</c>, claims <c>{"iss":team id,"iat":seconds}</c>. Signing is here for tests and the
/// harness's own calls; verification is what the fake does with every request.
/// </summary>
public static class ApnsProviderToken
{
    /// <summary>APNs refuses a token issued more than an hour ago (403 ExpiredProviderToken).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);

    /// <summary>Signs a provider token with a P-256 key, as the provider libraries do.</summary>
    public static string Sign(ECDsa key, string teamId, string keyId, DateTimeOffset issuedAt)
    {
        var header = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new { alg = "ES256", kid = keyId }));
        var claims = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new { iss = teamId, iat = issuedAt.ToUnixTimeSeconds() }));
        var signingInput = $"{header}.{claims}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    /// <summary>
    /// Checks a token against the keys the fake knows: well-formed, ES256, a known <c>kid</c> whose team is the
    /// <c>iss</c>, a valid signature, and issued no more than <see cref="MaxAge"/> before <paramref name="now"/>.
    /// </summary>
    public static ProviderTokenVerdict Verify(string token, IReadOnlyDictionary<string, (string TeamId, ECDsa Key)> keys, DateTimeOffset now, out string? keyId)
    {
        keyId = null;
        var parts = token.Split('.');
        if (parts.Length != 3) return ProviderTokenVerdict.Invalid;
        try
        {
            using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
            using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            var signature = Base64Url.DecodeFromChars(parts[2]);
            if (header.RootElement.ValueKind != JsonValueKind.Object || claims.RootElement.ValueKind != JsonValueKind.Object)
                return ProviderTokenVerdict.Invalid;
            if (String(header.RootElement, "alg") != "ES256" || String(header.RootElement, "kid") is not { } kid
                || !keys.TryGetValue(kid, out var known) || String(claims.RootElement, "iss") != known.TeamId
                || !claims.RootElement.TryGetProperty("iat", out var iatElement) || !iatElement.TryGetInt64(out var iat))
                return ProviderTokenVerdict.Invalid;
            if (signature.Length != 64
                || !known.Key.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
                return ProviderTokenVerdict.Invalid;
            keyId = kid;
            return now - DateTimeOffset.FromUnixTimeSeconds(iat) > MaxAge ? ProviderTokenVerdict.Expired : ProviderTokenVerdict.Valid;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return ProviderTokenVerdict.Invalid;
        }
    }

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
