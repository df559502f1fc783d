using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
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

namespace Simulator.Vendors.DexcomShare;

/// <summary>
/// Dexcom Share (shared/spec/vendor-apis.md §1): both login flows, the follower read, and the publisher upload the phone
/// app uses, for one region (<see cref="DexcomShareOptions.Region"/>). Every call is a POST; the session parameter is
/// matched case-insensitively (<c>sessionId</c> and <c>sessionID</c> both occur); logical errors are HTTP 500 with
/// Share's Code/Message object; sessions time out on the virtual clock (<see cref="DexcomShareOptions.SessionIdleTimeout"/>).
/// </summary>
/// <remarks>
/// Choices where the spec has no fact (§8), each switchable through <see cref="DexcomShareOptions"/> or stated here:
/// a malformed or missing body, a missing field and an unknown application id answer 500 <c>InvalidArgument</c> (the code
/// the spec records for malformed login fields); a non-JSON Content-Type answers 415 with no body; a malformed session id
/// answers 400 with no body; the all-zeros session reads as HTTP 200 with an empty body (§1.7, pydexcom's note); paths the
/// service does not have answer 404 with a plain HTML page.
/// </remarks>
public sealed class DexcomShareFake : VendorFake
{
    private const int MaxMinutes = 1440, MaxCount = 288;
    private const string NoCache = "no-cache, no-store, max-age=0, must-revalidate";
    private readonly Dictionary<string, ShareAccount> _byName;
    private readonly Dictionary<Guid, ShareAccount> _byId;
    private readonly ConcurrentDictionary<Guid, ShareSession> _sessions = new();
    private readonly ConcurrentDictionary<Guid, LoginFailures> _failures = new();
    private readonly TimeSpan _displayOffset;
    private readonly Func<Guid> _newSessionId;
    private long _errors;

    public DexcomShareFake(FakeContext context, IEnumerable<ShareAccount> accounts, TimeSpan displayOffset, Random random, DexcomShareOptions? options = null)
        : base(VendorIds.DexcomShare, context)
    {
        var list = accounts.ToList();
        _byName = list.ToDictionary(a => a.AccountName, StringComparer.OrdinalIgnoreCase);
        _byId = list.ToDictionary(a => a.AccountId);
        _displayOffset = displayOffset;
        Options = options ?? DexcomShareOptions.Default;
        Store = new ReadingStore(Vendor, context);
        var gate = new Lock();
        _newSessionId = () => { var bytes = new byte[16]; lock (gate) random.NextBytes(bytes); return new Guid(bytes); };
    }

    public DexcomShareOptions Options { get; }

    public ReadingStore Store { get; }

    public Uri ServicesUrl => new(BaseUrl, ShareWire.BasePath);

    protected override string? EndpointOf(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        if (!path.StartsWith(ShareWire.BasePath, StringComparison.OrdinalIgnoreCase)) return null;
        var call = path[ShareWire.BasePath.Length..];
        if (call.Equals("General/SystemUtcTime", StringComparison.OrdinalIgnoreCase)) return null;
        if (call.StartsWith("General/", StringComparison.OrdinalIgnoreCase)) return "login";
        if (call.Equals("Publisher/ReadPublisherLatestGlucoseValues", StringComparison.OrdinalIgnoreCase)) return "read";
        return call.StartsWith("Publisher/", StringComparison.OrdinalIgnoreCase) ? "upload" : null;
    }

    /// <summary>The account behind a request: its session's, or on a login call the one its body names.</summary>
    protected override async ValueTask<RequestIdentity> IdentifyAsync(HttpContext http)
    {
        var identity = await base.IdentifyAsync(http);
        var raw = http.Request.Query.FirstOrDefault(q => q.Key.Equals("sessionId", StringComparison.OrdinalIgnoreCase)).Value.FirstOrDefault();
        if (Guid.TryParse(raw, out var id))
            return identity with { Account = _sessions.TryGetValue(id, out var open) ? open.Account.Patient : null };
        if (EndpointOf(http.Request) != "login")
            return identity;
        var body = Parse(await PeekBodyAsync(http.Request));
        var account = _byName.GetValueOrDefault(Field(body, "accountName"))
            ?? (Guid.TryParse(Field(body, "accountId"), out var accountId) ? _byId.GetValueOrDefault(accountId) : null);
        return identity with { Account = account?.Patient };
    }

