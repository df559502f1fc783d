using Scenarios.Model;
using Simulator.Glucose;
using Simulator.Journal;
using Simulator.Tests.Support;
using static Simulator.Tests.Vendors.LibreLinkUp.LibreLinkUpHarness;

namespace Simulator.Tests.Vendors.LibreLinkUp;

/// <summary>Faults from the timeline, answered in LibreLinkUp's (and its Cloudflare front's) own words.</summary>
public sealed class LibreLinkUpFaultTests
{
    private static readonly DateTimeOffset At = Now.AddMinutes(1);

    private static FaultSpec Fault(string? endpoint, FaultOptions options) => Rig.Fault("librelinkup", endpoint, At, At.AddHours(1), options);

    [Fact]
    public async Task Stale_LibreLinkUp_June_2023_keeps_serving_the_last_value_before_the_window_as_current()
    {
        var clock = new ManualClock(Now);
        using var llu = new LibreLinkUpHarness(clock, Fault("read", new StaleFaultOptions()));
        llu.Store(Account.Patient, Now.AddMinutes(-10), 131, Trend.Flat);
        llu.Store(Account.Patient, Now.AddMinutes(-5), 125, Trend.FortyFiveDown);
        var token = await llu.TokenAsync();
        // The sensor keeps uploading through the window.
        llu.Store(Account.Patient, At.AddMinutes(4), 90, Trend.SingleDown);
        llu.Store(Account.Patient, At.AddMinutes(9), 70, Trend.SingleDown);
        clock.Set(At.AddMinutes(12));

        using var connections = await llu.GetAsync("/llu/connections", token);
        using var graph = await llu.GetAsync(GraphPath(Account), token);

        var measurement = Assert.Single((await connections.JsonAsync()).GetProperty("data").EnumerateArray()).GetProperty("glucoseMeasurement");
        Assert.Equal(125, measurement.GetProperty("ValueInMgPerDl").GetInt32());
        // 125 was measured at 08:55; it is dated 09:10, on its own 5-minute cadence, so it looks current.
        Assert.Equal(Stamp(Now.AddMinutes(10).UtcDateTime), measurement.Str("FactoryTimestamp"));
        Assert.Equal(2, measurement.GetProperty("TrendArrow").GetInt32());
        var points = (await graph.JsonAsync()).GetProperty("data").GetProperty("graphData").EnumerateArray().ToList();
        Assert.Equal([131, 125], points.Select(p => p.GetProperty("ValueInMgPerDl").GetInt32()));

        var served = llu.Journal.OfType<ReadingsServed>();
        Assert.Equal(2, served.Count);
        Assert.All(served, s => Assert.Equal(Now.AddMinutes(-5), s.NewestSensorTime));
        await Eventually.UntilAsync(() => llu.Journal.OfType<RequestServed>().Count(r => r.Endpoint == "read") == 2, "two journaled reads");
        Assert.All(llu.Journal.OfType<RequestServed>().Where(r => r.Endpoint == "read"), r => Assert.Equal((200, "stale"), (r.Status, r.Fault)));

        // After the window, the uploads show up.
        clock.Set(At.AddHours(1));
        using var after = await llu.GetAsync("/llu/connections", token);
        var now = Assert.Single((await after.JsonAsync()).GetProperty("data").EnumerateArray()).GetProperty("glucoseMeasurement");
        Assert.Equal(70, now.GetProperty("ValueInMgPerDl").GetInt32());
    }

    [Fact]
    public async Task A_rate_limit_answers_429_with_retry_after_and_cloudflare_s_page()
    {
        var clock = new ManualClock(Now);
        using var llu = new LibreLinkUpHarness(clock, Fault(null, new RateLimitFaultOptions { RetryAfter = TimeSpan.FromSeconds(30) }));
        var token = await llu.TokenAsync();
        clock.Set(At);

        using var response = await llu.GetAsync("/llu/connections", token);

        Assert.Equal(429, (int)response.StatusCode);
        Assert.Equal("30", Assert.Single(response.Headers.GetValues("Retry-After")));
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Golden.Match(body, "RateLimited");
        Assert.Contains("Error code 1015", body, StringComparison.Ordinal);
        var journaled = await Eventually.JournaledAsync<RequestServed>(llu.Journal, r => r.Status == 429, "the refused read");
        Assert.Equal(("read", "rate-limit"), (journaled.Endpoint, journaled.Fault));
    }

    [Fact]
    public async Task A_per_client_rate_limit_counts_each_account_by_its_token()
    {
        var clock = new ManualClock(Now);
        using var llu = new LibreLinkUpHarness(clock, Fault("read", new RateLimitFaultOptions { Limit = 2, Window = TimeSpan.FromMinutes(5) }));
        var first = await llu.TokenAsync();
        var second = await llu.TokenAsync(Eu2Account, "/eu2/llu/auth/login");
        clock.Set(At);

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await llu.GetAsync("/llu/connections", first);
            statuses.Add((int)response.StatusCode);
        }
        using var other = await llu.SendAsync(HttpMethod.Get, "/eu2/llu/connections", token: second, accountId: Eu2Account.AccountIdHeader);

