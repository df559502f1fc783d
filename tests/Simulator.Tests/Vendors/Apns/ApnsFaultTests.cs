using System.Net;
using Scenarios.Model;
using Simulator.Journal;
using Simulator.Tests.Support;
using Simulator.Vendors.Apns;

namespace Simulator.Tests.Vendors.Apns;

/// <summary>Faults aimed at APNs (target <c>apns/send</c>) answer in APNs's own words, over the same HTTP/2 connection.</summary>
public sealed class ApnsFaultTests
{
    private static readonly DateTimeOffset At = Rig.T0.AddHours(2);

    private static FaultSpec Fault(FaultOptions options) => Rig.Fault(VendorIds.Apns, "send", At, At.AddHours(1), options);

    [Theory]
    [InlineData(503, ApnsReasons.ServiceUnavailable)]
    [InlineData(500, ApnsReasons.InternalServerError)]
    [InlineData(429, ApnsReasons.TooManyRequests)]
    [InlineData(403, ApnsReasons.Forbidden)]
    [InlineData(400, ApnsReasons.IdleTimeout)]
    [InlineData(404, ApnsReasons.BadPath)]
    [InlineData(413, ApnsReasons.PayloadTooLarge)]
    public async Task An_outage_answers_with_the_apns_reason_for_its_status(int status, string reason)
    {
        using var apns = new ApnsHarness(new ManualClock(At), Fault(new OutageFaultOptions { StatusCode = status }));

        using var response = await apns.SendAsync(ApnsHarness.Parent1);

        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(reason, (await response.JsonAsync()).Str("reason"));
        Assert.Empty(apns.Journal.OfType<PushReceived>());
        var served = await Eventually.JournaledAsync<RequestServed>(apns.Journal, r => r.Vendor == "apns", "the refused send");
        Assert.Equal((status, "outage", "send"), (served.Status, served.Fault, served.Endpoint));
    }

    [Fact]
    public async Task An_outage_503_body_matches_its_golden_text()
    {
        using var apns = new ApnsHarness(new ManualClock(At), Fault(new OutageFaultOptions()));

        using var response = await apns.SendAsync(ApnsHarness.Parent1);

        Assert.Equal(503, (int)response.StatusCode);
        Golden.Match(await response.Content.ReadAsStringAsync() + "\n", "apns-outage-503");
    }

    [Fact]
    public async Task A_410_outage_says_Unregistered_as_of_the_virtual_now()
    {
        using var apns = new ApnsHarness(new ManualClock(At), Fault(new OutageFaultOptions { StatusCode = 410 }));

        using var response = await apns.SendAsync(ApnsHarness.Parent1);

        var body = await response.JsonAsync();
        Assert.Equal((410, ApnsReasons.Unregistered), ((int)response.StatusCode, body.Str("reason")));
        Assert.Equal(At.ToUnixTimeMilliseconds(), body.GetProperty("timestamp").GetInt64());
    }

    [Fact]
    public async Task A_rate_limit_answers_429_TooManyRequests_with_retry_after()
    {
        using var apns = new ApnsHarness(new ManualClock(At), Fault(new RateLimitFaultOptions { Limit = 1 }));

        using var first = await apns.SendAsync(ApnsHarness.Parent1);
        using var second = await apns.SendAsync(ApnsHarness.Parent2);

        Assert.Equal(200, (int)first.StatusCode);
        Assert.Equal(429, (int)second.StatusCode);
        Assert.Equal(ApnsReasons.TooManyRequests, (await second.JsonAsync()).Str("reason"));
        Assert.Equal(TimeSpan.FromSeconds(60), second.Headers.RetryAfter?.Delta);
        Assert.Single(apns.Journal.OfType<PushReceived>());
    }

    [Fact]
    public async Task A_dropped_push_is_answered_like_a_sent_one_and_never_delivered()
    {
        using var apns = new ApnsHarness(new ManualClock(At), Fault(new PushFailureFaultOptions()));

        using var response = await apns.SendAsync(ApnsHarness.Parent1);

        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Single(response.Headers.GetValues("apns-id"));
        Assert.Empty(apns.Journal.OfType<PushReceived>());
        var served = await Eventually.JournaledAsync<RequestServed>(apns.Journal, r => r.Vendor == "apns", "the dropped send");
        Assert.Equal((200, "push-failure"), (served.Status, served.Fault));
    }

    [Theory]
    [InlineData("child-1", 0)]
    [InlineData("child-9", 1)]
    public async Task A_partial_drop_knows_the_patient_from_the_device_token(string account, int delivered)
    {
        using var apns = new ApnsHarness(new ManualClock(At), Fault(new PushFailureFaultOptions { Where = new RequestFaultFilter { Accounts = [account] } }));

        using var response = await apns.SendAsync(ApnsHarness.Parent1);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(delivered, apns.Journal.OfType<PushReceived>().Count);
    }

    [Fact]
    public async Task A_failing_push_channel_answers_503_ServiceUnavailable()
    {
        using var apns = new ApnsHarness(new ManualClock(At), Fault(new PushFailureFaultOptions { Mode = PushFailureMode.Fail }));

        using var response = await apns.SendAsync(ApnsHarness.Parent1);

        Assert.Equal(503, (int)response.StatusCode);
        Assert.Equal(ApnsReasons.ServiceUnavailable, (await response.JsonAsync()).Str("reason"));
        Assert.Empty(apns.Journal.OfType<PushReceived>());
    }

    [Fact]
    public async Task A_login_fails_auth_fault_refuses_a_valid_provider_token_as_InvalidProviderToken()
    {
        using var apns = new ApnsHarness(new ManualClock(At), Fault(new AuthFaultOptions()));

        using var response = await apns.SendAsync(ApnsHarness.Parent1);

        Assert.Equal(403, (int)response.StatusCode);
        Assert.Equal(ApnsReasons.InvalidProviderToken, (await response.JsonAsync()).Str("reason"));
        Assert.Empty(apns.Journal.OfType<PushReceived>());
    }
}
