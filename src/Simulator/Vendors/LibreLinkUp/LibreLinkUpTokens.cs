using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Simulator.Vendors.LibreLinkUp;

/// <summary>What a valid token says: whose it is, where and when it was issued, when it expires.</summary>
public sealed record LibreLinkUpClaims(Guid UserId, string Region, DateTimeOffset IssuedAt, DateTimeOffset Expires);

/// <summary>
/// The auth tickets' tokens: HS256 JWTs with the claims §3.3 lists (<c>id, firstName, lastName, country, region, role,
/// units, practices, c, s, exp</c>) plus <c>iat</c>, signed with a key drawn from the run's seeded randomness. Full
/// tokens are checked by signature and expiry alone, so the fake keeps no per-login state for them.
/// </summary>
public sealed class LibreLinkUpTokens(Random random)
{
    private static readonly string Header = Base64Url("""{"alg":"HS256","typ":"JWT"}"""u8);
    private readonly byte[] _key = Key(random);

    private static byte[] Key(Random random)
    {
        var key = new byte[32];
        random.NextBytes(key);
        return key;
    }

    public string Issue(LibreLinkUpAccount account, string region, string product, DateTimeOffset issuedAt, DateTimeOffset expires)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["id"] = account.UserId.ToString(),
            ["firstName"] = account.UserFirstName,
            ["lastName"] = account.UserLastName,
            ["country"] = account.Country,
            ["region"] = region,
            ["role"] = "user",
            ["units"] = (int)account.Units,
            ["practices"] = Array.Empty<string>(),
            ["c"] = 1,
            ["s"] = product,
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
        });
        var unsigned = $"{Header}.{Base64Url(payload)}";
        return $"{unsigned}.{Base64Url(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(unsigned)))}";
    }

    /// <summary>The claims of a token this fake signed, expired or not; null for anything else.</summary>
    public LibreLinkUpClaims? Read(string? token)
    {
        var parts = token?.Split('.');
        if (parts is not { Length: 3 } || parts[0] != Header) return null;
        var signature = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Base64Url(signature)), Encoding.ASCII.GetBytes(parts[2])))
            return null;
        try
        {
            using var doc = JsonDocument.Parse(FromBase64Url(parts[1]));
            var root = doc.RootElement;
            return new LibreLinkUpClaims(
                Guid.Parse(root.GetProperty("id").GetString()!),
                root.GetProperty("region").GetString()!,
                DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("iat").GetInt64()),
                DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("exp").GetInt64()));
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4));
    }
}