        Assert.Equal([200, 200, 429], statuses);
        Assert.Equal(200, (int)other.StatusCode);
    }

    [Fact]
    public async Task An_outage_answers_with_cloudflare_s_error_page_for_its_status()
    {
        var clock = new ManualClock(At);
        using var llu = new LibreLinkUpHarness(clock, Fault("login", new OutageFaultOptions { StatusCode = 502 }));

        using var response = await llu.LoginAsync(Account.Email, Account.Password);

        Assert.Equal(502, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Golden.Match(await response.Content.ReadAsStringAsync(), "Outage502");
    }

    [Fact]
    public async Task An_outage_401_answers_the_service_s_own_invalid_jwt_body()
    {
        var clock = new ManualClock(At);
        using var llu = new LibreLinkUpHarness(clock, Fault("read", new OutageFaultOptions { StatusCode = 401 }));
        var token = await llu.TokenAsync();

        using var response = await llu.GetAsync("/llu/connections", token);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("""{"message":"invalid or expired jwt"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_outage_403_aimed_at_a_user_agent_is_a_forced_upgrade_in_the_version_gate_s_words()
    {
        var clock = new ManualClock(At);
        using var llu = new LibreLinkUpHarness(clock,
            Fault(null, new OutageFaultOptions { StatusCode = 403, Where = new RequestFaultFilter { UserAgents = ["iPhone"] } }));

        using var response = await llu.LoginAsync(Account.Email, Account.Password);

        Assert.Equal(403, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"data":{"minimumVersion":"4.16.0"},"status":920}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_outage_aimed_at_one_account_leaves_the_other_be()
    {
        var clock = new ManualClock(Now);
        using var llu = new LibreLinkUpHarness(clock,
            Fault("read", new OutageFaultOptions { StatusCode = 503, Where = new RequestFaultFilter { Accounts = ["child-2"] } }));
        var first = await llu.TokenAsync();
        var second = await llu.TokenAsync(Eu2Account, "/eu2/llu/auth/login");
        clock.Set(At);

        using var unaffected = await llu.GetAsync("/llu/connections", first);
        using var affected = await llu.SendAsync(HttpMethod.Get, GraphPath(Eu2Account).Replace("/llu", "/eu2/llu", StringComparison.Ordinal),
            token: second, accountId: Eu2Account.AccountIdHeader);

        Assert.Equal(200, (int)unaffected.StatusCode);
        Assert.Equal(503, (int)affected.StatusCode);
    }

    [Fact]
    public async Task A_login_fault_aimed_by_e_mail_refuses_that_account_s_login_as_bad_credentials()
    {
        var clock = new ManualClock(At);
        using var llu = new LibreLinkUpHarness(clock,
            Fault("login", new AuthFaultOptions { Mode = AuthMode.LoginFails, Where = new RequestFaultFilter { Accounts = ["child-1"] } }));

        using var refused = await llu.LoginAsync(Account.Email, Account.Password);
        using var other = await llu.LoginAsync(Eu2Account.Email, Eu2Account.Password, "/eu2/llu/auth/login");

        Assert.Equal(200, (int)refused.StatusCode);
        Assert.Equal("""{"status":2,"error":{"message":"notAuthenticated"}}""", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, (await other.JsonAsync()).GetProperty("status").GetInt32());
        var journaled = await Eventually.JournaledAsync<RequestServed>(llu.Journal, r => r.Fault == "auth", "the refused login");
        Assert.Equal("login", journaled.Endpoint);
    }

    [Fact]
    public async Task Revoked_sessions_stay_revoked_after_the_window_and_a_new_login_works()
    {
        var clock = new ManualClock(Now);
        using var llu = new LibreLinkUpHarness(clock, Fault("read", new AuthFaultOptions { Mode = AuthMode.SessionsRevoked }));
        var old = await llu.TokenAsync();
        clock.Set(At.AddMinutes(5));

        using var revoked = await llu.GetAsync("/llu/connections", old);
        var fresh = await llu.TokenAsync();
        using var freshRead = await llu.GetAsync("/llu/connections", fresh);
        clock.Set(At.AddHours(2));
        using var stillRevoked = await llu.GetAsync("/llu/connections", old);

        Assert.Equal((401, """{"message":"invalid or expired jwt"}"""), ((int)revoked.StatusCode, await revoked.Content.ReadAsStringAsync()));
        Assert.Equal(200, (int)freshRead.StatusCode);
        Assert.Equal(401, (int)stillRevoked.StatusCode);
    }

    [Fact]
    public async Task A_backlog_holds_readings_back_until_it_releases_them()
    {
        var clock = new ManualClock(Now);
        using var llu = new LibreLinkUpHarness(clock, Rig.Fault("librelinkup", "read", At, At.AddMinutes(20), new BacklogFaultOptions()));
        llu.Store(Account.Patient, At.AddMinutes(-5), 120);
        var token = await llu.TokenAsync();
        clock.Set(At.AddMinutes(5));
        llu.Store(Account.Patient, At.AddMinutes(5), 100);

        using var during = await llu.GetAsync("/llu/connections", token);
        clock.Set(At.AddMinutes(20));
        using var after = await llu.GetAsync("/llu/connections", token);

        static int Value(System.Text.Json.JsonElement body) =>
            body.GetProperty("data")[0].GetProperty("glucoseMeasurement").GetProperty("ValueInMgPerDl").GetInt32();
        Assert.Equal(120, Value(await during.JsonAsync()));
        Assert.Equal(100, Value(await after.JsonAsync()));
    }
}
