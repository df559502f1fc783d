using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace ReferenceSystem.Tests.Support;

internal sealed record ShareCall(string Endpoint, DateTimeOffset At, int Status, string? SessionId, int? Minutes, int? MaxCount, string? ErrorCode);

/// <summary>
/// A fake Dexcom Share on loopback WireMock: the two login calls and ReadPublisherLatestGlucoseValues, with a live
/// store of readings (a reading is visible once virtual time has reached its sensor time).
/// </summary>
internal sealed class FakeShare : IDisposable
{
    public const string AccountName = "child-1";
    public const string Password = "pw";
    public const string AccountId = "11111111-2222-3333-4444-555555555555";

    private const string ServicesPath = "/ShareWebServices/Services/";
    private readonly WireMockServer _server;
    private readonly TestClock _clock;
    private readonly Lock _gate = new();
    private readonly List<(DateTimeOffset Time, int Mgdl)> _readings = [];
    private readonly HashSet<string> _sessions = [];
    private bool _expireAfterNextRead;
    private volatile bool _down;

    public FakeShare(TestClock clock)
    {
        _clock = clock;
        _server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"], MaxRequestLogCount = 100 });
        _server.Given(Request.Create().WithPath(ServicesPath + "General/AuthenticatePublisherAccount").UsingPost())
            .RespondWith(Response.Create().WithCallback(Authenticate));
        _server.Given(Request.Create().WithPath(ServicesPath + "General/LoginPublisherAccountById").UsingPost())
            .RespondWith(Response.Create().WithCallback(Login));
        _server.Given(Request.Create().WithPath(ServicesPath + "Publisher/ReadPublisherLatestGlucoseValues").UsingPost())
            .RespondWith(Response.Create().WithCallback(Read));
    }

    public string BaseUrl => $"http://127.0.0.1:{_server.Ports[0]}{ServicesPath}";

    public ConcurrentQueue<ShareCall> Calls { get; } = new();

    /// <summary>While true every call answers HTTP 500 with a non-session error code.</summary>
    public bool Down
    {
        get => _down;
        set => _down = value;
    }

    public int Logins => Calls.Count(c => c.Endpoint == "LoginPublisherAccountById" && c.Status == 200);

    public int SuccessfulReads => Calls.Count(c => c.Endpoint == "Read" && c.Status == 200);

    public int FailedCalls => Calls.Count(c => c.Status != 200);

    public void Add(DateTimeOffset sensorTime, int mgdl)
    {
        lock (_gate)
            _readings.Add((sensorTime, mgdl));
    }

    /// <summary>Readings every 5 minutes from <paramref name="first"/> to <paramref name="last"/> inclusive.</summary>
    public void AddSeries(DateTimeOffset first, DateTimeOffset last, Func<DateTimeOffset, int> mgdl)
    {
        for (var t = first; t <= last; t += TimeSpan.FromMinutes(5))
            Add(t, mgdl(t));
    }

    /// <summary>After the next successful read every session is forgotten (as after a Share restart).</summary>
    public void ExpireSessionsAfterNextRead()
    {
        lock (_gate)
            _expireAfterNextRead = true;
    }

    private ResponseMessage Authenticate(IRequestMessage request)
    {
        if (Down)
            return Fail("AuthenticatePublisherAccount", null);
        using var body = JsonDocument.Parse(request.Body ?? "{}");
        var ok = body.RootElement.GetProperty("accountName").GetString() == AccountName
                 && body.RootElement.GetProperty("password").GetString() == Password
                 && body.RootElement.GetProperty("applicationId").GetString() == FollowBodies.ShareApplicationId;
        if (!ok)
            return Error("AuthenticatePublisherAccount", null, "AccountPasswordInvalid");
        Calls.Enqueue(new ShareCall("AuthenticatePublisherAccount", _clock.Now, 200, null, null, null, null));
        return WireMockJson.Respond(200, $"\"{AccountId}\"");
    }

    private ResponseMessage Login(IRequestMessage request)
    {
        if (Down)
            return Fail("LoginPublisherAccountById", null);
        using var body = JsonDocument.Parse(request.Body ?? "{}");
        if (body.RootElement.GetProperty("accountId").GetString() != AccountId
            || body.RootElement.GetProperty("password").GetString() != Password)
            return Error("LoginPublisherAccountById", null, "AccountPasswordInvalid");
        var session = Guid.NewGuid().ToString();
        lock (_gate)
            _sessions.Add(session);
        Calls.Enqueue(new ShareCall("LoginPublisherAccountById", _clock.Now, 200, session, null, null, null));
        return WireMockJson.Respond(200, $"\"{session}\"");
    }

    private ResponseMessage Read(IRequestMessage request)
    {
        var session = WireMockJson.Query(request, "sessionId");
        var minutes = int.Parse(WireMockJson.Query(request, "minutes") ?? "1440", CultureInfo.InvariantCulture);
        var maxCount = int.Parse(WireMockJson.Query(request, "maxCount") ?? "288", CultureInfo.InvariantCulture);
        if (Down)
            return Fail("Read", session, minutes, maxCount);
        var now = _clock.Now;
        List<(DateTimeOffset Time, int Mgdl)> visible;
        lock (_gate)
        {
            if (session is null || !_sessions.Contains(session))
                return Error("Read", session, "SessionIdNotFound", minutes, maxCount);
            visible = _readings
                .Where(r => r.Time <= now && r.Time >= now - TimeSpan.FromMinutes(minutes))
                .OrderByDescending(r => r.Time)
                .Take(maxCount)
                .ToList();
            if (_expireAfterNextRead)
            {
                _sessions.Clear();
                _expireAfterNextRead = false;
            }
        }
        Calls.Enqueue(new ShareCall("Read", now, 200, session, minutes, maxCount, null));
        var records = visible.Select(r =>
        {
            var ms = r.Time.ToUnixTimeMilliseconds();
            return new Dictionary<string, object>
            {
                ["WT"] = $"Date({ms})",
                ["ST"] = $"Date({ms})",
                ["DT"] = $"Date({ms}-0500)",
                ["Value"] = r.Mgdl,
                ["Trend"] = "Flat",
            };
        });
        return WireMockJson.Respond(200, JsonSerializer.Serialize(records));
    }

    private ResponseMessage Fail(string endpoint, string? session, int? minutes = null, int? maxCount = null) =>
        Error(endpoint, session, "InternalServerError", minutes, maxCount);

    private ResponseMessage Error(string endpoint, string? session, string code, int? minutes = null, int? maxCount = null)
    {
        Calls.Enqueue(new ShareCall(endpoint, _clock.Now, 500, session, minutes, maxCount, code));
        return WireMockJson.Respond(500, JsonSerializer.Serialize(new { Code = code, Message = "fake", SubCode = "", TypeName = "FaultException" }));
    }

    public void Dispose() => _server.Stop();
}
