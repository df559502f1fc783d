using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace ReferenceSystem.Tests.Support;

internal sealed record NightscoutCall(DateTimeOffset At, string? ApiSecret, string? Count, string? DateAfter, string RawQuery);

/// <summary>A fake Nightscout site: <c>GET /api/v1/entries/sgv.json</c> over a live store of readings.</summary>
internal sealed class FakeNightscout : IDisposable
{
    public const string ApiSecret = "plain-secret-at-least-12";

    private readonly WireMockServer _server;
    private readonly TestClock _clock;
    private readonly Lock _gate = new();
    private readonly List<(DateTimeOffset Time, int Mgdl)> _readings = [];

    public FakeNightscout(TestClock clock)
    {
        _clock = clock;
        _server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"], MaxRequestLogCount = 100 });
        _server.Given(Request.Create().WithPath("/api/v1/entries/sgv.json").UsingGet())
            .RespondWith(Response.Create().WithCallback(Entries));
    }

    public string BaseUrl => $"http://127.0.0.1:{_server.Ports[0]}";

    public ConcurrentQueue<NightscoutCall> Calls { get; } = new();

    public void Add(DateTimeOffset sensorTime, int mgdl)
    {
        lock (_gate)
            _readings.Add((sensorTime, mgdl));
    }

    private ResponseMessage Entries(IRequestMessage request)
    {
        var now = _clock.Now;
        var count = WireMockJson.Query(request, "count");
        var after = WireMockJson.Query(request, "find[date][$gt]");
        Calls.Enqueue(new NightscoutCall(now, WireMockJson.Header(request, "api-secret"), count, after, request.RawQuery ?? ""));
        var afterMs = after is null ? long.MinValue : long.Parse(after, CultureInfo.InvariantCulture);
        var take = count is null ? 10 : int.Parse(count, CultureInfo.InvariantCulture);
        List<(DateTimeOffset Time, int Mgdl)> visible;
        lock (_gate)
        {
            visible = _readings
                .Where(r => r.Time <= now && r.Time.ToUnixTimeMilliseconds() > afterMs)
                .OrderByDescending(r => r.Time)
                .Take(take)
                .ToList();
        }
        var entries = visible.Select(r => new
        {
            type = "sgv",
            sgv = r.Mgdl,
            date = r.Time.ToUnixTimeMilliseconds(),
            dateString = r.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            direction = "Flat",
        });
        return WireMockJson.Respond(200, JsonSerializer.Serialize(entries));
    }

    public void Dispose() => _server.Stop();
}
