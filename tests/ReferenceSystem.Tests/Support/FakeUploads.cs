using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace ReferenceSystem.Tests.Support;

/// <summary>One uploaded reading as a vendor stored it.</summary>
internal sealed record UploadedReading(DateTimeOffset SensorTime, int Mgdl, string? Trend);

/// <summary>
/// The upload side of Dexcom Share on loopback WireMock: <c>General/LoginPublisherAccountByName</c> and
/// <c>Publisher/PostReceiverEgvRecords</c>. While <see cref="Down"/> every call answers 500 and stores nothing.
/// </summary>
internal sealed partial class FakeShareUploads : IDisposable
{
    private const string ServicesPath = "/ShareWebServices/Services/";
    private readonly WireMockServer _server;
    private readonly ConcurrentDictionary<string, bool> _sessions = new();
    private volatile bool _down;

    public FakeShareUploads()
    {
        _server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"], MaxRequestLogCount = 100 });
        _server.Given(Request.Create().WithPath(ServicesPath + "General/LoginPublisherAccountByName").UsingPost())
            .RespondWith(Response.Create().WithCallback(Login));
        _server.Given(Request.Create().WithPath(ServicesPath + "Publisher/PostReceiverEgvRecords").UsingPost())
            .RespondWith(Response.Create().WithCallback(Upload));
    }

    public string BaseUrl => $"http://127.0.0.1:{_server.Ports[0]}{ServicesPath}";

    public bool Down
    {
        get => _down;
        set => _down = value;
    }

    /// <summary>Every stored reading in arrival order (a duplicate would appear twice).</summary>
    public ConcurrentQueue<UploadedReading> Stored { get; } = new();

    public ConcurrentQueue<string> SerialNumbers { get; } = new();

    public int FailedCalls;

    private ResponseMessage Login(IRequestMessage request)
    {
        if (Down)
            return Fail();
        using var body = JsonDocument.Parse(request.Body ?? "{}");
        if (body.RootElement.GetProperty("accountName").GetString() != FakeShare.AccountName
            || body.RootElement.GetProperty("password").GetString() != FakeShare.Password)
            return WireMockJson.Respond(500, """{"Code":"AccountPasswordInvalid","Message":"Publisher account password failed"}""");
        var session = Guid.NewGuid().ToString();
        _sessions[session] = true;
        return WireMockJson.Respond(200, $"\"{session}\"");
    }

    private ResponseMessage Upload(IRequestMessage request)
    {
        if (Down)
            return Fail();
        var session = WireMockJson.Query(request, "sessionId");
        if (session is null || !_sessions.ContainsKey(session))
            return WireMockJson.Respond(500, """{"Code":"SessionIdNotFound","Message":"Failed to find session object."}""");
        using var body = JsonDocument.Parse(request.Body ?? "{}");
        SerialNumbers.Enqueue(body.RootElement.GetProperty("SN").GetString() ?? "");
        foreach (var egv in body.RootElement.GetProperty("Egvs").EnumerateArray())
        {
            var st = ShareDate().Match(egv.GetProperty("ST").GetString()!);
            Stored.Enqueue(new UploadedReading(
                DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(st.Groups[1].Value, CultureInfo.InvariantCulture)),
                egv.GetProperty("Value").GetInt32(),
                egv.GetProperty("Trend").GetInt32().ToString(CultureInfo.InvariantCulture)));
        }
        return WireMockJson.Respond(200, "");
    }

    private ResponseMessage Fail()
    {
        Interlocked.Increment(ref FailedCalls);
        return WireMockJson.Respond(500, """{"Code":"InternalServerError","Message":"fake outage"}""");
    }

    [GeneratedRegex(@"^/Date\((\d+)\)/$")]
    private static partial Regex ShareDate();

    public void Dispose() => _server.Stop();
}

/// <summary>The upload side of Nightscout: <c>POST /api/v1/entries</c>, recording each entry and the api-secret header.</summary>
internal sealed class FakeNightscoutUploads : IDisposable
{
    private readonly WireMockServer _server;

    public FakeNightscoutUploads()
    {
        _server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"], MaxRequestLogCount = 100 });
        _server.Given(Request.Create().WithPath("/api/v1/entries").UsingPost())
            .RespondWith(Response.Create().WithCallback(Entries));
    }

    public string BaseUrl => $"http://127.0.0.1:{_server.Ports[0]}";

    public ConcurrentQueue<UploadedReading> Stored { get; } = new();

    public ConcurrentQueue<string?> ApiSecrets { get; } = new();

    private ResponseMessage Entries(IRequestMessage request)
    {
        ApiSecrets.Enqueue(WireMockJson.Header(request, "api-secret"));
        using var body = JsonDocument.Parse(request.Body ?? "[]");
        foreach (var entry in body.RootElement.EnumerateArray())
        {
            var date = DateTimeOffset.FromUnixTimeMilliseconds(entry.GetProperty("date").GetInt64());
            Assert.Equal(date, DateTimeOffset.Parse(entry.GetProperty("dateString").GetString()!, CultureInfo.InvariantCulture));
            Assert.Equal("sgv", entry.GetProperty("type").GetString());
            Stored.Enqueue(new UploadedReading(date, entry.GetProperty("sgv").GetInt32(), entry.GetProperty("direction").GetString()));
        }
        return WireMockJson.Respond(200, request.Body ?? "[]");
    }

    public void Dispose() => _server.Stop();
}

/// <summary>One local alarm the receiver reported.</summary>
internal sealed record ReportedAlarm(string Patient, string Alert, DateTimeOffset ReadingAt);

/// <summary>The harness's <c>POST /api/local-alarms</c>: records each report and answers 202.</summary>
internal sealed class FakeLocalAlarms : IDisposable
{
    private readonly WireMockServer _server;

    public FakeLocalAlarms()
    {
        _server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"], MaxRequestLogCount = 100 });
        _server.Given(Request.Create().WithPath("/api/local-alarms").UsingPost())
            .RespondWith(Response.Create().WithCallback(Report));
    }

    public string Url => $"http://127.0.0.1:{_server.Ports[0]}/api/local-alarms";

    public ConcurrentQueue<ReportedAlarm> Reported { get; } = new();

    public IReadOnlyList<ReportedAlarm> Of(string alert) => Reported.Where(a => a.Alert == alert).ToList();

    private ResponseMessage Report(IRequestMessage request)
    {
        using var body = JsonDocument.Parse(request.Body ?? "{}");
        Reported.Enqueue(new ReportedAlarm(
            body.RootElement.GetProperty("patient").GetString()!,
            body.RootElement.GetProperty("alert").GetString()!,
            DateTimeOffset.Parse(body.RootElement.GetProperty("readingAt").GetString()!, CultureInfo.InvariantCulture)));
        return WireMockJson.Respond(202, "{}");
    }

    public void Dispose() => _server.Stop();
}