    public override (string ContentType, string Body) ErrorBody(int status) => status == 500
        ? ("application/json", JsonSerializer.Serialize(ErrorObject("InternalError", "Error in the application."), Wire))
        : base.ErrorBody(status);

    protected override IEnumerable<(HttpMethod, string)> WarmUpRequests() =>
    [
        (HttpMethod.Post, ShareWire.BasePath + "General/AuthenticatePublisherAccount"),
        (HttpMethod.Post, ShareWire.BasePath + "General/LoginPublisherAccountByName"),
        (HttpMethod.Post, ShareWire.BasePath + "Publisher/ReadPublisherLatestGlucoseValues?sessionId=" + Guid.Empty),
        (HttpMethod.Post, ShareWire.BasePath + "Publisher/PostReceiverEgvRecords?sessionId=" + Guid.Empty),
    ];

    protected override void Map(WireMockServer server)
    {
        Post(server, "General/AuthenticatePublisherAccount", Authenticate);
        Post(server, "General/LoginPublisherAccountById", LoginById);
        Post(server, "General/LoginPublisherAccountByName", LoginByName);
        Post(server, "Publisher/ReadPublisherLatestGlucoseValues", Read);
        Post(server, "Publisher/PostReceiverEgvRecords", Upload);
        Post(server, "Publisher/StartRemoteMonitoringSession", r => WithSession(r, (_, _) => Text(200, "", null)));
        Post(server, "Publisher/IsRemoteMonitoringSessionActive", r => WithSession(r, (_, _) => ShareJson(200, true)));
        Post(server, "Publisher/CheckMonitoredReceiverAssignmentStatus", r => WithSession(r, (_, _) => ShareJson(200, "AssignedToYou")));
        server.Given(Request.Create().WithPath(ShareWire.BasePath + "General/SystemUtcTime").UsingGet())
              .RespondWith(Response.Create().WithCallback(_ => Headed(ShareJson(200, new Dictionary<string, object>
              {
                  ["DateTime"] = $"/Date({Clock.GetUtcNow().ToUnixTimeMilliseconds()})/",
                  ["OffsetMinutes"] = 0,
              }))));
        // Anything else (another path, or a GET on a POST call): a plain 404 page, never WireMock's own "no mapping" JSON.
        server.Given(Request.Create().WithPath(new RegexMatcher(".*")).UsingAnyMethod()).AtPriority(1000)
              .RespondWith(Response.Create().WithCallback(_ => Text(404, NotFoundPage, "text/html")));
    }

    private const string NotFoundPage = "<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>";

    /// <summary>Share's JSON is Jackson's: <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> and backticks are written as they are, quotes as <c>\"</c>.</summary>
    private static readonly JsonSerializerOptions Wire = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static ResponseMessage ShareJson(int status, object body) => Text(status, JsonSerializer.Serialize(body, Wire), "application/json");

    private static void Post(WireMockServer server, string call, Func<IRequestMessage, ResponseMessage> handler) =>
        server.Given(Request.Create().WithPath(ShareWire.BasePath + call).UsingPost())
              .RespondWith(Response.Create().WithCallback(r => Headed(handler(r))));

    /// <summary>The no-cache headers every recorded Share answer carries (§1.2).</summary>
    private static ResponseMessage Headed(ResponseMessage message)
    {
        message.AddHeader("Cache-Control", NoCache);
        message.AddHeader("Expires", "0");
        message.AddHeader("Pragma", "no-cache");
        message.AddHeader("X-Frame-Options", "DENY");
        return message;
    }

