using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Scenarios.Model;
using Simulator.Glucose;
using Simulator.Journal;
using Simulator.Tests.Support;
using Simulator.Tests.Vendors.Fcm;
using Simulator.Time;
using Simulator.Vendors.Fcm;
using Simulator.Vendors.Nightscout;

namespace Simulator.Tests.Faults.Outage;

/// <summary>Outages as a real client meets them: the vendor's own error, a reset connection, or no answer.</summary>
public sealed class OutageFaultTests
{
    private static readonly DateTimeOffset Now = Rig.T0.AddHours(1);

    private static FaultSpec Outage(string vendor, string? endpoint, OutageFaultOptions options) => Rig.Fault(vendor, endpoint, Rig.T0, options);

    [Fact]
    public async Task A_status_outage_on_share_answers_500_in_shares_own_error_shape()
    {
        using var share = new ShareHarness(new ManualClock(Now), Outage("dexcom-share", "read", new OutageFaultOptions { StatusCode = 500 }));
        var session = await share.LoginAsync();

        using var response = await share.ReadAsync(session);

        Assert.Equal(500, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = await response.JsonAsync();
        Assert.Equal("InternalError", error.Str("Code"));
        Assert.False(string.IsNullOrEmpty(error.Str("Message")));
        var served = await Eventually.JournaledAsync<RequestServed>(share.Journal, r => r.Endpoint == "read", "the faulted read");
        Assert.Equal((500, "outage"), (served.Status, served.Fault));
        Assert.Empty(share.Journal.OfType<ReadingsServed>());
    }

    [Fact]
    public async Task A_503_outage_on_share_answers_a_non_json_error_page()
    {
        using var share = new ShareHarness(new ManualClock(Now), Outage("dexcom-share", "read", new OutageFaultOptions { StatusCode = 503 }));
        var session = await share.LoginAsync();

        using var response = await share.ReadAsync(session);

        Assert.Equal(503, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(503, "UNAVAILABLE", "UNAVAILABLE")]
    [InlineData(500, "INTERNAL", "INTERNAL")]
    [InlineData(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED")]
    [InlineData(404, "NOT_FOUND", "UNREGISTERED")]
    public async Task A_status_outage_on_fcm_answers_googles_error_envelope(int status, string googleStatus, string fcmError)
    {
        var context = Rig.Context(new ManualClock(Now), Outage("fcm", null, new OutageFaultOptions { StatusCode = status }));
        using var fake = new FcmFake(context, "sim-project", "token");
        fake.Start();
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/projects/sim-project/messages:send", UriKind.Relative))
        {
            Content = Http.JsonBody(FcmFakeTests.UrgentLow),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "token");

        using var response = await client.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        FcmFakeTests.AssertGoogleError(await response.JsonAsync(), status, googleStatus, fcmError);
        Assert.Empty(context.Journal.OfType<PushReceived>());
    }

    [Fact]
    public async Task A_status_outage_on_nightscout_answers_json_with_the_status()
    {
        var context = Rig.Context(new ManualClock(Now), Outage("nightscout", "read", new OutageFaultOptions { StatusCode = 502 }));
        using var fake = new NightscoutFake(context, [new NightscoutSite("child-1", "sim-api-secret-0001")]);
        fake.Start();
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };

        using var response = await client.GetAsync(new Uri("/child-1/api/v1/entries/sgv.json?count=1", UriKind.Relative));

        Assert.Equal(502, (int)response.StatusCode);
        Assert.Equal(502, (await response.JsonAsync()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_reset_outage_breaks_the_connection_and_is_journaled_with_status_0()
    {
        using var share = new ShareHarness(new ManualClock(Now), Outage("dexcom-share", "read", new OutageFaultOptions { Response = OutageResponse.Reset }));
        var session = await share.LoginAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => share.ReadAsync(session));

        var served = await Eventually.JournaledAsync<RequestServed>(share.Journal, r => r.Endpoint == "read", "the reset read");
        Assert.Equal((0, "outage"), (served.Status, served.Fault));
        Assert.Empty(share.Journal.OfType<ReadingsServed>());
    }

    [Fact]
    public async Task A_timeout_outage_holds_the_request_until_the_client_gives_up()
    {
        // At 600x the 10-minute virtual hold is one real second: longer than the client waits.
        var clock = new VirtualClock(Now, speed: 600);
        using var share = new ShareHarness(clock, Rig.Fault("dexcom-share", "read", Now, new OutageFaultOptions { Response = OutageResponse.Timeout }));
        clock.Start();
        var session = await share.LoginAsync();
        // Only the faulted read is impatient: a login slowed by a loaded machine must not time out instead.
        using var impatient = new HttpClient { BaseAddress = share.Fake.ServicesUrl, Timeout = TimeSpan.FromMilliseconds(300) };

        var thrown = await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.PostAsync(
            new Uri($"Publisher/ReadPublisherLatestGlucoseValues?sessionId={session}&minutes=1440&maxCount=288", UriKind.Relative), Http.JsonBody(new { })));

        Assert.IsType<TimeoutException>(thrown.InnerException);
        var served = await Eventually.JournaledAsync<RequestServed>(share.Journal, r => r.Endpoint == "read", "the abandoned read");
        Assert.Equal((0, "outage"), (served.Status, served.Fault));
    }

    [Fact]
    public async Task A_timeout_outage_drops_the_connection_once_its_hold_is_over()
    {
        // At 6000x the 10-minute virtual hold is 100 ms real, well inside the client's patience.
        var clock = new VirtualClock(Now, speed: 6000);
        using var share = new ShareHarness(clock, seed: 7, timeout: TimeSpan.FromSeconds(20),
            Rig.Fault("dexcom-share", "read", Now, new OutageFaultOptions { Response = OutageResponse.Timeout }));
        clock.Start();
        var session = await share.LoginAsync();
        var sent = clock.GetUtcNow();

        await Assert.ThrowsAsync<HttpRequestException>(() => share.ReadAsync(session));

        Assert.True(clock.GetUtcNow() - sent >= Simulator.Faults.Outage.OutageFault.TimeoutHold - TimeSpan.FromSeconds(10),
            $"dropped after only {clock.GetUtcNow() - sent} virtual");
        var served = await Eventually.JournaledAsync<RequestServed>(share.Journal, r => r.Endpoint == "read", "the dropped read");
        Assert.Equal((0, "outage"), (served.Status, served.Fault));
    }

    private static async Task<bool[]> FailurePatternAsync(int seed, int requests)
    {
        using var share = new ShareHarness(new ManualClock(Now), seed, timeout: null,
            Outage("dexcom-share", "read", new OutageFaultOptions { StatusCode = 500, Ratio = 0.5 }));
        var session = await share.LoginAsync();
        var failed = new bool[requests];
        for (var i = 0; i < requests; i++)
        {
            using var response = await share.ReadAsync(session);
            Assert.True((int)response.StatusCode is 200 or 500, $"unexpected {(int)response.StatusCode}");
            failed[i] = (int)response.StatusCode == 500;
        }
        return failed;
    }

    [Fact]
    public async Task A_partial_outage_fails_about_its_ratio_of_requests_reproducibly_for_a_seed()
    {
        var first = await FailurePatternAsync(seed: 42, requests: 200);
        var again = await FailurePatternAsync(seed: 42, requests: 200);
        var otherSeed = await FailurePatternAsync(seed: 43, requests: 200);

        var fraction = first.Count(f => f) / 200.0;
        Assert.InRange(fraction, 0.35, 0.65);
        Assert.Equal(first, again);
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public async Task An_outage_applies_only_inside_its_window()
    {
        var clock = new ManualClock(Now);
        var at = Now.AddHours(1);
        var until = Now.AddHours(2);
        using var share = new ShareHarness(clock, Rig.Fault("dexcom-share", "read", at, until, new OutageFaultOptions { StatusCode = 500 }));
        var session = await share.LoginAsync();

        async Task<int> ReadStatusAt(DateTimeOffset t)
        {
            clock.Set(t);
            using var response = await share.ReadAsync(session);
            return (int)response.StatusCode;
        }

        Assert.Equal(200, await ReadStatusAt(at.AddTicks(-1)));
        Assert.Equal(500, await ReadStatusAt(at));
        Assert.Equal(500, await ReadStatusAt(until.AddTicks(-1)));
        Assert.Equal(200, await ReadStatusAt(until));
    }

    [Fact]
    public async Task An_outage_on_the_read_endpoint_leaves_login_and_upload_working()
    {
        using var share = new ShareHarness(new ManualClock(Now), Outage("dexcom-share", "read", new OutageFaultOptions { StatusCode = 500 }));

        var session = await share.LoginAsync();
        using var upload = await share.UploadAsync(session, (Now, 120, "Flat"));
        using var read = await share.ReadAsync(session);

        Assert.Equal(200, (int)upload.StatusCode);
        Assert.Equal(500, (int)read.StatusCode);
        await Eventually.UntilAsync(() => share.Journal.OfType<RequestServed>().Count == 4, "four journaled requests");
        Assert.All(share.Journal.OfType<RequestServed>().Where(r => r.Endpoint != "read"), r => Assert.Null(r.Fault));
    }

    [Fact]
    public async Task An_outage_on_a_login_endpoint_fails_login_but_not_reads()
    {
        var clock = new ManualClock(Now);
        using var share = new ShareHarness(clock, Rig.Fault("dexcom-share", "login", Now.AddHours(1), new OutageFaultOptions { StatusCode = 500 }));
        var session = await share.LoginAsync();
        clock.Advance(TimeSpan.FromHours(1));

        using var login = await share.AuthenticateAsync(ShareHarness.Account.AccountName, ShareHarness.Account.Password);
        using var read = await share.ReadAsync(session);

        Assert.Equal(500, (int)login.StatusCode);
        Assert.Equal(200, (int)read.StatusCode);
    }

    [Fact]
    public async Task An_outage_aimed_at_the_whole_vendor_fails_every_endpoint()
    {
        var clock = new ManualClock(Now);
        using var share = new ShareHarness(clock, Rig.Fault("dexcom-share", null, Now.AddHours(1), new OutageFaultOptions { StatusCode = 503 }));
        var session = await share.LoginAsync();
        clock.Advance(TimeSpan.FromHours(1));

        using var login = await share.AuthenticateAsync(ShareHarness.Account.AccountName, ShareHarness.Account.Password);
        using var read = await share.ReadAsync(session);
        using var upload = await share.UploadAsync(session, (Now, 120, "Flat"));

        Assert.Equal([503, 503, 503], [(int)login.StatusCode, (int)read.StatusCode, (int)upload.StatusCode]);
        Assert.Empty(share.Journal.OfType<ReadingAccepted>());
    }

    [Fact]
    public async Task An_outage_of_another_vendor_leaves_this_one_alone()
    {
        using var share = new ShareHarness(new ManualClock(Now), Outage("nightscout", null, new OutageFaultOptions { StatusCode = 500 }));

        var session = await share.LoginAsync();
        using var read = await share.ReadAsync(session);

        Assert.Equal(200, (int)read.StatusCode);
    }

    [Fact]
    public async Task An_empty_outage_answers_200_with_no_body_in_the_vendors_content_type()
    {
        using var share = new ShareHarness(new ManualClock(Now), Outage("dexcom-share", "read", new OutageFaultOptions { Response = OutageResponse.Empty, StatusCode = 200 }));
        var session = await share.LoginAsync();

        using var response = await share.ReadAsync(session);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, response.Content.Headers.ContentLength);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("", body);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
        var served = await Eventually.JournaledAsync<RequestServed>(share.Journal, r => r.Endpoint == "read", "the empty read");
        Assert.Equal((200, "outage"), (served.Status, served.Fault));
        Assert.Empty(share.Journal.OfType<ReadingsServed>());
    }

    [Fact]
    public async Task A_malformed_outage_cuts_the_vendors_real_answer_in_half()
    {
        var clock = new ManualClock(Now);
        var at = Now.AddHours(1);
        using var share = new ShareHarness(clock, Rig.Fault("dexcom-share", "read", at, at.AddHours(1), new OutageFaultOptions { Response = OutageResponse.Malformed, StatusCode = 200 }));
        share.Fake.Store.Accept(new Reading(ShareHarness.Account.Patient, Now, 120, Trend.Flat));
        var session = await share.LoginAsync();
        using var healthy = await share.ReadAsync(session);
        var real = await healthy.Content.ReadAsStringAsync();
        clock.Set(at);

        using var response = await share.ReadAsync(session);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetBytes(real)[..(Encoding.UTF8.GetByteCount(real) / 2)], bytes);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(bytes));
    }

    [Fact]
    public async Task A_malformed_outage_still_stores_the_upload_it_garbles_the_answer_to()
    {
        using var nightscout = new NightscoutHarness(new ManualClock(Now), Outage("nightscout", "upload", new OutageFaultOptions { Response = OutageResponse.Malformed, StatusCode = 200 }));

        using var response = await nightscout.UploadAsync("child-1", Now, 77);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(200, (int)response.StatusCode);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
        Assert.Equal(77, Assert.Single(nightscout.Journal.OfType<ReadingAccepted>()).Mgdl);
    }

    [Fact]
    public async Task An_outage_starts_and_ends_on_the_virtual_clock_at_speed_1()
    {
        var clock = new VirtualClock(Now, speed: 1);
        var (at, until) = WindowProbe.Window(Now);
        using var share = new ShareHarness(clock, Rig.Fault("dexcom-share", "read", at, until, new OutageFaultOptions { Response = OutageResponse.Empty, StatusCode = 502 }));
        var session = await share.LoginAsync();

        await WindowProbe.AssertFollowsWindowAsync(clock, share.Journal, "outage", async () =>
        {
            using var response = await share.ReadAsync(session);
        });
    }
}
