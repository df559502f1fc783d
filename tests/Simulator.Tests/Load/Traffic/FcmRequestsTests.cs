using System.Text.Json;
using Simulator.Glucose;
using Simulator.Journal;
using Simulator.Load.Traffic;
using Simulator.Tests.Support;
using Simulator.Vendors;
using Simulator.Vendors.Fcm;

namespace Simulator.Tests.Load.Traffic;

public sealed class FcmRequestsTests : IDisposable
{
    private readonly ManualClock _clock = new(Rig.T0);
    private readonly FakeContext _context;
    private readonly FcmFake _fake;
    private readonly HttpClient _http = new();

    public FcmRequestsTests()
    {
        _context = Rig.Context(_clock);
        _fake = new FcmFake(_context, "cgm-sim", "ya29.test-token");
        _fake.Start();
    }

    public void Dispose()
    {
        _http.Dispose();
        _fake.Dispose();
    }

    [Fact]
    public async Task A_send_with_the_bearer_token_is_delivered_with_the_documented_data()
    {
        var push = new PushContent("dev-token-1", "child-1", "child-1-f1", AlertNames.Low, new Reading("child-1", Rig.T0, 68, Trend.FortyFiveDown), "dexcom-share");

        using var response = await _http.SendAsync(FcmRequests.Send(_fake.BaseUrl, "cgm-sim", "ya29.test-token", push));

        Assert.Equal(200, (int)response.StatusCode);
        var received = Assert.Single(_context.Journal.OfType<PushReceived>());
        var message = JsonDocument.Parse(received.Payload).RootElement.GetProperty("message");
        Assert.Equal("dev-token-1", message.GetProperty("token").GetString());
        var data = message.GetProperty("data");
        Assert.Equal(("child-1", "child-1-f1", "low", "68"), (data.Str("patient"), data.Str("follower"), data.Str("alert"), data.Str("value")));
        Assert.Equal("2019-11-30T06:00:00.000Z", data.Str("readingAt"));
    }

    [Fact]
    public async Task Another_token_is_refused()
    {
        var push = new PushContent("dev", "p", "f", AlertNames.High, new Reading("p", Rig.T0, 260, Trend.Flat), "nightscout");

        using var response = await _http.SendAsync(FcmRequests.Send(_fake.BaseUrl, "cgm-sim", "ya29.stale", push));

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Empty(_context.Journal.OfType<PushReceived>());
    }
}
