using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Simulator.Vendors.Nightscout;

/// <summary>
/// The HS256 JWTs Nightscout hands out for an access token (§2.1): payload <c>{accessToken, iat, exp}</c>, signed with a
/// key derived from the site's API secret. Checked against the virtual clock.
/// </summary>
internal static class NightscoutJwt
{
    private static readonly string Header = Base64Url("""{"alg":"HS256","typ":"JWT"}"""u8);

    public static string Sign(NightscoutSite site, string accessToken, long iat, long exp)
    {
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { accessToken, iat, exp }));
        return $"{Header}.{payload}.{Signature(site, $"{Header}.{payload}")}";
    }

    /// <returns>The access token inside a valid, unexpired JWT; null otherwise.</returns>
    public static string? Verify(NightscoutSite site, string jwt, DateTimeOffset now)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3 || parts[0] != Header) return null;
        var expected = Encoding.ASCII.GetBytes(Signature(site, $"{parts[0]}.{parts[1]}"));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[2]))) return null;
        try
        {
            using var doc = JsonDocument.Parse(FromBase64Url(parts[1]));
            var root = doc.RootElement;
            return root.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds) && now.ToUnixTimeSeconds() < seconds
                && root.TryGetProperty("accessToken", out var token) && token.ValueKind == JsonValueKind.String
                ? token.GetString() : null;
        }
        catch (Exception e) when (e is JsonException or FormatException) { return null; }
    }

    private static string Signature(NightscoutSite site, string signed) =>
        Base64Url(HMACSHA256.HashData(SHA256.HashData(Encoding.UTF8.GetBytes(site.ApiSecret)), Encoding.ASCII.GetBytes(signed)));

    private static string Base64Url(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s + new string('=', (4 - s.Length % 4) % 4));
    }
}
