using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Scenarios.Model;
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
    private readonly ConcurrentDictionary<Guid, ShareAccount> _sessions = new();
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
        var body = Body(request);
        return _byName.TryGetValue(Field(body, "accountName"), out var account) && account.Password == Field(body, "password")
            ? Json(200, account.AccountId.ToString())
            : PasswordInvalid();
    }

    private ResponseMessage LoginById(IRequestMessage request)
    {
        var body = Body(request);
        if (!Guid.TryParse(Field(body, "accountId"), out var id))
            return Json(500, ShareWire.Error("InvalidArgument", "Missing required field(s): accountId is not a UUID"));
        return _byId.TryGetValue(id, out var account) && account.Password == Field(body, "password")
            ? NewSession(account)
            : PasswordInvalid();
    }

    private ResponseMessage LoginByName(IRequestMessage request)
    {
        var body = Body(request);
        return _byName.TryGetValue(Field(body, "accountName"), out var account) && account.Password == Field(body, "password")
            ? NewSession(account)
            : PasswordInvalid();
    }

    private ResponseMessage NewSession(ShareAccount account)
    {
        var session = _newSessionId();
        _sessions[session] = account;
        return Json(200, session.ToString());
    }

    private ResponseMessage Read(IRequestMessage request) => WithSession(request, (account, _) =>
    {
        // Lenient like the real service is assumed to be: out-of-range windows are clamped, not refused.
        var minutes = Math.Clamp(QueryInt(request, "minutes", MaxMinutes), 1, MaxMinutes);
        var maxCount = Math.Clamp(QueryInt(request, "maxCount", 1), 1, MaxCount);
        var readings = Store.Visible(account.Patient, Clock.GetUtcNow() - TimeSpan.FromMinutes(minutes), maxCount);
        Store.RecordServed(account.Patient, readings);
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
        return _sessions.TryGetValue(session, out var account)
            ? handler(account, session)
            : Json(500, ShareWire.Error("SessionIdNotFound", $"Failed to find session object. [SessionId = {session}]"));
    }

    private static ResponseMessage PasswordInvalid() =>
        Json(500, ShareWire.Error("AccountPasswordInvalid", "Publisher account password failed"));

    private static JsonElement Body(IRequestMessage request)
    {
        try { return string.IsNullOrWhiteSpace(request.Body) ? default : JsonDocument.Parse(request.Body).RootElement; }
        catch (JsonException) { return default; }
    }

    private static string Field(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int QueryInt(IRequestMessage request, string name, int fallback) =>
        request.QueryIgnoreCase?.TryGetValue(name, out var values) == true
        && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : fallback;
}
