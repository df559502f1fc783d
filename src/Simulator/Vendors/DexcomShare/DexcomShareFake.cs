using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Scenarios.Model;
using Simulator.Faults;
using Simulator.Faults.Auth;
using Simulator.Faults.Partial;
using Simulator.Glucose;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Simulator.Vendors.DexcomShare;

/// <summary>
/// Dexcom Share: both login flows, the follower read, and the publisher upload the phone app uses. Every call is
/// a POST; the session parameter is matched case-insensitively (<c>sessionId</c> and <c>sessionID</c> both occur).
/// </summary>
public sealed class DexcomShareFake : VendorFake
{
    private const int MaxMinutes = 1440, MaxCount = 288;
    private readonly Dictionary<string, ShareAccount> _byName;
    private readonly Dictionary<Guid, ShareAccount> _byId;
    private readonly ConcurrentDictionary<Guid, ShareSession> _sessions = new();
    private readonly TimeSpan _displayOffset;
    private readonly Func<Guid> _newSessionId;

    public DexcomShareFake(FakeContext context, IEnumerable<ShareAccount> accounts, TimeSpan displayOffset, Random random)
        : base(VendorIds.DexcomShare, context)
    {
        var list = accounts.ToList();
        _byName = list.ToDictionary(a => a.AccountName, StringComparer.OrdinalIgnoreCase);
        _byId = list.ToDictionary(a => a.AccountId);
        _displayOffset = displayOffset;
        Store = new ReadingStore(Vendor, context);
        var gate = new Lock();
        _newSessionId = () => { var bytes = new byte[16]; lock (gate) random.NextBytes(bytes); return new Guid(bytes); };
    }

    public ReadingStore Store { get; }

    public Uri ServicesUrl => new(BaseUrl, ShareWire.BasePath);

    protected override string? EndpointOf(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        if (!path.StartsWith(ShareWire.BasePath, StringComparison.OrdinalIgnoreCase)) return null;
        var call = path[ShareWire.BasePath.Length..];
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
        ? ("application/json", JsonSerializer.Serialize(ShareWire.Error("InternalError", "Error in the application.")))
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
    }

    private static void Post(WireMockServer server, string call, Func<IRequestMessage, ResponseMessage> handler) =>
        server.Given(Request.Create().WithPath(ShareWire.BasePath + call).UsingPost())
              .RespondWith(Response.Create().WithCallback(handler));

    private ResponseMessage Authenticate(IRequestMessage request)
    {
        if (AuthFault(AuthMode.LoginFails) is not null) return PasswordInvalid();
        var body = Body(request);
        return _byName.TryGetValue(Field(body, "accountName"), out var account) && account.Password == Field(body, "password")
            ? Json(200, account.AccountId.ToString())
            : PasswordInvalid();
    }

    private ResponseMessage LoginById(IRequestMessage request)
    {
        if (RefusedOrZeroSession() is { } faulted) return faulted;
        var body = Body(request);
        if (!Guid.TryParse(Field(body, "accountId"), out var id))
            return Json(500, ShareWire.Error("InvalidArgument", "Missing required field(s): accountId is not a UUID"));
        return _byId.TryGetValue(id, out var account) && account.Password == Field(body, "password")
            ? NewSession(account)
            : PasswordInvalid();
    }

    private ResponseMessage LoginByName(IRequestMessage request)
    {
        if (RefusedOrZeroSession() is { } faulted) return faulted;
        var body = Body(request);
        return _byName.TryGetValue(Field(body, "accountName"), out var account) && account.Password == Field(body, "password")
            ? NewSession(account)
            : PasswordInvalid();
    }

    private ResponseMessage NewSession(ShareAccount account)
    {
        var session = _newSessionId();
        _sessions[session] = new ShareSession(account, Clock.GetUtcNow());
        return Json(200, session.ToString());
    }

