using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ReferenceSystem.Follow;
using ReferenceSystem.Readings;

namespace ReferenceSystem.Vendors;

/// <summary>
/// Reads SGV entries from a Nightscout site (API v1): <c>GET /api/v1/entries/sgv.json?count=N&amp;find[date][$gt]=ms</c>,
/// authenticated with the <c>api-secret</c> header = lowercase SHA-1 hex of API_SECRET (the plain secret is never sent).
/// </summary>
internal sealed class NightscoutClient(HttpClient http, NightscoutSite site)
{
    private readonly string? _hashedSecret = site.ApiSecret is null ? null : HashSecret(site.ApiSecret);

    // SHA-1 is what Nightscout's api-secret header is defined as (lib/authorization), not our choice.
#pragma warning disable CA5350
    public static string HashSecret(string apiSecret) =>
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(apiSecret)));
#pragma warning restore CA5350

    /// <summary>Entries newer than <paramref name="after"/>, newest first.</summary>
    public Task<IReadOnlyList<GlucoseReading>> ReadAsync(DateTimeOffset after, int count, CancellationToken ct) =>
        VendorHttp.CallAsync<IReadOnlyList<GlucoseReading>>(async token =>
        {
            var query = string.Create(CultureInfo.InvariantCulture,
                $"api/v1/entries/sgv.json?count={count}&find[date][$gt]={after.ToUnixTimeMilliseconds()}");
            var baseUrl = site.BaseUrl.AbsoluteUri.EndsWith('/') ? site.BaseUrl : new Uri(site.BaseUrl.AbsoluteUri + "/");
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, query));
            request.Headers.Accept.ParseAdd("application/json");
            if (_hashedSecret is not null)
                request.Headers.Add("api-secret", _hashedSecret);
            using var response = await http.SendAsync(request, token);
            if (!response.IsSuccessStatusCode)
                throw new SourceException($"HTTP {(int)response.StatusCode}");
            return ParseEntries(await response.Content.ReadAsStringAsync(token));
        }, ct);

    /// <summary>
    /// Uploads SGV entries: <c>POST {baseUrl}/api/v1/entries</c> with the <c>api-secret</c> header and a JSON array of
    /// <c>{type:"sgv", sgv, date (ms), dateString (UTC ISO), direction, device}</c>. Nightscout upserts on sysTime + type,
    /// so sending a reading again never stores it twice.
    /// </summary>
    public Task<bool> UploadAsync(IReadOnlyList<GlucoseReading> readings, string device, CancellationToken ct) =>
        VendorHttp.CallAsync(async token =>
        {
            var baseUrl = site.BaseUrl.AbsoluteUri.EndsWith('/') ? site.BaseUrl : new Uri(site.BaseUrl.AbsoluteUri + "/");
            var entries = readings.Select(r => new
            {
                type = "sgv",
                sgv = r.Mgdl,
                date = r.SensorTime.ToUnixTimeMilliseconds(),
                dateString = r.SensorTimeIso,
                direction = r.Trend ?? "NONE",
                device,
            }).ToList();
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "api/v1/entries"))
            {
                Content = System.Net.Http.Json.JsonContent.Create(entries),
            };
            request.Headers.Accept.ParseAdd("application/json");
            if (_hashedSecret is not null)
                request.Headers.Add("api-secret", _hashedSecret);
            using var response = await http.SendAsync(request, token);
            if (!response.IsSuccessStatusCode)
                throw new SourceException($"HTTP {(int)response.StatusCode}");
            return true;
        }, ct);

    /// <summary>Keeps <c>type: "sgv"</c> entries that have <c>sgv</c> and <c>date</c>; anything else is skipped.</summary>
    internal static IReadOnlyList<GlucoseReading> ParseEntries(string body)
    {
        using var doc = JsonDocument.Parse(body);
        if (doc.RootElement.ValueKind != JsonValueKind.Array)
            throw new SourceException("malformed response: expected an array");
        var readings = new List<GlucoseReading>();
        foreach (var entry in doc.RootElement.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object)
                continue;
            if (entry.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() != "sgv")
                continue;
            if (!entry.TryGetProperty("sgv", out var sgv) || sgv.ValueKind != JsonValueKind.Number
                || !entry.TryGetProperty("date", out var date) || date.ValueKind != JsonValueKind.Number)
                continue;
            string? direction = entry.TryGetProperty("direction", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            readings.Add(new GlucoseReading(
                DateTimeOffset.FromUnixTimeMilliseconds((long)date.GetDouble()),
                (int)Math.Round(sgv.GetDouble()),
                ReadingSources.Nightscout,
                direction));
        }
        return readings;
    }
}
