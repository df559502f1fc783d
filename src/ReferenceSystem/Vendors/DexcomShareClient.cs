using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ReferenceSystem.Follow;
using ReferenceSystem.Readings;

namespace ReferenceSystem.Vendors;

/// <summary>
/// A Dexcom Share ("Share2") publisher client as real followers use it: every call is a POST with a JSON body;
/// login is AuthenticatePublisherAccount → accountId, then LoginPublisherAccountById → sessionId; the read is
/// ReadPublisherLatestGlucoseValues (newest first).
/// </summary>
internal sealed partial class DexcomShareClient(HttpClient http, ShareAccount account)
{
    public const string ZeroId = "00000000-0000-0000-0000-000000000000";

    /// <summary>Logs in (two calls) and returns the session id.</summary>
    public Task<string> LoginAsync(CancellationToken ct) => VendorHttp.CallAsync(async token =>
    {
        var accountId = await PostForIdAsync("General/AuthenticatePublisherAccount",
            new { accountName = account.AccountName, password = account.Password, applicationId = account.ApplicationId }, token);
        if (accountId == ZeroId)
            throw new SourceException("authentication returned the all-zeros account id (failed login)");
        var sessionId = await PostForIdAsync("General/LoginPublisherAccountById",
            new { accountId, password = account.Password, applicationId = account.ApplicationId }, token);
        if (sessionId == ZeroId)
            throw new SourceException("login returned the all-zeros session id (failed login)");
        return sessionId;
    }, ct);

    /// <summary>Reads the latest readings (newest first, as Share sends them).</summary>
    public Task<IReadOnlyList<GlucoseReading>> ReadAsync(string sessionId, int minutes, int maxCount, CancellationToken ct) =>
        VendorHttp.CallAsync<IReadOnlyList<GlucoseReading>>(async token =>
        {
            var path = "Publisher/ReadPublisherLatestGlucoseValues"
                       + $"?sessionId={Uri.EscapeDataString(sessionId)}"
                       + string.Create(CultureInfo.InvariantCulture, $"&minutes={minutes}&maxCount={maxCount}");
            using var content = JsonContent.Create(new { });
            using var response = await http.PostAsync(new Uri(account.BaseUrl, path), content, token);
            var body = await response.Content.ReadAsStringAsync(token);
            if (!response.IsSuccessStatusCode)
                throw Failure(response.StatusCode, body);
            return ParseReadings(body);
        }, ct);

    /// <summary>
    /// The uploader's login: one call to <c>General/LoginPublisherAccountByName</c> → sessionId (xDrip+'s Share
    /// uploader still logs in this way; the harness's Share fake serves it).
    /// </summary>
    public Task<string> LoginByNameAsync(CancellationToken ct) => VendorHttp.CallAsync(async token =>
    {
        var sessionId = await PostForIdAsync("General/LoginPublisherAccountByName",
            new { accountName = account.AccountName, password = account.Password, applicationId = account.ApplicationId }, token);
        if (sessionId == ZeroId)
            throw new SourceException("login returned the all-zeros session id (failed login)");
        return sessionId;
    }, ct);

    /// <summary>
    /// Publisher upload, as xDrip+'s Share uploader sends it: <c>Publisher/PostReceiverEgvRecords?sessionId=…</c> with
    /// <c>{"SN": receiver serial, "TA": -5, "Egvs": [{"DT","ST": "/Date(ms)/", "Trend": 1-9, "Value": mg/dL}]}</c>, keys in
    /// PascalCase. <c>ST</c> and <c>DT</c> carry the reading's own time, so a backfilled reading keeps its original timestamp.
    /// </summary>
    public Task<bool> UploadAsync(string sessionId, string serialNumber, IReadOnlyList<GlucoseReading> readings, CancellationToken ct) =>
        VendorHttp.CallAsync(async token =>
        {
            var payload = new Dictionary<string, object>
            {
                ["SN"] = serialNumber,
                ["TA"] = -5,
                ["Egvs"] = readings.Select(r => new Dictionary<string, object>
                {
                    ["DT"] = ShareDate(r.SensorTime),
                    ["ST"] = ShareDate(r.SensorTime),
                    ["Trend"] = ShareTrend(r.Trend),
                    ["Value"] = r.Mgdl,
                }).ToList(),
            };
            var path = $"Publisher/PostReceiverEgvRecords?sessionId={Uri.EscapeDataString(sessionId)}";
            using var response = await http.PostAsJsonAsync(new Uri(account.BaseUrl, path), payload, token);
            var body = await response.Content.ReadAsStringAsync(token);
            if (!response.IsSuccessStatusCode)
                throw Failure(response.StatusCode, body);
            return true;
        }, ct);

