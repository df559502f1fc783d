using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Scenarios.Model;
using Simulator.Faults;
using Simulator.Faults.Auth;
using Simulator.Faults.Partial;
using Simulator.Glucose;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Simulator.Vendors.Nightscout;

/// <summary>
/// Nightscout (cgm-remote-monitor 15) API v1 entries: GET newest first with <c>count</c> and
/// <c>find[date][$gt|$gte]</c>, POST of one entry or an array with the <c>api-secret</c> header, idempotent on
/// sensor time. Reads are anonymous, as with the default <c>AUTH_DEFAULT_ROLES=readable</c>.
/// </summary>
public sealed class NightscoutFake : VendorFake
{
    private const string EntriesPattern = @"^/[a-z0-9-]+/api/v1/entries(/sgv|/current)?(\.json)?$";
    private readonly Dictionary<string, NightscoutSite> _sites;

    public NightscoutFake(FakeContext context, IEnumerable<NightscoutSite> sites) : base(VendorIds.Nightscout, context)
    {
        _sites = sites.ToDictionary(s => s.Patient, StringComparer.Ordinal);
        Store = new ReadingStore(Vendor, context);
    }

    public ReadingStore Store { get; }

    public Uri SiteUrl(string patient) => new(BaseUrl, $"/{patient}");

    protected override string? EndpointOf(HttpRequest request)
    {
        if (!(request.Path.Value ?? "").Contains("/api/v1/entries", StringComparison.Ordinal)) return null;
        return HttpMethods.IsPost(request.Method) ? "upload" : "read";
    }

    /// <summary>The account is the site a request addresses: one site per patient, under its own path prefix.</summary>
    protected override async ValueTask<RequestIdentity> IdentifyAsync(HttpContext http)
    {
        var identity = await base.IdentifyAsync(http);
        var segments = (http.Request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length > 0 && _sites.TryGetValue(segments[0], out var site) ? identity with { Account = site.Patient } : identity;
    }

    public override (string ContentType, string Body) ErrorBody(int status) =>
        ("application/json", JsonSerializer.Serialize(new { status, message = status >= 500 ? "Internal Server Error" : "Error" }));

    protected override IEnumerable<(HttpMethod, string)> WarmUpRequests() =>
        [(HttpMethod.Get, "/warm-up/api/v1/entries/sgv.json?count=1"), (HttpMethod.Post, "/warm-up/api/v1/entries")];

    protected override void Map(WireMockServer server)
    {
        server.Given(Request.Create().WithPath(new RegexMatcher(EntriesPattern)).UsingGet())
              .RespondWith(Response.Create().WithCallback(Read));
        server.Given(Request.Create().WithPath(new RegexMatcher(EntriesPattern)).UsingPost())
              .RespondWith(Response.Create().WithCallback(Upload));
        server.Given(Request.Create().WithPath(new RegexMatcher(@"^/[a-z0-9-]+/api/v1/status(\.json)?$")).UsingGet())
              .RespondWith(Response.Create().WithCallback(Status));
    }

    private ResponseMessage Read(IRequestMessage request)
    {
        if (Site(request) is not { } site) return NotFound();
        var secret = Header(request, "api-secret");
        if (secret is not null && (!site.Accepts(secret) || CredentialsRefused())) return Unauthorized();
        var count = request.Path.EndsWith("/current.json", StringComparison.Ordinal) || request.Path.EndsWith("/current", StringComparison.Ordinal)
            ? 1 : QueryLong(request, "count") is { } c ? (int)Math.Clamp(c, 1, 100_000) : 10;
        var after = QueryLong(request, "find[date][$gt]") is { } gt ? DateTimeOffset.FromUnixTimeMilliseconds(gt + 1)
                  : QueryLong(request, "find[date][$gte]") is { } gte ? DateTimeOffset.FromUnixTimeMilliseconds(gte)
                  : DateTimeOffset.MinValue;
        var readings = FollowerReads.Read(Store, site.Patient, after, count, Clock.GetUtcNow());
        return Json(200, readings.Select(r => Entry(r)).ToList());
    }

    private ResponseMessage Upload(IRequestMessage request)
    {
        if (Site(request) is not { } site) return NotFound();
        if (!site.Accepts(Header(request, "api-secret")) || CredentialsRefused()) return Unauthorized();
        JsonElement body;
        try { body = JsonDocument.Parse(request.Body ?? "").RootElement; }
        catch (JsonException) { return Json(400, new { status = 400, message = "Invalid JSON body" }); }
        var items = body.ValueKind == JsonValueKind.Array ? body.EnumerateArray().ToList() : [body];
        var stored = new List<Dictionary<string, object>>();
        foreach (var item in items)
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("date", out var date) || !date.TryGetInt64(out var ms)
                || !item.TryGetProperty("sgv", out var sgv) || !sgv.TryGetInt32(out var mgdl))
                return Json(400, new { status = 400, message = "Each entry needs numeric date and sgv" });
            var direction = item.TryGetProperty("direction", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            var reading = new Reading(site.Patient, DateTimeOffset.FromUnixTimeMilliseconds(ms), mgdl, ParseDirection(direction));
            Store.Accept(reading);
            stored.Add(Entry(reading));
        }
        return Json(200, stored);
    }

