using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReferenceSystem.Hosting;

namespace ReferenceSystem.Tests.Support;

/// <summary>
/// One receiver test's world: the ReferenceSystem hosted on loopback, a clock endpoint, a fake transmitter on the
/// framed BLE link, fake Share and Nightscout upload endpoints and the harness's local-alarm endpoint.
/// </summary>
internal sealed class ReceiverScenario : IAsyncDisposable
{
    private ReceiverScenario(RunningReferenceSystem host, TestClock clock, Func<int, int> glucose, string keyId)
    {
        Host = host;
        Clock = clock;
        Http = new HttpClient { BaseAddress = host.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        Transmitter = new FakeTransmitter(clock, glucose, keyId);
        Share = new FakeShareUploads();
        Nightscout = new FakeNightscoutUploads();
        Alarms = new FakeLocalAlarms();
    }

    public RunningReferenceSystem Host { get; }
    public TestClock Clock { get; }
    public HttpClient Http { get; }
    public FakeTransmitter Transmitter { get; }
    public FakeShareUploads Share { get; }
    public FakeNightscoutUploads Nightscout { get; }
    public FakeLocalAlarms Alarms { get; }

    public static async Task<ReceiverScenario> StartAsync(Func<int, int>? glucose = null, double speed = 300, string keyId = FakeTransmitter.Id)
    {
        var host = await ReferenceSystemHost.StartAsync();
        return new ReceiverScenario(host, new TestClock(speed), glucose ?? (_ => 120), keyId);
    }

    public JsonObject Body() => new()
    {
        ["clock"] = new JsonObject { ["url"] = Clock.Url.ToString() },
        ["link"] = Transmitter.Link,
        ["localAlarms"] = Alarms.Url,
        ["policy"] = new JsonObject { ["urgentLowMgdl"] = 55, ["lowMgdl"] = 70, ["highMgdl"] = 250 },
        ["transmitters"] = new JsonArray(new JsonObject
        {
            ["patient"] = FollowBodies.PatientId,
            ["linkId"] = FakeTransmitter.LinkId,
            ["transmitterId"] = FakeTransmitter.Id,
            ["share"] = new JsonObject
            {
                ["baseUrl"] = Share.BaseUrl,
                ["accountName"] = FakeShare.AccountName,
                ["password"] = FakeShare.Password,
                ["applicationId"] = FollowBodies.ShareApplicationId,
            },
            ["nightscout"] = new JsonObject { ["baseUrl"] = Nightscout.BaseUrl, ["apiSecret"] = FakeNightscout.ApiSecret },
        }),
    };

    public async Task StartReceiverAsync()
    {
        using var response = await Http.PostAsJsonAsync("/api/receiver", Body());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Transmitter.StartSchedule();
    }

    /// <summary>Waits until virtual time is 10 s past reading k, then runs one window; the receiver must end it.</summary>
    public async Task WindowAtReadingAsync(int k)
    {
        await Eventually.UntilVirtualAsync(Clock, Transmitter.ReadingTime(k) + TimeSpan.FromSeconds(10));
        Assert.Equal("receiver disconnected", await Transmitter.WindowAsync());
    }

    public async Task<JsonElement> StateAsync()
    {
        using var response = await Http.GetAsync(new Uri("/api/receiver/state", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }

    public async Task<JsonElement> TransmitterStateAsync() => (await StateAsync()).GetProperty("transmitters")[0];

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var _ = await Http.DeleteAsync(new Uri("/api/receiver", UriKind.Relative));
        }
        catch (HttpRequestException)
        {
        }
        Http.Dispose();
        await Host.DisposeAsync();
        await Transmitter.DisposeAsync();
        Share.Dispose();
        Nightscout.Dispose();
        Alarms.Dispose();
        Clock.Dispose();
    }
}