    /// <summary>An auth fault on a session login: refused as a wrong password, or "logged in" with the all-zeros id whatever the credentials.</summary>
    private static ResponseMessage? RefusedOrZeroSession() =>
        AuthFault(AuthMode.LoginFails) is not null ? PasswordInvalid()
        : AuthFault(AuthMode.ZeroSession) is not null ? Json(200, AuthFaultOptions.ZeroSessionId)
        : null;

    private static AuthFailure? AuthFault(AuthMode mode, Func<AuthFailure, bool>? when = null) =>
        FaultRequest.Current?.Take<AuthFailure>(a => a.Mode == mode && (when is null || when(a)));

    private ResponseMessage Read(IRequestMessage request) => WithSession(request, (account, _) =>
    {
        // Lenient like the real service is assumed to be: out-of-range windows are clamped, not refused.
        var minutes = Math.Clamp(QueryInt(request, "minutes", MaxMinutes), 1, MaxMinutes);
        var maxCount = Math.Clamp(QueryInt(request, "maxCount", 1), 1, MaxCount);
        var now = Clock.GetUtcNow();
        var readings = FollowerReads.Read(Store, account.Patient, now - TimeSpan.FromMinutes(minutes), maxCount, now);
        return Json(200, readings.Select(r => ShareWire.Record(r, _displayOffset)).ToList());
    });

    private ResponseMessage Upload(IRequestMessage request) => WithSession(request, (account, _) =>
    {
        var body = Body(request);
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("Egvs", out var egvs) || egvs.ValueKind != JsonValueKind.Array)
            return Json(500, ShareWire.Error("InvalidArgument", "Missing required field(s): Egvs"));
        foreach (var egv in egvs.EnumerateArray())
        {
            var time = ShareWire.ParseDate(Str(egv, "ST")) ?? ShareWire.ParseDate(Str(egv, "DT"));
            if (time is null || !egv.TryGetProperty("Value", out var value) || !value.TryGetInt32(out var mgdl))
                return Json(500, ShareWire.Error("InvalidArgument", "Egv record needs ST (or DT) and an integer Value"));
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
        // What Share answered calls made with the all-zeros session it handed out: 200 with nothing in it.
        if (session == Guid.Empty && AuthFault(AuthMode.ZeroSession) is not null)
            return Text(200, "", "application/json");
        if (!_sessions.TryGetValue(session, out var open))
            return SessionIdNotFound(session);
        if (AuthFault(AuthMode.SessionsRevoked, a => open.OpenedAt < a.Since) is { } revoked)
        {
            // Revoked for good, as a real revocation is: the client has to log in again.
            _sessions.TryRemove(session, out _);
            return revoked.SessionError == ShareSessionError.SessionNotValid
                ? Json(500, ShareWire.Error("SessionNotValid", $"Session not active or timed out. [SessionId = {session}]"))
                : SessionIdNotFound(session);
        }
        return handler(open.Account, session);
    }

    private static ResponseMessage SessionIdNotFound(Guid session) =>
        Json(500, ShareWire.Error("SessionIdNotFound", $"Failed to find session object. [SessionId = {session}]"));

    private static ResponseMessage PasswordInvalid() =>
        Json(500, ShareWire.Error("AccountPasswordInvalid", "Publisher account password failed"));

    private static JsonElement Body(IRequestMessage request) => Parse(request.Body);

    private static JsonElement Parse(string? body)
    {
        try { return string.IsNullOrWhiteSpace(body) ? default : JsonDocument.Parse(body).RootElement; }
        catch (JsonException) { return default; }
    }

    /// <summary>An open session and when it was opened (virtual), which a sessions-revoked fault compares with its start.</summary>
    private sealed record ShareSession(ShareAccount Account, DateTimeOffset OpenedAt);

    private static string Field(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int QueryInt(IRequestMessage request, string name, int fallback) =>
        request.QueryIgnoreCase?.TryGetValue(name, out var values) == true
        && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : fallback;
}