    private ResponseMessage Authenticate(IRequestMessage request)
    {
        if (AuthFault(AuthMode.LoginFails) is not null) return PasswordInvalid();
        if (LoginRequest(request, "accountName", out var body) is { } refused) return refused;
        var name = Field(body, "accountName");
        return CheckPassword(Known(_byName.GetValueOrDefault(name)), Field(body, "password"), name) is { } failed
            ? failed
            : ShareJson(200, _byName[name].AccountId.ToString());
    }

    private ResponseMessage LoginById(IRequestMessage request)
    {
        if (RefusedOrZeroSession() is { } faulted) return faulted;
        if (LoginRequest(request, "accountId", out var body) is { } refused) return refused;
        var raw = Field(body, "accountId");
        if (!Guid.TryParse(raw, out var id))
            return InvalidArgument($"Missing required field(s): JSON parse error: Cannot deserialize value of type `java.util.UUID` from String \"{raw}\": UUID has to be represented by standard 36-char representation");
        var account = Known(_byId.GetValueOrDefault(id));
        return CheckPassword(account, Field(body, "password"), raw) ?? NewSession(account!);
    }

    private ResponseMessage LoginByName(IRequestMessage request)
    {
        if (RefusedOrZeroSession() is { } faulted) return faulted;
        if (LoginRequest(request, "accountName", out var body) is { } refused) return refused;
        var name = Field(body, "accountName");
        var account = Known(_byName.GetValueOrDefault(name));
        if (CheckPassword(account, Field(body, "password"), name) is { } failed)
            return Options.LoginByNameAnswersZeroSessionOnFailure && IsCredentialFailure(failed) ? ShareJson(200, AuthFaultOptions.ZeroSessionId) : failed;
        return NewSession(account!);
    }

    /// <summary>An account this region serves: another region's is as unknown here as a name never registered (§1.1).</summary>
    private ShareAccount? Known(ShareAccount? account) => account is not null && account.Region == Options.Region ? account : null;

    /// <summary>
    /// What the login calls check before the credentials: a JSON body (and Content-Type), an object with the account field
    /// and a password, and an application id this region knows (in the body, or on the query as nightscout-connect adds it).
    /// </summary>
    private ResponseMessage? LoginRequest(IRequestMessage request, string accountField, out JsonElement body)
    {
        body = default;
        if (NotJson(request) is { } unsupported) return unsupported;
        if (string.IsNullOrWhiteSpace(request.Body))
            return InvalidArgument("Missing required field(s): request body is empty");
        if (!TryParse(request.Body, out body) || body.ValueKind != JsonValueKind.Object)
            return InvalidArgument("Missing required field(s): JSON parse error: the request body is not a JSON object");
        var applicationId = ApplicationId(request, body);
        var missing = new List<string>();
        if (Field(body, accountField).Length == 0) missing.Add(accountField);
        if (Field(body, "password").Length == 0) missing.Add("password");
        if (applicationId.Length == 0) missing.Add("applicationId");
        if (missing.Count > 0)
            return InvalidArgument($"Missing required field(s): {string.Join(", ", missing)}");
        return Options.AcceptedApplicationIds.Contains(applicationId, StringComparer.OrdinalIgnoreCase)
            ? null
            : InvalidArgument($"Invalid application id. [ApplicationId = {applicationId}]");
    }

    private static string ApplicationId(IRequestMessage request, JsonElement body) =>
        Field(body, "applicationId") is { Length: > 0 } id ? id
        : request.QueryIgnoreCase?.TryGetValue("applicationId", out var values) == true ? values.FirstOrDefault() ?? "" : "";

