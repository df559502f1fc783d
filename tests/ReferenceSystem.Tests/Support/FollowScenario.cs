using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReferenceSystem.Hosting;

namespace ReferenceSystem.Tests.Support;

/// <summary>
/// One test's world: the ReferenceSystem hosted for real on loopback, a clock endpoint, and fake Share, Nightscout and
/// FCM servers. Disposing stops the follow job and everything else.
/// </summary>
internal sealed class FollowScenario : IAsyncDisposable
{
    private FollowScenario(RunningReferenceSystem host, TestClock clock)
    {
        Host = host;
        Clock = clock;
        Http = new HttpClient { BaseAddress = host.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        Share = new FakeShare(clock);
        Nightscout = new FakeNightscout(clock);
        Fcm = new FakeFcm(clock);
    }

    public RunningReferenceSystem Host { get; }
    public TestClock Clock { get; }
    public HttpClient Http { get; }
    public FakeShare Share { get; }
    public FakeNightscout Nightscout { get; }
    public FakeFcm Fcm { get; }

    /// <summary>Starts the SUT first, then the clock, so virtual time starts close to the test's first step.</summary>
    public static async Task<FollowScenario> StartAsync(double speed = 600)
    {
        var host = await ReferenceSystemHost.StartAsync();
        return new FollowScenario(host, new TestClock(speed));
    }

    public JsonObject Body(string profile, bool withNightscout = false, int followers = 1, int noDataMinutes = 20) =>
        FollowBodies.Create(profile, Clock.Url.ToString(), Share.BaseUrl, Fcm.BaseUrl,
            withNightscout ? Nightscout.BaseUrl : null, followers, noDataMinutes);

    public async Task FollowAsync(JsonObject body)
    {
        using var response = await Http.PostAsJsonAsync("/api/follow", body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    public async Task<JsonElement> StateAsync()
    {
        using var response = await Http.GetAsync(new Uri("/api/follow/state", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var _ = await Http.DeleteAsync(new Uri("/api/follow", UriKind.Relative));
        }
        catch (HttpRequestException)
        {
        }
        Http.Dispose();
        await Host.DisposeAsync();
        Share.Dispose();
        Nightscout.Dispose();
        Fcm.Dispose();
        Clock.Dispose();
    }
}
