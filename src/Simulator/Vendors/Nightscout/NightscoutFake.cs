using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
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
/// Nightscout (cgm-remote-monitor 15.0.7, shared/spec/vendor-apis.md §2): API v1 entries (GET newest first with
/// <c>count</c> and <c>find[date][$gt|$gte]</c>; POST of one entry or an array, idempotent on sensor time), treatments and
/// devicestatus (GET/POST), status, verifyauth, JWTs from <c>/api/v2/authorization/request/{token}</c>, and API v3 entries.
/// Every request is authorised as Nightscout does it (§2.1): the hashed API secret (header <c>api-secret</c> or query
/// <c>secret</c>), an access token (<c>?token=</c>, or its SHA-1 in <c>api-secret</c>) or a JWT (<c>Authorization: Bearer</c>)
/// with its roles' permissions, else the site's <c>AUTH_DEFAULT_ROLES</c> (default <c>readable</c>: anonymous reads).
/// </summary>
/// <remarks>
/// Choices where the spec has no fact (§8), stated so they can be changed:
/// a malformed JSON body answers Express's production error page (HTTP 400, <c>text/html</c>, <c>&lt;pre&gt;Bad Request&lt;/pre&gt;</c>),
/// as body-parser fails before any Nightscout code runs; an unknown route answers Express's <c>Cannot GET /path</c> page;
/// a body sent with a non-JSON Content-Type is ignored as body-parser ignores it (the request is handled as bodiless);
/// credentials that match nothing answer 401 even where anonymous access would do; the 5 s <c>AUTH_FAIL_DELAY</c> is not
/// emulated; JWTs live <see cref="JwtLifetime"/> (default 8 h, §2.1); API v3 answers 401
/// <c>Missing or bad access token or JWT</c> / 403 <c>Missing permission …</c> (lib/api3 messages, not in the spec),
/// takes a token or JWT only, lists newest first by default with <c>limit</c> default 10 (max 1000), and answers every
/// create 201. Treatments dedupe on <c>created_at</c> + <c>eventType</c>; PUT/DELETE are not served.
/// </remarks>
public sealed class NightscoutFake : VendorFake
{
    private const string SitePrefix = "^/[A-Za-z0-9_-]+";
    private const string EntriesPattern = SitePrefix + @"/api/v1/entries(/sgv|/current)?(\.json)?$";
    private const string JsonType = "application/json; charset=utf-8";
    private const string Unauthorized401 = """{"status":401,"message":"Unauthorized","description":"Invalid/Missing"}""";
    private readonly Dictionary<string, NightscoutSite> _sites;
    private readonly Dictionary<string, Collection> _treatments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Collection> _deviceStatus = new(StringComparer.Ordinal);
    private long _documents;

    public NightscoutFake(FakeContext context, IEnumerable<NightscoutSite> sites) : base(VendorIds.Nightscout, context)
    {
        _sites = sites.ToDictionary(s => s.Patient, StringComparer.Ordinal);
        foreach (var patient in _sites.Keys)
        {
            _treatments[patient] = new Collection();
            _deviceStatus[patient] = new Collection();
        }
        Store = new ReadingStore(Vendor, context);
    }

    public ReadingStore Store { get; }

    /// <summary>How long a JWT from <c>/api/v2/authorization/request/{token}</c> is good for (virtual time). Default 8 h (§2.1).</summary>
    public TimeSpan JwtLifetime { get; init; } = TimeSpan.FromHours(8);

    public Uri SiteUrl(string patient) => new(BaseUrl, $"/{patient}");

    protected override string? EndpointOf(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        if (path.Contains("/api/v1/entries", StringComparison.Ordinal) || path.Contains("/api/v3/entries", StringComparison.Ordinal))
            return HttpMethods.IsPost(request.Method) ? "upload" : "read";
        if (path.Contains("/api/v1/treatments", StringComparison.Ordinal)) return "treatments";
        if (path.Contains("/api/v1/devicestatus", StringComparison.Ordinal)) return "devicestatus";
        if (path.Contains("/api/v1/status", StringComparison.Ordinal) || path.Contains("/api/v1/verifyauth", StringComparison.Ordinal)) return "status";
        return null;
    }

