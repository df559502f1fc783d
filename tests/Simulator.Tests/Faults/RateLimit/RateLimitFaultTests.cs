using Scenarios.Model;
using Simulator.Faults.RateLimit;
using Simulator.Journal;
using Simulator.Tests.Support;
using Simulator.Tests.Vendors.Fcm;
using Simulator.Time;

namespace Simulator.Tests.Faults.RateLimit;

/// <summary>429 Too Many Requests with Retry-After, as a client library reads it, in each vendor's words.</summary>
public sealed class RateLimitFaultTests
{
    private static readonly DateTimeOffset At = Rig.T0.AddHours(1);
    private static readonly DateTimeOffset Until = At.AddHours(1);

    private static FaultSpec RateLimit(string vendor, string? endpoint, RateLimitFaultOptions options) => Rig.Fault(vendor, endpoint, At, Until, options);

    [Fact]
    public async Task Without_a_limit_every_share_read_gets_429_with_retry_after()
    {
        using var share = new ShareHarness(new ManualClock(At), RateLimit("dexcom-share", "read", new RateLimitFaultOptions()));
        var session = await share.LoginAsync();

        using var response = await share.ReadAsync(session);

        Assert.Equal(429, (int)response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.RetryAfter?.Delta);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("429", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var served = await Eventually.JournaledAsync<RequestServed>(share.Journal, r => r.Endpoint == "read", "the refused read");
        Assert.Equal((429, "rate-limit"), (served.Status, served.Fault));
    }

    [Fact]
    public async Task Fcm_says_quota_exceeded_with_the_configured_retry_after()
    {
        using var fcm = new FcmHarness(new ManualClock(At), RateLimit("fcm", null, new RateLimitFaultOptions { RetryAfter = TimeSpan.FromSeconds(30) }));

        using var response = await fcm.SendAsync(FcmHarness.Alert());

        Assert.Equal(429, (int)response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
        FcmFakeTests.AssertGoogleError(await response.JsonAsync(), 429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED");
        Assert.Empty(fcm.Journal.OfType<PushReceived>());
    }

    [Fact]
    public async Task Each_client_gets_its_limit_per_window_and_waits_until_the_window_resets()
    {
        var clock = new ManualClock(At.AddSeconds(20));
        using var nightscout = new NightscoutHarness(clock, ["child-1", "child-2"], seed: 7,
            RateLimit("nightscout", "read", new RateLimitFaultOptions { Limit = 2, Window = TimeSpan.FromMinutes(1) }));

        async Task<(int Status, TimeSpan? RetryAfter)> Read(string patient)
        {
            using var response = await nightscout.ReadAsync(patient);
            return ((int)response.StatusCode, response.Headers.RetryAfter?.Delta);
        }

        Assert.Equal((200, null), await Read("child-1"));
        Assert.Equal((200, null), await Read("child-1"));
        Assert.Equal((429, TimeSpan.FromSeconds(40)), await Read("child-1"));
        Assert.Equal((200, null), await Read("child-2"));
        clock.Set(At.AddMinutes(1));
        Assert.Equal((200, null), await Read("child-1"));
    }

    [Fact]
    public async Task A_global_limit_is_shared_by_every_client()
    {
        using var nightscout = new NightscoutHarness(new ManualClock(At), ["child-1", "child-2"], seed: 7,
            RateLimit("nightscout", "read", new RateLimitFaultOptions { Limit = 1, Scope = RateLimitScope.Global, RetryAfter = TimeSpan.FromSeconds(5) }));

        using var first = await nightscout.ReadAsync("child-1");
        using var second = await nightscout.ReadAsync("child-2");

        Assert.Equal((200, 429), ((int)first.StatusCode, (int)second.StatusCode));
        Assert.Equal(TimeSpan.FromSeconds(5), second.Headers.RetryAfter?.Delta);
        Assert.Equal("""{"status":429,"message":"Error"}""", await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Windows_are_fixed_and_counted_from_the_faults_start()
    {
        var windows = new RateWindows(At, TimeSpan.FromMinutes(1));

        Assert.Equal((1, At.AddMinutes(1)), windows.Count("a", At));
        Assert.Equal((2, At.AddMinutes(1)), windows.Count("a", At.AddSeconds(59)));
        Assert.Equal((1, At.AddMinutes(1)), windows.Count("b", At.AddSeconds(59)));
        Assert.Equal((1, At.AddMinutes(2)), windows.Count("a", At.AddMinutes(1)));
    }

    [Fact]
    public async Task A_rate_limit_starts_and_ends_on_the_virtual_clock_at_speed_1()
    {
        var clock = new VirtualClock(Rig.T0, speed: 1);
        var (at, until) = WindowProbe.Window(Rig.T0);
        using var share = new ShareHarness(clock, Rig.Fault("dexcom-share", "read", at, until, new RateLimitFaultOptions()));
        var session = await share.LoginAsync();

        await WindowProbe.AssertFollowsWindowAsync(clock, share.Journal, "rate-limit", async () =>
        {
            using var response = await share.ReadAsync(session);
        });
    }
}