    /// <summary>A body sent as something other than JSON: 415, no body ([unconfirmed], see <see cref="DexcomShareOptions.RequireJsonContentType"/>).</summary>
    private ResponseMessage? NotJson(IRequestMessage request)
    {
        if (!Options.RequireJsonContentType || string.IsNullOrEmpty(request.Body)) return null;
        var type = request.Headers?.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        var media = type?.Split(';')[0].Trim();
        return media is not null && (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
            ? null
            : Text(415, "", null);
    }

    /// <summary>Null when the password opens the account; else the failure, counting towards a lock when locks are on.</summary>
    private ResponseMessage? CheckPassword(ShareAccount? account, string password, string named)
    {
        var now = Clock.GetUtcNow();
        if (account is null)
            return Options.LoginErrors == ShareLoginErrors.Legacy ? Sso("SSO_AuthenticateAccountNotFound", named) : PasswordInvalid();
        var failures = _failures.GetOrAdd(account.AccountId, _ => new LoginFailures());
        lock (failures)
        {
            if (failures.LockedUntil > now)
                return MaxAttempts(account);
            if (account.Password == password)
            {
                failures.Count = 0;
                return null;
            }
            failures.Count++;
            if (Options.LockAfterFailedLogins is { } max && failures.Count >= max)
            {
                failures.LockedUntil = now + Options.LockDuration;
                failures.Count = 0;
            }
        }
        return Options.LoginErrors == ShareLoginErrors.Legacy ? Sso("SSO_AuthenticatePasswordInvalid", account.AccountId.ToString()) : PasswordInvalid();
    }

    private static bool IsCredentialFailure(ResponseMessage failed) => failed.StatusCode is 500;

    private ResponseMessage MaxAttempts(ShareAccount account) =>
        Error("SSO_AuthenticateMaxAttemptsExceeded", $"Maximum authentication attempts exceeded. AccountId={account.AccountId}");

    private ResponseMessage Sso(string code, string named) => Error(code, $"Simulate SSO: Authentication failed. AccountId={named}");

    private ResponseMessage NewSession(ShareAccount account)
    {
        var session = _newSessionId();
        _sessions[session] = new ShareSession(account, Clock.GetUtcNow());
        return ShareJson(200, session.ToString());
    }

    /// <summary>An auth fault on a session login: refused as a wrong password, or "logged in" with the all-zeros id whatever the credentials.</summary>
    private ResponseMessage? RefusedOrZeroSession() =>
        AuthFault(AuthMode.LoginFails) is not null ? PasswordInvalid()
        : AuthFault(AuthMode.ZeroSession) is not null ? ShareJson(200, AuthFaultOptions.ZeroSessionId)
        : null;

    private static AuthFailure? AuthFault(AuthMode mode, Func<AuthFailure, bool>? when = null) =>
        FaultRequest.Current?.Take<AuthFailure>(a => a.Mode == mode && (when is null || when(a)));

    private ResponseMessage Read(IRequestMessage request) => WithSession(request, (account, _) =>
    {
        // Lenient like the real service is assumed to be (§1.4, §8): out-of-range windows are clamped, not refused.
        var minutes = Math.Clamp(QueryInt(request, "minutes", MaxMinutes), 1, MaxMinutes);
        var maxCount = Math.Clamp(QueryInt(request, "maxCount", 1), 1, MaxCount);
        var now = Clock.GetUtcNow();
        var readings = FollowerReads.Read(Store, account.Patient, now - TimeSpan.FromMinutes(minutes), maxCount, now);
        return ShareJson(200, readings.Select(r => ShareWire.Record(r, _displayOffset)).ToList());
    });

    private ResponseMessage Upload(IRequestMessage request) => WithSession(request, (account, _) =>
    {
        if (NotJson(request) is { } unsupported) return unsupported;
        var body = Body(request);
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("Egvs", out var egvs) || egvs.ValueKind != JsonValueKind.Array)
            return InvalidArgument("Missing required field(s): Egvs");
        foreach (var egv in egvs.EnumerateArray())
        {
            var time = ShareWire.ParseDate(Str(egv, "ST")) ?? ShareWire.ParseDate(Str(egv, "DT"));
            if (time is null || !egv.TryGetProperty("Value", out var value) || !value.TryGetInt32(out var mgdl))
                return InvalidArgument("Egv record needs ST (or DT) and an integer Value");
            var trend = egv.TryGetProperty("Trend", out var t) ? ShareWire.ParseTrend(t) : Trend.NotComputable;
            Store.Accept(new Reading(account.Patient, time.Value, mgdl, trend));
        }
        return Text(200, "", null);
    });