    /// <summary>The account is the site a request addresses: one site per patient, under its own path prefix.</summary>
    protected override async ValueTask<RequestIdentity> IdentifyAsync(HttpContext http)
    {
        var identity = await base.IdentifyAsync(http);
        var segments = (http.Request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length > 0 && _sites.TryGetValue(segments[0], out var site) ? identity with { Account = site.Patient } : identity;
    }

    public override (string ContentType, string Body) ErrorBody(int status) =>
        (JsonType, JsonSerializer.Serialize(new { status, message = status >= 500 ? "Internal Server Error" : "Error" }, Wire));

    protected override IEnumerable<(HttpMethod, string)> WarmUpRequests() =>
        [(HttpMethod.Get, "/warm-up/api/v1/entries/sgv.json?count=1"), (HttpMethod.Post, "/warm-up/api/v1/entries")];

    protected override void Map(WireMockServer server)
    {
        Route(server, EntriesPattern, "GET", Read);
        Route(server, EntriesPattern, "POST", Upload);
        Route(server, SitePrefix + @"/api/v1/treatments(\.json)?$", "GET", r => List(r, _treatments, "treatments"));
        Route(server, SitePrefix + @"/api/v1/treatments(\.json)?$", "POST", r => Insert(r, _treatments, "treatments", PrepareTreatment));
        Route(server, SitePrefix + @"/api/v1/devicestatus(\.json)?$", "GET", r => List(r, _deviceStatus, "devicestatus"));
        Route(server, SitePrefix + @"/api/v1/devicestatus(\.json)?$", "POST", r => Insert(r, _deviceStatus, "devicestatus", null));
        Route(server, SitePrefix + @"/api/v1/status(\.json|\.txt|\.html)?$", "GET", Status);
        Route(server, SitePrefix + "/api/v1/verifyauth$", "GET", VerifyAuth);
        Route(server, SitePrefix + "/api/v2/authorization/request/[^/]+$", "GET", RequestJwt);
        Route(server, SitePrefix + "/api/v3/entries$", "GET", V3Read);
        Route(server, SitePrefix + "/api/v3/entries$", "POST", V3Create);
        server.Given(Request.Create().WithPath(new RegexMatcher(".*")).UsingAnyMethod()).AtPriority(1000)
              .RespondWith(Response.Create().WithCallback(r => ExpressError(404, $"Cannot {r.Method} {r.Path}")));
    }

    private static void Route(WireMockServer server, string pattern, string method, Func<IRequestMessage, ResponseMessage> handler) =>
        server.Given(Request.Create().WithPath(new RegexMatcher(pattern)).UsingMethod(method))
              .RespondWith(Response.Create().WithCallback(handler));

    // ---- v1 entries -------------------------------------------------------------------------------------------------

    private ResponseMessage Read(IRequestMessage request)
    {
        if (Site(request) is not { } site) return NotFound();
        if (Authorize(site, request, "api:entries:read") is { } refused) return refused;
        var count = request.Path.EndsWith("/current.json", StringComparison.Ordinal) || request.Path.EndsWith("/current", StringComparison.Ordinal)
            ? 1 : QueryLong(request, "count") is { } c ? (int)Math.Clamp(c, 1, 100_000) : 10;
        var after = QueryLong(request, "find[date][$gt]") is { } gt ? DateTimeOffset.FromUnixTimeMilliseconds(gt + 1)
                  : QueryLong(request, "find[date][$gte]") is { } gte ? DateTimeOffset.FromUnixTimeMilliseconds(gte)
                  : DateTimeOffset.MinValue;
        var readings = FollowerReads.Read(Store, site.Patient, after, count, Clock.GetUtcNow());
        return Json(readings.Select(r => Entry(r)).ToList());
    }

    private ResponseMessage Upload(IRequestMessage request)
    {
        if (Site(request) is not { } site) return NotFound();
        if (!TryBody(request, out var body)) return BadJson();
        if (Authorize(site, request, "api:entries:create") is { } refused) return refused;
        var items = body.ValueKind == JsonValueKind.Array ? body.EnumerateArray().ToList() : [body];
        var stored = new List<Dictionary<string, object>>();
        foreach (var item in items)
        {
            if (ParseEntry(site, item) is not { } reading)
                return Json(new { status = 400, message = "Each entry needs numeric date and sgv" }, 400);
            Store.Accept(reading);
            stored.Add(Entry(reading));
        }
        return Json(stored);
    }

    private static Reading? ParseEntry(NightscoutSite site, JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("date", out var date) || !date.TryGetInt64(out var ms)
            || !item.TryGetProperty("sgv", out var sgv) || !sgv.TryGetInt32(out var mgdl))
            return null;
        var direction = item.TryGetProperty("direction", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        return new Reading(site.Patient, DateTimeOffset.FromUnixTimeMilliseconds(ms), mgdl, ParseDirection(direction));
    }

    // ---- v1 treatments and devicestatus -------------------------------------------------------------------------------

    private ResponseMessage List(IRequestMessage request, Dictionary<string, Collection> collections, string name)
    {
        if (Site(request) is not { } site) return NotFound();
        if (Authorize(site, request, $"api:{name}:read") is { } refused) return refused;
        var count = QueryLong(request, "count") is { } c ? (int)Math.Clamp(c, 1, 100_000) : 10;
        var from = QueryDate(request, "find[created_at][$gte]") ?? QueryDate(request, "find[created_at][$gt]")?.AddTicks(1) ?? DateTimeOffset.MinValue;
        var to = QueryDate(request, "find[created_at][$lte]") ?? QueryDate(request, "find[created_at][$lt]")?.AddTicks(-1) ?? DateTimeOffset.MaxValue;
        var docs = collections[site.Patient].Newest(from, to, count);
        return Text(200, new JsonArray([.. docs]).ToJsonString(Wire), JsonType);
    }

    private ResponseMessage Insert(IRequestMessage request, Dictionary<string, Collection> collections, string name, Action<JsonObject>? prepare)
    {
        if (Site(request) is not { } site) return NotFound();
        if (!TryBody(request, out var body)) return BadJson();
        if (Authorize(site, request, $"api:{name}:create") is { } refused) return refused;
        var items = body.ValueKind == JsonValueKind.Array ? body.EnumerateArray().ToList() : [body];
        var docs = new List<JsonObject>();
        foreach (var item in items)
        {
            var doc = item.ValueKind == JsonValueKind.Object ? JsonNode.Parse(item.GetRawText())!.AsObject() : [];
            doc.Remove("secret");
            var createdAt = NormalizeCreatedAt(doc);
            prepare?.Invoke(doc);
            docs.Add(collections[site.Patient].Upsert(doc, createdAt, name == "treatments", NewObjectId));
        }
        return Text(200, new JsonArray([.. docs.Select(d => d.DeepClone())]).ToJsonString(Wire), JsonType);
    }

    /// <summary><c>created_at</c> as UTC ISO with milliseconds (now when absent) and <c>utcOffset</c> from the offset sent.</summary>
    private DateTimeOffset NormalizeCreatedAt(JsonObject doc)
    {
        var sent = doc["created_at"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var at = sent is not null && DateTimeOffset.TryParse(sent, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed : Clock.GetUtcNow();
        doc["created_at"] = Iso(at);
        doc["utcOffset"] = (int)at.Offset.TotalMinutes;
        return at;
    }

    private static void PrepareTreatment(JsonObject doc)
    {
        if (doc["eventType"] is null) doc["eventType"] = "<none>";
    }

    private string NewObjectId()
    {
        var n = Interlocked.Increment(ref _documents);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"doc/{n}"))))[..24];
    }

    // ---- status, verifyauth, JWT ----------------------------------------------------------------------------------------

    private ResponseMessage Status(IRequestMessage request)
    {
        if (Site(request) is not { } site) return NotFound();
        var auth = Resolve(site, request);
        if (Refusal(auth, "api:status:read") is { } refused) return refused;
        if (request.Path.EndsWith(".txt", StringComparison.Ordinal)) return Text(200, "STATUS OK", "text/plain; charset=utf-8");
        if (request.Path.EndsWith(".html", StringComparison.Ordinal)) return Text(200, "<h1>STATUS OK</h1>", "text/html; charset=utf-8");
        var now = Clock.GetUtcNow();
        return Json(new
        {
            status = "ok", name = "nightscout", version = "15.0.7", serverTime = Iso(now),
            serverTimeEpoch = now.ToUnixTimeMilliseconds(), apiEnabled = true, careportalEnabled = false, boluscalcEnabled = false,
            settings = new { units = "mg/dl", thresholds = new { bgHigh = 260, bgTargetTop = 180, bgTargetBottom = 80, bgLow = 55 }, authDefaultRoles = string.Join(' ', site.DefaultRoles) },
            extendedSettings = new { },
            authorized = auth.Subject is null ? null : new { sub = auth.Subject, permissionGroups = new[] { auth.Permissions } },
            runtimeState = "loaded",
        });
    }

    /// <summary>What the credentials sent allow (lib/api/verifyauth.js): always 200, UNAUTHORIZED when they match nothing.</summary>
    private ResponseMessage VerifyAuth(IRequestMessage request)
    {
        if (Site(request) is not { } site) return NotFound();
        var auth = Resolve(site, request);
        var granted = auth.Valid ? auth.Permissions : NightscoutPermissions.OfRoles(site.DefaultRoles);
        var found = auth.Valid && auth.Supplied;
        return Json(new
        {
            status = 200,
            message = new
            {
                canRead = NightscoutPermissions.Permits(granted, "api:entries:read"),
                canWrite = NightscoutPermissions.Permits(granted, "api:entries:create"),
                isAdmin = NightscoutPermissions.Permits(granted, "*"),
                message = auth.Valid ? "OK" : "UNAUTHORIZED",
                rolefound = found ? "FOUND" : "NOTFOUND",
                permissions = found ? "ROLE" : "DEFAULT",
            },
        });
    }

    private ResponseMessage RequestJwt(IRequestMessage request)
    {
        if (Site(request) is not { } site) return NotFound();
        var value = Uri.UnescapeDataString(request.Path[(request.Path.LastIndexOf('/') + 1)..]);
        if (site.TokenFor(value, allowHash: false) is not { } token || CredentialsRefused()) return Unauthorized();
        var iat = Clock.GetUtcNow().ToUnixTimeSeconds();
        var exp = iat + (long)JwtLifetime.TotalSeconds;
        return Json(new { token = NightscoutJwt.Sign(site, token.Token, iat, exp), sub = token.Name, permissionGroups = token.PermissionGroups, iat, exp });
    }

    // ---- v3 ------------------------------------------------------------------------------------------------------------

    private ResponseMessage V3Read(IRequestMessage request)
    {
        if (Site(request) is not { } site) return NotFound();
        if (V3Authorize(site, request, "api:entries:read") is { } refused) return refused;
        var limit = QueryLong(request, "limit") is { } l ? (int)Math.Clamp(l, 1, 1000) : 10;
        var after = QueryLong(request, "date$gt") is { } gt ? DateTimeOffset.FromUnixTimeMilliseconds(gt + 1)
                  : QueryLong(request, "date$gte") is { } gte ? DateTimeOffset.FromUnixTimeMilliseconds(gte)
                  : DateTimeOffset.MinValue;
        IEnumerable<Reading> readings = FollowerReads.Read(Store, site.Patient, after, limit, Clock.GetUtcNow());
        if (QueryString(request, "sort") == "date") readings = readings.Reverse();
        return Json(new { status = 200, result = readings.Select(V3Entry).ToList() });
    }

    private ResponseMessage V3Create(IRequestMessage request)
    {
        if (Site(request) is not { } site) return NotFound();
        if (!TryBody(request, out var body)) return BadJson();
        if (V3Authorize(site, request, "api:entries:create") is { } refused) return refused;
        if (body.ValueKind != JsonValueKind.Object)
            return Json(new { status = 400, message = "Bad or missing request body" }, 400);
        if (ParseEntry(site, body) is not { } reading)
            return Json(new { status = 400, message = "Bad or missing date field" }, 400);
        Store.Accept(reading);
        var identifier = Identifier(reading);
        var response = Json(new { status = 201, identifier, lastModified = Clock.GetUtcNow().ToUnixTimeMilliseconds() }, 201);
        response.AddHeader("Location", $"{request.Url.Split('?')[0].TrimEnd('/')}/{identifier}");
        return response;
    }

    private ResponseMessage? V3Authorize(NightscoutSite site, IRequestMessage request, string permission)
    {
        var bearer = Bearer(request);
        var token = QueryString(request, "token");
        var auth = bearer is not null ? FromJwt(site, bearer) : token is not null ? FromToken(site, token) : Auth.Invalid;
        if (!auth.Valid || CredentialsRefused())
            return Json(new { status = 401, message = "Missing or bad access token or JWT" }, 401);
        return NightscoutPermissions.Permits(auth.Permissions, permission)
            ? null
            : Json(new { status = 403, message = $"Missing permission {permission}" }, 403);
    }

    private Dictionary<string, object> V3Entry(Reading r)
    {
        var ms = r.SensorTime.ToUnixTimeMilliseconds();
        return new()
        {
            ["identifier"] = Identifier(r),
            ["type"] = "sgv",
            ["sgv"] = r.Mgdl,
            ["date"] = ms,
            ["dateString"] = Iso(r.SensorTime),
            ["direction"] = r.Trend.ToNightscoutDirection(),
            ["device"] = "cgm-simulator",
            ["utcOffset"] = 0,
            ["srvCreated"] = ms,
            ["srvModified"] = ms,
        };
    }

    private static string Identifier(Reading r) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{r.Patient}/sgv/{r.SensorTime.ToUnixTimeMilliseconds()}"))[..16]).ToString();

    // ---- authorisation ---------------------------------------------------------------------------------------------------

    /// <summary>Who the request is and what it may do (§2.1): secret, then token, then JWT, else the default roles.</summary>
    private Auth Resolve(NightscoutSite site, IRequestMessage request)
    {
        var secret = Header(request, "api-secret") ?? QueryString(request, "secret");
        if (secret is not null)
        {
            if (site.Accepts(secret)) return new Auth(true, true, ["*"], "admin");
            return site.TokenFor(secret, allowHash: true) is { } byHash ? FromSubject(byHash) : Auth.Invalid;
        }
        if (Bearer(request) is { } jwt) return FromJwt(site, jwt);
        if (QueryString(request, "token") is { } token) return FromToken(site, token);
        return new Auth(true, false, NightscoutPermissions.OfRoles(site.DefaultRoles), null);
    }

    private Auth FromToken(NightscoutSite site, string value) =>
        value.Count(c => c == '.') == 2 ? FromJwt(site, value)
        : site.TokenFor(value, allowHash: false) is { } token ? FromSubject(token) : Auth.Invalid;

    private Auth FromJwt(NightscoutSite site, string jwt) =>
        NightscoutJwt.Verify(site, jwt, Clock.GetUtcNow()) is { } value && site.TokenFor(value, allowHash: false) is { } token
            ? FromSubject(token) : Auth.Invalid;

    private static Auth FromSubject(NightscoutAccessToken token) => new(true, true, NightscoutPermissions.OfRoles(token.Roles), token.Name);

    private ResponseMessage? Authorize(NightscoutSite site, IRequestMessage request, string permission) =>
        Refusal(Resolve(site, request), permission);

    private static ResponseMessage? Refusal(Auth auth, string permission) =>
        !auth.Valid || (auth.Supplied && CredentialsRefused()) || !NightscoutPermissions.Permits(auth.Permissions, permission) ? Unauthorized() : null;

    private sealed record Auth(bool Valid, bool Supplied, IReadOnlyList<string> Permissions, string? Subject)
    {
        public static readonly Auth Invalid = new(false, true, [], null);
    }

    /// <summary>
    /// An auth fault (login-fails) on a request that carries credentials: Nightscout has no sessions, it checks the
    /// api-secret on every request, so it refuses each one as it would a wrong secret. Anonymous reads are unaffected.
    /// </summary>
    private static bool CredentialsRefused() =>
        FaultRequest.Current?.Take<AuthFailure>(a => a.Mode == AuthMode.LoginFails) is not null;

    private static string? Bearer(IRequestMessage request) =>
        Header(request, "Authorization") is { } value && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value[7..].Trim() : null;

    // ---- helpers ---------------------------------------------------------------------------------------------------------

    private static Dictionary<string, object> Entry(Reading r) => new()
    {
        ["_id"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{r.Patient}/{r.SensorTime.ToUnixTimeMilliseconds()}")))[..24],
        ["type"] = "sgv",
        ["sgv"] = r.Mgdl,
        ["date"] = r.SensorTime.ToUnixTimeMilliseconds(),
        ["dateString"] = Iso(r.SensorTime),
        ["sysTime"] = Iso(r.SensorTime),
        ["direction"] = r.Trend.ToNightscoutDirection(),
        ["trend"] = (int)r.Trend,
        ["device"] = "cgm-simulator",
        ["utcOffset"] = 0,
    };

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

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

    /// <summary>
    /// The JSON body as body-parser leaves it: false when a JSON Content-Type carries something that does not parse; a body
    /// of another type (or none) is not parsed and reads as <c>{}</c>.
    /// </summary>
    private static bool TryBody(IRequestMessage request, out JsonElement body)
    {
        body = JsonDocument.Parse("{}").RootElement;
        var type = Header(request, "Content-Type")?.Split(';')[0].Trim();
        var json = type is not null && (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        if (!json || string.IsNullOrEmpty(request.Body)) return true;
        try
        {
            using var doc = JsonDocument.Parse(request.Body);
            body = doc.RootElement.Clone();
            // body-parser's strict mode: only objects and arrays.
            return body.ValueKind is JsonValueKind.Object or JsonValueKind.Array;
        }
        catch (JsonException) { return false; }
    }

    private static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    // WireMock leaves query keys percent-encoded, and clients such as Python requests send find[date][$gt]
    // as find%5Bdate%5D%5B%24gt%5D, which Nightscout (Express) decodes: match keys decoded.
    private static string? QueryString(IRequestMessage request, string name) =>
        request.Query?.FirstOrDefault(q => Uri.UnescapeDataString(q.Key) == name).Value?.FirstOrDefault();

    private static long? QueryLong(IRequestMessage request, string name) =>
        QueryString(request, name) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static DateTimeOffset? QueryDate(IRequestMessage request, string name) =>
        QueryString(request, name) is { } text && DateTimeOffset.TryParse(Uri.UnescapeDataString(text), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    /// <summary>Express's JSON (JSON.stringify): nothing but quotes, backslashes and control characters escaped.</summary>
    private static readonly JsonSerializerOptions Wire = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static ResponseMessage Json(object body, int status = 200) => Text(status, JsonSerializer.Serialize(body, Wire), JsonType);

    private static ResponseMessage Unauthorized() => Text(401, Unauthorized401, JsonType);

    private static ResponseMessage NotFound() => Json(new { status = 404, message = "Not found" }, 404);

    private static ResponseMessage BadJson() => ExpressError(400, "Bad Request");

    /// <summary>Express's finalhandler page in production, what a client gets for errors no Nightscout code handles.</summary>
    private static ResponseMessage ExpressError(int status, string text)
    {
        var page = $"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Error</title>\n</head>\n<body>\n<pre>{System.Net.WebUtility.HtmlEncode(text)}</pre>\n</body>\n</html>\n";
        var message = Text(status, page, "text/html; charset=utf-8");
        message.AddHeader("Content-Security-Policy", "default-src 'none'");
        message.AddHeader("X-Content-Type-Options", "nosniff");
        return message;
    }

    /// <summary>One site's treatments or device statuses, newest <c>created_at</c> first.</summary>
    private sealed class Collection
    {
        private readonly Lock _gate = new();
        private readonly List<(DateTimeOffset At, JsonObject Doc)> _docs = [];

        public JsonObject Upsert(JsonObject doc, DateTimeOffset at, bool dedupeOnEventType, Func<string> newId)
        {
            lock (_gate)
            {
                var existing = dedupeOnEventType
                    ? _docs.FindIndex(d => d.At == at && JsonNode.DeepEquals(d.Doc["eventType"], doc["eventType"]))
                    : -1;
                if (existing >= 0)
                {
                    doc["_id"] = _docs[existing].Doc["_id"]?.DeepClone();
                    _docs[existing] = (at, doc);
                }
                else
                {
                    if (doc["_id"] is null) doc["_id"] = newId();
                    _docs.Add((at, doc));
                }
                return (JsonObject)doc.DeepClone();
            }
        }

        public IReadOnlyList<JsonNode> Newest(DateTimeOffset from, DateTimeOffset to, int count)
        {
            lock (_gate)
                return [.. _docs.Where(d => d.At >= from && d.At <= to).OrderByDescending(d => d.At).Take(count).Select(d => d.Doc.DeepClone())];
        }
    }
}
