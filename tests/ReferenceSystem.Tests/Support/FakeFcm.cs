using System.Collections.Concurrent;
using System.Text.Json;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace ReferenceSystem.Tests.Support;

/// <summary>One request received by the fake FCM, parsed.</summary>
internal sealed record ReceivedPush(
    DateTimeOffset At,
    string Path,
    string? Authorization,
    JsonElement Body,
    int Status)
{
    public JsonElement Message => Body.GetProperty("message");
    public string Token => Message.GetProperty("token").GetString()!;
    public string Title => Message.GetProperty("notification").GetProperty("title").GetString()!;
    public string Text => Message.GetProperty("notification").GetProperty("body").GetString()!;
    public string Data(string key) => Message.GetProperty("data").GetProperty(key).GetString()!;
    public string Alert => Data("alert");
    public string Follower => Data("follower");
    public string ReadingAt => Data("readingAt");
    public DateTimeOffset ReadingTime => DateTimeOffset.Parse(ReadingAt, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A fake FCM HTTP v1 endpoint that records every send; its answers can be scripted per attempt.</summary>
internal sealed class FakeFcm : IDisposable
{
    public const string ProjectId = "cgm-sim";
    public const string AccessToken = "token";

    private readonly WireMockServer _server;
    private readonly TestClock _clock;
    private int _attempts;

    public FakeFcm(TestClock clock)
    {
        _clock = clock;
        _server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"], MaxRequestLogCount = 100 });
        _server.Given(Request.Create().WithPath($"/v1/projects/{ProjectId}/messages:send").UsingPost())
            .RespondWith(Response.Create().WithCallback(Send));
    }

    public string BaseUrl => $"http://127.0.0.1:{_server.Ports[0]}";

    /// <summary>The HTTP status for the n-th attempt (0-based, over all messages). Default: always 200.</summary>
    public Func<int, int> StatusForAttempt { get; set; } = _ => 200;

    public ConcurrentQueue<ReceivedPush> Received { get; } = new();

    /// <summary>Pushes answered 200, i.e. delivered.</summary>
    public IReadOnlyList<ReceivedPush> Delivered => Received.Where(p => p.Status == 200).ToList();

    public IReadOnlyList<ReceivedPush> DeliveredOf(string alert) => Delivered.Where(p => p.Alert == alert).ToList();

    /// <summary><c>validate_only</c> checks: answered like FCM does (accepted, nothing delivered), kept apart from pushes.</summary>
    public ConcurrentQueue<ReceivedPush> Validated { get; } = new();

    private ResponseMessage Send(IRequestMessage request)
    {
        using var body = JsonDocument.Parse(request.Body ?? "{}");
        if (body.RootElement.TryGetProperty("validate_only", out var validate) && validate.ValueKind == JsonValueKind.True)
        {
            Validated.Enqueue(new ReceivedPush(_clock.Now, request.Path, WireMockJson.Header(request, "Authorization"), body.RootElement.Clone(), 200));
            return WireMockJson.Respond(200, $"{{\"name\":\"projects/{ProjectId}/messages/fake_message_id\"}}");
        }
        var attempt = Interlocked.Increment(ref _attempts) - 1;
        var status = StatusForAttempt(attempt);
        Received.Enqueue(new ReceivedPush(_clock.Now, request.Path, WireMockJson.Header(request, "Authorization"), body.RootElement.Clone(), status));
        return status == 200
            ? WireMockJson.Respond(200, $"{{\"name\":\"projects/{ProjectId}/messages/{attempt}\"}}")
            : WireMockJson.Respond(status, $"{{\"error\":{{\"code\":{status},\"message\":\"fake\",\"status\":\"UNAVAILABLE\"}}}}");
    }

    public void Dispose() => _server.Stop();
}