    private ResponseMessage WithSession(IRequestMessage request, Func<ShareAccount, Guid, ResponseMessage> handler)
    {
        var raw = request.QueryIgnoreCase?.TryGetValue("sessionId", out var values) == true ? values.FirstOrDefault() : null;
        if (!Guid.TryParse(raw, out var session))
            return Text(400, "", null);
        // What Share answers calls made with the all-zeros session (§1.7): 200 with nothing in it, not even JSON.
        if (session == Guid.Empty)
        {
            AuthFault(AuthMode.ZeroSession);
            return Text(200, "", "application/json");
        }
        if (!_sessions.TryGetValue(session, out var open))
            return SessionIdNotFound(session);
        var now = Clock.GetUtcNow();
        if (open.Expired(now, Options))
            return SessionNotValid(session);
        if (AuthFault(AuthMode.SessionsRevoked, a => open.OpenedAt < a.Since) is { } revoked)
        {
            // Revoked for good, as a real revocation is: the client has to log in again.
            _sessions.TryRemove(session, out _);
            return revoked.SessionError == ShareSessionError.SessionNotValid ? SessionNotValid(session) : SessionIdNotFound(session);
        }
        open.Touch(now);
        return handler(open.Account, session);
    }

    private ResponseMessage SessionIdNotFound(Guid session) =>
        Error("SessionIdNotFound", $"Failed to find session object. [SessionId = {session}]");

    private ResponseMessage SessionNotValid(Guid session) =>
        Error("SessionNotValid", $"Session not active or timed out. [SessionId = {session}]");

    private ResponseMessage PasswordInvalid() => Error("AccountPasswordInvalid", "Publisher account password failed");

    private ResponseMessage InvalidArgument(string message) => Error("InvalidArgument", message);

    private ResponseMessage Error(string code, string message) => ShareJson(500, ErrorObject(code, message));

    /// <summary>
    /// Share's error object, stamped with the virtual time and an id that is a function of the error's sequence number, so a
    /// seeded run answers the same bytes every time.
    /// </summary>
    private object ErrorObject(string code, string message)
    {
        var n = Interlocked.Increment(ref _errors);
        var id = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Vendor}/{n}")))[..16]);
        return ShareWire.Error(code, message, Clock.GetUtcNow(), id);
    }

    private static JsonElement Body(IRequestMessage request) => Parse(request.Body);

    private static JsonElement Parse(string? body) => TryParse(body, out var element) ? element : default;

    private static bool TryParse(string? body, out JsonElement element)
    {
        element = default;
        if (string.IsNullOrWhiteSpace(body)) return false;
        try
        {
            using var doc = JsonDocument.Parse(body);
            element = doc.RootElement.Clone();
            return true;
        }
        catch (JsonException) { return false; }
    }

    /// <summary>An open session: when it was opened and last used (virtual), for the timeouts and the sessions-revoked fault.</summary>
    private sealed class ShareSession(ShareAccount account, DateTimeOffset openedAt)
    {
        private long _lastUsedTicks = openedAt.UtcTicks;

        public ShareAccount Account { get; } = account;
        public DateTimeOffset OpenedAt { get; } = openedAt;

        public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastUsedTicks, now.UtcTicks);

        public bool Expired(DateTimeOffset now, DexcomShareOptions options) =>
            (options.SessionIdleTimeout is { } idle && now - new DateTimeOffset(Interlocked.Read(ref _lastUsedTicks), TimeSpan.Zero) >= idle)
            || (options.SessionMaxAge is { } max && now - OpenedAt >= max);
    }

    private sealed class LoginFailures
    {
        public int Count { get; set; }
        public DateTimeOffset LockedUntil { get; set; }
    }

    private static string Field(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int QueryInt(IRequestMessage request, string name, int fallback) =>
        request.QueryIgnoreCase?.TryGetValue(name, out var values) == true
        && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : fallback;
}