    private static string ShareDate(DateTimeOffset instant) =>
        string.Create(CultureInfo.InvariantCulture, $"/Date({instant.ToUnixTimeMilliseconds()})/");

    /// <summary>Share's trend number for a Nightscout direction name (vendor-apis.md §1.5 table); unknown → 8 NotComputable.</summary>
    internal static int ShareTrend(string? direction) => direction switch
    {
        "NONE" => 0,
        "DoubleUp" => 1,
        "SingleUp" => 2,
        "FortyFiveUp" => 3,
        "Flat" => 4,
        "FortyFiveDown" => 5,
        "SingleDown" => 6,
        "DoubleDown" => 7,
        "RATE OUT OF RANGE" => 9,
        _ => 8,
    };

    private async Task<string> PostForIdAsync(string path, object body, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(new Uri(account.BaseUrl, path), body, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw Failure(response.StatusCode, text);
        string? id;
        try
        {
            id = JsonSerializer.Deserialize<string>(text);
        }
        catch (JsonException ex)
        {
            throw new SourceException($"{path}: expected a JSON string", ex);
        }
        return string.IsNullOrWhiteSpace(id) ? throw new SourceException($"{path}: empty id") : id;
    }

    /// <summary>Maps an error status to a failure; 500 with a session code means "log in again".</summary>
    internal static SourceException Failure(HttpStatusCode status, string body)
    {
        var code = ErrorCode(body);
        if (code is "SessionIdNotFound" or "SessionNotValid")
            return new ShareSessionExpiredException(code);
        return new SourceException(code is null ? $"HTTP {(int)status}" : $"HTTP {(int)status} {code}");
    }

    private static string? ErrorCode(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                   && doc.RootElement.TryGetProperty("Code", out var code) && code.ValueKind == JsonValueKind.String
                ? code.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Parses a ReadPublisherLatestGlucoseValues body. The epoch ms are the digits in <c>WT</c> (as the Nightscout
    /// bridge and xDrip read it; both <c>Date(ms)</c> and <c>/Date(ms)/</c> work); <c>DT</c>'s ±HHMM is kept as the
    /// display offset; <c>Trend</c> may be a name or (pre-2021) a number.
    /// </summary>
    internal static IReadOnlyList<GlucoseReading> ParseReadings(string body)
    {
        using var doc = JsonDocument.Parse(body);
        if (doc.RootElement.ValueKind != JsonValueKind.Array)
            throw new SourceException("malformed response: expected an array");
        var readings = new List<GlucoseReading>();
        foreach (var item in doc.RootElement.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object
                || !item.TryGetProperty("WT", out var wt) || wt.ValueKind != JsonValueKind.String
                || !item.TryGetProperty("Value", out var value) || value.ValueKind != JsonValueKind.Number)
                throw new SourceException("malformed response: a record lacks WT or Value");
            var ms = EpochDigits().Match(wt.GetString()!);
            if (!ms.Success)
                throw new SourceException("malformed response: WT has no epoch ms");
            var sensorTime = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(ms.Groups[1].Value, CultureInfo.InvariantCulture));

            string? trend = null;
            if (item.TryGetProperty("Trend", out var t))
                trend = t.ValueKind == JsonValueKind.String ? t.GetString() : t.ToString();

            TimeSpan? offset = null;
            if (item.TryGetProperty("DT", out var dt) && dt.ValueKind == JsonValueKind.String
                && DisplayOffset().Match(dt.GetString()!) is { Success: true } m)
            {
                var sign = m.Groups[1].Value == "-" ? -1 : 1;
                var hours = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
                var minutes = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
                offset = sign * new TimeSpan(hours, minutes, 0);
            }

            readings.Add(new GlucoseReading(sensorTime, (int)Math.Round(value.GetDouble()), ReadingSources.DexcomShare, trend, offset));
        }
        return readings;
    }

    [GeneratedRegex(@"\((-?\d+)")]
    private static partial Regex EpochDigits();

    [GeneratedRegex(@"\(\d+([+-])(\d{2})(\d{2})\)")]
    private static partial Regex DisplayOffset();
}