    private ResponseMessage Status(IRequestMessage request)
    {
        var now = Clock.GetUtcNow();
        return Json(200, new
        {
            status = "ok", name = "nightscout", version = "15.0.7", serverTime = now.ToString("O", CultureInfo.InvariantCulture),
            serverTimeEpoch = now.ToUnixTimeMilliseconds(), apiEnabled = true, careportalEnabled = false,
            settings = new { units = "mg/dl", thresholds = new { bgHigh = 260, bgTargetTop = 180, bgTargetBottom = 80, bgLow = 55 } },
            runtimeState = "loaded",
        });
    }

    private static Dictionary<string, object> Entry(Reading r) => new()
    {
        ["_id"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{r.Patient}/{r.SensorTime.ToUnixTimeMilliseconds()}")))[..24],
        ["type"] = "sgv",
        ["sgv"] = r.Mgdl,
        ["date"] = r.SensorTime.ToUnixTimeMilliseconds(),
        ["dateString"] = r.SensorTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["sysTime"] = r.SensorTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["direction"] = r.Trend.ToNightscoutDirection(),
        ["trend"] = (int)r.Trend,
        ["device"] = "cgm-simulator",
        ["utcOffset"] = 0,
    };

    private static Trend ParseDirection(string? direction) => direction switch
    {
        null => Trend.NotComputable,
        "NONE" => Trend.None,
        "NOT COMPUTABLE" => Trend.NotComputable,
        "RATE OUT OF RANGE" => Trend.RateOutOfRange,
        _ => Enum.TryParse<Trend>(direction, out var t) ? t : Trend.NotComputable,
    };

    private NightscoutSite? Site(IRequestMessage request)
    {
        var segments = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length > 0 && _sites.TryGetValue(segments[0], out var site) ? site : null;
    }

    private static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    // WireMock leaves query keys percent-encoded, and clients such as Python requests send find[date][$gt]
    // as find%5Bdate%5D%5B%24gt%5D, which Nightscout (Express) decodes: match keys decoded.
    private static long? QueryLong(IRequestMessage request, string name) =>
        request.Query?.FirstOrDefault(q => Uri.UnescapeDataString(q.Key) == name).Value?.FirstOrDefault() is { } text
        && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>
    /// An auth fault (login-fails) on a request that carries credentials: Nightscout has no sessions, it checks the
    /// api-secret on every request, so it refuses each one as it would a wrong secret. Anonymous reads are unaffected.
    /// </summary>
    private static bool CredentialsRefused() =>
        FaultRequest.Current?.Take<AuthFailure>(a => a.Mode == AuthMode.LoginFails) is not null;

    private static ResponseMessage Unauthorized() =>
        Json(401, new { status = 401, message = "Unauthorized", description = "Invalid/Missing" });

    private static ResponseMessage NotFound() => Json(404, new { status = 404, message = "Not found" });
}
