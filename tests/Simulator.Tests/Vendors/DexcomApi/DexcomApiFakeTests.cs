using Microsoft.AspNetCore.WebUtilities;
using Scenarios.Model;
using Simulator.Glucose;
using Simulator.Journal;
using Simulator.Tests.Support;
using Simulator.Vendors.DexcomApi;

namespace Simulator.Tests.Vendors.DexcomApi;

/// <summary>Dexcom Developer API v3 as a follower backend uses it (vendor-apis.md §4): OAuth2 code flow, egvs, dataRange, limits.</summary>
public sealed class DexcomApiFakeTests : IDisposable
{
    /// <summary>08:00 UTC: on the hour, so the hourly window starts here.</summary>
    private static readonly DateTimeOffset Now = Rig.T0.AddHours(2);

    private readonly DexcomApiHarness _dx = new(new ManualClock(Now));

    public void Dispose() => _dx.Dispose();

    private static async Task<string> Describe(HttpResponseMessage response) =>
        $"{(int)response.StatusCode} {response.Content.Headers.ContentType}\n{await response.Content.ReadAsStringAsync()}\n";

    private static async Task AssertOAuthError(HttpResponseMessage response, int status, string error)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.JsonAsync();
        Assert.Equal(error, body.Str("error"));
        Assert.False(string.IsNullOrEmpty(body.Str("error_description")));
    }

    private static async Task AssertFault(HttpResponseMessage response, int status, string errorcode)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var fault = (await response.JsonAsync()).GetProperty("fault");
        Assert.False(string.IsNullOrEmpty(fault.Str("faultstring")));
        Assert.Equal(errorcode, fault.GetProperty("detail").Str("errorcode"));
    }

    private void Accept(DateTimeOffset sensorTime, int mgdl, Trend trend = Trend.Flat, string patient = "child-1") =>
        _dx.Fake.Store.Accept(new Reading(patient, sensorTime, mgdl, trend), sensorTime);

    // ---- Login ----------------------------------------------------------------------------------------------

    [Fact]
    public async Task A_login_redirects_to_the_redirect_uri_with_a_code_and_the_state()
    {
        using var response = await _dx.LoginAsync(DexcomApiHarness.User.Username, DexcomApiHarness.User.Password, state: "a b&c");

        Assert.Equal(302, (int)response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(DexcomApiHarness.App.RedirectUri + "?", location.OriginalString, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Matches("^[0-9a-f]{32}$", query["code"].ToString());
        Assert.Equal("a b&c", query["state"].ToString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_login_posted_as_a_form_is_accepted_too()
    {
        using var response = await _dx.Client.PostAsync(new Uri(DexcomApiHarness.LoginQuery(), UriKind.Relative), new FormUrlEncodedContent(
            [new("username", DexcomApiHarness.User.Username), new("password", DexcomApiHarness.User.Password)]));

        Assert.Equal(302, (int)response.StatusCode);
        Assert.Contains("code=", response.Headers.Location!.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_credentials_the_login_page_is_shown_and_wrong_ones_show_it_again_with_an_error()
    {
        using var page = await _dx.LoginAsync(null, null);
        using var wrong = await _dx.LoginAsync(DexcomApiHarness.User.Username, "not-the-password");
        using var passwordless = await _dx.LoginAsync(DexcomApiHarness.User.Username, null);

        foreach (var response in new[] { page, wrong, passwordless })
        {
            Assert.Equal(200, (int)response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Null(response.Headers.Location);
            Assert.Contains("<form", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.DoesNotContain("Invalid username or password", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Invalid username or password", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sandbox_drop_down_logs_in_by_username_alone_or_auto_selects_a_user()
    {
        using var sandbox = new DexcomApiHarness(new ManualClock(Now), o => o with { PasswordlessLogin = true });
        using var auto = new DexcomApiHarness(new ManualClock(Now), o => o with { AutoSelectUser = DexcomApiHarness.Other.Username });

        using var picked = await sandbox.LoginAsync(DexcomApiHarness.Other.Username, null);
        using var selected = await auto.LoginAsync(null, null);

        Assert.Equal((302, 302), ((int)picked.StatusCode, (int)selected.StatusCode));
        var code = QueryHelpers.ParseQuery(selected.Headers.Location!.Query)["code"].ToString();
        using var token = await auto.ExchangeAsync(code);
        using var egvs = await auto.EgvsLastDayAsync((await token.JsonAsync()).Str("access_token"));
        Assert.Equal(DexcomApiHarness.Other.UserId.ToString(), (await egvs.JsonAsync()).Str("userId"));
    }

    [Fact]
    public async Task An_unknown_client_or_redirect_uri_is_refused_without_a_redirect()
    {
        using var client = await _dx.Client.GetAsync(new Uri(DexcomApiHarness.LoginQuery("u", "p", clientId: "someone-else"), UriKind.Relative));
        using var redirect = await _dx.Client.GetAsync(new Uri(DexcomApiHarness.LoginQuery("u", "p", redirectUri: "https://evil.example/cb"), UriKind.Relative));

        await AssertOAuthError(client, 400, "invalid_client");
        await AssertOAuthError(redirect, 400, "invalid_request");
        Assert.Null(client.Headers.Location);
        Assert.Null(redirect.Headers.Location);
    }

    [Fact]
    public async Task A_response_type_other_than_code_redirects_with_the_error()
    {
        using var response = await _dx.Client.GetAsync(new Uri(DexcomApiHarness.LoginQuery(
            DexcomApiHarness.User.Username, DexcomApiHarness.User.Password, state: "s9", responseType: "token"), UriKind.Relative));

        Assert.Equal(302, (int)response.StatusCode);
        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.Equal(("unsupported_response_type", "s9"), (query["error"].ToString(), query["state"].ToString()));
        Assert.False(query.ContainsKey("code"));
    }

    // ---- Token ----------------------------------------------------------------------------------------------

    [Fact]
    public async Task The_code_is_exchanged_for_a_bearer_token_pair()
    {
        var code = await _dx.CodeAsync();

        using var response = await _dx.ExchangeAsync(code);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var body = await response.JsonAsync();
        Assert.Equal(["access_token", "expires_in", "token_type", "refresh_token"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal((7200, "Bearer"), (body.GetProperty("expires_in").GetInt32(), body.Str("token_type")));
        Golden.Match(await Describe(response), "DexcomApi.token");
    }

    [Fact]
    public async Task A_code_is_single_use_and_reusing_it_revokes_what_it_bought()
    {
        var code = await _dx.CodeAsync();
        using var first = await _dx.ExchangeAsync(code);
        var access = (await first.JsonAsync()).Str("access_token");
        using (var before = await _dx.EgvsLastDayAsync(access)) Assert.Equal(200, (int)before.StatusCode);

        using var again = await _dx.ExchangeAsync(code);

        await AssertOAuthError(again, 400, "invalid_grant");
        Assert.Equal("no-store", again.Headers.CacheControl?.ToString());
        using var after = await _dx.EgvsLastDayAsync(access);
        await AssertFault(after, 401, "keymanagement.service.invalid_access_token");
    }

    [Fact]
    public async Task A_code_expires_after_ten_virtual_minutes()
    {
        var code = await _dx.CodeAsync();
        _dx.Clock.Advance(TimeSpan.FromMinutes(10));

        using var response = await _dx.ExchangeAsync(code);

        await AssertOAuthError(response, 400, "invalid_grant");
    }

    [Fact]
    public async Task A_code_must_come_back_with_the_same_redirect_uri()
    {
        using var response = await _dx.ExchangeAsync(await _dx.CodeAsync(), redirectUri: "https://follower.example/other");

        await AssertOAuthError(response, 400, "invalid_grant");
    }

    [Fact]
    public async Task A_wrong_client_secret_is_invalid_client_and_leaves_the_code_usable()
    {
        var code = await _dx.CodeAsync();

        using var wrong = await _dx.ExchangeAsync(code, secret: "not-the-secret");
        using var right = await _dx.ExchangeAsync(code);

        await AssertOAuthError(wrong, 401, "invalid_client");
        Assert.Equal(200, (int)right.StatusCode);
    }

    [Fact]
    public async Task Malformed_token_requests_get_rfc_6749_errors()
    {
        using var noGrant = await _dx.TokenAsync(("client_id", "sim-client-id"), ("client_secret", "sim-client-secret"));
        using var password = await _dx.TokenAsync(("client_id", "sim-client-id"), ("client_secret", "sim-client-secret"), ("grant_type", "password"));
        using var noCode = await _dx.TokenAsync(("client_id", "sim-client-id"), ("client_secret", "sim-client-secret"), ("grant_type", "authorization_code"));
        using var unknownCode = await _dx.ExchangeAsync("0123456789abcdef0123456789abcdef");

        await AssertOAuthError(noGrant, 400, "invalid_request");
        await AssertOAuthError(password, 400, "unsupported_grant_type");
        await AssertOAuthError(noCode, 400, "invalid_request");
        await AssertOAuthError(unknownCode, 400, "invalid_grant");
    }

    [Fact]
    public async Task A_refresh_answers_a_new_pair_and_the_used_refresh_token_stops_working()
    {
        var (_, refresh) = await _dx.AuthorizeAsync();
        _dx.Clock.Advance(TimeSpan.FromHours(3));

        using var refreshed = await _dx.RefreshAsync(refresh);
        using var reused = await _dx.RefreshAsync(refresh);

        Assert.Equal(200, (int)refreshed.StatusCode);
        var body = await refreshed.JsonAsync();
        Assert.NotEqual(refresh, body.Str("refresh_token"));
        Assert.Equal(7200, body.GetProperty("expires_in").GetInt32());
        using var egvs = await _dx.EgvsLastDayAsync(body.Str("access_token"));
        Assert.Equal(200, (int)egvs.StatusCode);
        await AssertOAuthError(reused, 400, "invalid_grant");
        using var next = await _dx.RefreshAsync(body.Str("refresh_token"));
        Assert.Equal(200, (int)next.StatusCode);
    }

    [Fact]
    public async Task Without_rotation_the_same_refresh_token_is_answered_and_stays_valid()
    {
        using var dx = new DexcomApiHarness(new ManualClock(Now), o => o with { RotateRefreshTokens = false });
        var (_, refresh) = await dx.AuthorizeAsync();

        using var first = await dx.RefreshAsync(refresh);
        using var second = await dx.RefreshAsync(refresh);

        Assert.Equal(refresh, (await first.JsonAsync()).Str("refresh_token"));
        Assert.Equal(200, (int)second.StatusCode);
    }

    // ---- Bearer ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task An_access_token_expires_after_7200_virtual_seconds()
    {
        var (access, _) = await _dx.AuthorizeAsync();
        _dx.Clock.Advance(TimeSpan.FromSeconds(7199));
        using (var stillValid = await _dx.EgvsLastDayAsync(access)) Assert.Equal(200, (int)stillValid.StatusCode);
        _dx.Clock.Advance(TimeSpan.FromSeconds(1));

        using var expired = await _dx.EgvsLastDayAsync(access);

        await AssertFault(expired, 401, "keymanagement.service.access_token_expired");
    }

    [Fact]
    public async Task A_missing_or_unknown_bearer_gets_401()
    {
        using var missing = await _dx.EgvsLastDayAsync(null);
        using var unknown = await _dx.EgvsLastDayAsync("not-a-token");
        using var range = await _dx.GetAsync(DexcomApiFake.DataRangePath, "not-a-token");

        await AssertFault(missing, 401, "oauth.v2.InvalidAccessToken");
        await AssertFault(unknown, 401, "keymanagement.service.invalid_access_token");
        await AssertFault(range, 401, "keymanagement.service.invalid_access_token");
    }

    // ---- egvs -----------------------------------------------------------------------------------------------

    [Fact]
    public async Task Egvs_answers_the_v3_records_newest_first_for_the_window()
    {
        Accept(Now.AddHours(-3), 112, Trend.Flat);
        Accept(Now.AddHours(-2).AddMinutes(-5), 98, Trend.FortyFiveDown);
        Accept(Now.AddHours(-2), 54, Trend.DoubleDown);
        Accept(Now.AddHours(-2).AddMinutes(5), 400, Trend.DoubleUp);
        Accept(Now.AddHours(-2), 180, patient: "child-2");
        var (access, _) = await _dx.AuthorizeAsync();

        using var response = await _dx.EgvsAsync(access, DexcomApiHarness.Format(Now.AddHours(-2).AddMinutes(-5)), DexcomApiHarness.Format(Now));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.JsonAsync();
        Assert.Equal([400, 54, 98], body.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("value").GetInt32()));
        Golden.Match(await Describe(response), "DexcomApi.egvs");
        var served = await Eventually.JournaledAsync<ReadingsServed>(_dx.Journal, r => r.Vendor == "dexcom-api", "the served egvs");
        Assert.Equal(("child-1", 3, Now.AddHours(-2).AddMinutes(5)), (served.Patient, served.Count, served.NewestSensorTime));
    }

    [Fact]
    public async Task Utc_offsets_are_added_to_record_times_when_configured()
    {
        using var dx = new DexcomApiHarness(new ManualClock(Now), o => o with { UtcOffsetInTimes = true, DisplayDevice = "android" });
        dx.Fake.Store.Accept(new Reading("child-1", Now.AddHours(-2), 120, Trend.Flat), Now.AddHours(-2));
        var (access, _) = await dx.AuthorizeAsync();

        using var response = await dx.EgvsLastDayAsync(access);

        var record = Assert.Single((await response.JsonAsync()).GetProperty("records").EnumerateArray());
        Assert.Equal(("2019-11-30T06:00:00+00:00", "2019-11-30T01:00:00-05:00", "android"),
            (record.Str("systemTime"), record.Str("displayTime"), record.Str("displayDevice")));
    }

    [Fact]
    public async Task A_reading_inside_the_one_hour_us_delay_is_absent_and_appears_once_it_is_older()
    {
        Accept(Now.AddMinutes(-61), 101);
        Accept(Now.AddMinutes(-59), 102);
        var (access, _) = await _dx.AuthorizeAsync();

        using var early = await _dx.EgvsLastDayAsync(access);
        _dx.Clock.Advance(TimeSpan.FromMinutes(1));
        using var onTheDot = await _dx.EgvsLastDayAsync(access);

        Assert.Equal([101], (await early.JsonAsync()).GetProperty("records").EnumerateArray().Select(r => r.GetProperty("value").GetInt32()));
        Assert.Equal([102, 101], (await onTheDot.JsonAsync()).GetProperty("records").EnumerateArray().Select(r => r.GetProperty("value").GetInt32()));
    }

    [Fact]
    public async Task Outside_the_us_the_delay_is_three_hours_and_it_is_configurable()
    {
        using var ous = new DexcomApiHarness(new ManualClock(Now), o => o with { Region = DexcomRegion.Ous });
        using var custom = new DexcomApiHarness(new ManualClock(Now), o => o with { DataDelay = TimeSpan.Zero });
        foreach (var dx in new[] { ous, custom })
        {
            dx.Fake.Store.Accept(new Reading("child-1", Now.AddMinutes(-170), 150, Trend.Flat), Now.AddMinutes(-170));
            dx.Fake.Store.Accept(new Reading("child-1", Now.AddMinutes(-185), 140, Trend.Flat), Now.AddMinutes(-185));
            dx.Fake.Store.Accept(new Reading("child-1", Now, 160, Trend.Flat), Now);
        }

        using var ousEgvs = await ous.EgvsLastDayAsync((await ous.AuthorizeAsync()).Access);
        using var customEgvs = await custom.EgvsLastDayAsync((await custom.AuthorizeAsync()).Access);

        Assert.Equal(TimeSpan.FromHours(3), ous.Fake.Options.EffectiveDataDelay);
        Assert.Equal([140], (await ousEgvs.JsonAsync()).GetProperty("records").EnumerateArray().Select(r => r.GetProperty("value").GetInt32()));
        Assert.Equal([160, 150, 140], (await customEgvs.JsonAsync()).GetProperty("records").EnumerateArray().Select(r => r.GetProperty("value").GetInt32()));
    }

    [Fact]
    public async Task A_backlogged_reading_stays_hidden_past_the_delay_until_the_backlog_releases_it()
    {
        var until = Now.AddHours(2);
        var clock = new ManualClock(Now);
        using var dx = new DexcomApiHarness(clock, null, Rig.Fault("dexcom-api", null, Now.AddTicks(-1), until, new BacklogFaultOptions { Release = BacklogRelease.Burst }));
        dx.Fake.Store.Accept(new Reading("child-1", Now, 77, Trend.Flat));
        var (access, _) = await dx.AuthorizeAsync();

        clock.Set(Now.AddMinutes(90));
        using var held = await dx.EgvsLastDayAsync(access);
        clock.Set(until);
        var (fresh, _) = await dx.AuthorizeAsync();
        using var released = await dx.EgvsLastDayAsync(fresh);

        Assert.Empty((await held.JsonAsync()).GetProperty("records").EnumerateArray());
        Assert.Equal(77, Assert.Single((await released.JsonAsync()).GetProperty("records").EnumerateArray()).GetProperty("value").GetInt32());
    }

    [Fact]
    public async Task Egvs_accepts_iso_dates_with_fractions_and_zones_converted_to_utc()
    {
        Accept(Now.AddHours(-2), 120);
        var (access, _) = await _dx.AuthorizeAsync();

        using var zulu = await _dx.EgvsAsync(access, "2019-11-30T05:59:59.000Z", "2019-11-30T06:00:00.000Z");
        using var offset = await _dx.EgvsAsync(access, "2019-11-30T00:59:00-05:00", "2019-11-30T01:00:00-05:00");
        using var before = await _dx.EgvsAsync(access, "2019-11-30T05:00:00", "2019-11-30T05:59:59");

        Assert.Single((await zulu.JsonAsync()).GetProperty("records").EnumerateArray());
        Assert.Single((await offset.JsonAsync()).GetProperty("records").EnumerateArray());
        Assert.Empty((await before.JsonAsync()).GetProperty("records").EnumerateArray());
    }

    [Theory]
    [InlineData("startDate=2019-11-30T00:00:00")]
    [InlineData("endDate=2019-11-30T00:00:00")]
    [InlineData("startDate=30/11/2019&endDate=2019-11-30T00:00:00")]
    [InlineData("startDate=2019-11-30&endDate=2019-12-01")]
    [InlineData("startDate=2019-11-30T00:00:00&endDate=2019-11-30T00:00:00")]
    [InlineData("startDate=2019-11-30T00:00:00&endDate=2019-11-29T00:00:00")]
    [InlineData("startDate=2019-10-30T00:00:00&endDate=2019-11-30T00:00:01")]
    public async Task Bad_dates_get_400_in_the_fault_envelope(string query)
    {
        var (access, _) = await _dx.AuthorizeAsync();

        using var response = await _dx.GetAsync($"{DexcomApiFake.EgvsPath}?{query}", access);

        await AssertFault(response, 400, "invalid_request");
    }

    // ---- dataRange ------------------------------------------------------------------------------------------

    [Fact]
    public async Task DataRange_answers_the_first_and_last_fetchable_egv()
    {
        Accept(Now.AddDays(-2), 130);
        Accept(Now.AddHours(-1).AddMinutes(-5), 140);
        Accept(Now.AddMinutes(-30), 150); // inside the delay: not fetchable yet
        var (access, _) = await _dx.AuthorizeAsync();

        using var response = await _dx.GetAsync(DexcomApiFake.DataRangePath, access);
        using var sinceSync = await _dx.GetAsync($"{DexcomApiFake.DataRangePath}?lastSyncTime=2019-11-30T06:54:59", access);
        using var nothingNew = await _dx.GetAsync($"{DexcomApiFake.DataRangePath}?lastSyncTime=2019-11-30T06:55:00", access);

        Assert.Equal(200, (int)response.StatusCode);
        Golden.Match(await Describe(response), "DexcomApi.dataRange");
        var window = (await sinceSync.JsonAsync()).GetProperty("egvs");
        Assert.Equal(("2019-11-30T06:55:00", "2019-11-30T06:55:00"), (window.GetProperty("start").Str("systemTime"), window.GetProperty("end").Str("systemTime")));
        Assert.False((await nothingNew.JsonAsync()).TryGetProperty("egvs", out _));
        Assert.Empty(_dx.Journal.OfType<ReadingsServed>());
    }

    // ---- Limits and faults ----------------------------------------------------------------------------------

    [Fact]
    public async Task Calls_over_the_hourly_limit_get_429_until_the_next_hour()
    {
        using var dx = new DexcomApiHarness(new ManualClock(Now), o => o with { HourlyLimit = 4 });
        var (access, _) = await dx.AuthorizeAsync(); // call 1 of the hour: the token exchange counts too
        for (var i = 2; i <= 4; i++)
        {
            dx.Clock.Advance(TimeSpan.FromMinutes(5));
            using var ok = await dx.EgvsLastDayAsync(access);
            Assert.Equal(200, (int)ok.StatusCode);
        }

        using var limited = await dx.EgvsLastDayAsync(access);
        using var limitedToken = await dx.ExchangeAsync("0123456789abcdef0123456789abcdef");
        dx.Clock.Set(Now.AddHours(1));
        using var nextHour = await dx.EgvsLastDayAsync(access);

        await AssertFault(limited, 429, "policies.ratelimit.QuotaViolation");
        Assert.False(limited.Headers.Contains("Retry-After"));
        Golden.Match(await Describe(limited), "DexcomApi.rateLimited");
        await AssertFault(limitedToken, 429, "policies.ratelimit.QuotaViolation");
        Assert.Equal(200, (int)nextHour.StatusCode);
    }

    [Fact]
    public async Task The_429_can_say_when_the_window_resets()
    {
        using var dx = new DexcomApiHarness(new ManualClock(Now), o => o with { HourlyLimit = 1, RetryAfterOnLimit = true });
        var (access, _) = await dx.AuthorizeAsync();
        dx.Clock.Advance(TimeSpan.FromMinutes(15));

        using var limited = await dx.EgvsLastDayAsync(access);

        Assert.Equal(429, (int)limited.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(45), limited.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task An_outage_on_read_answers_the_gateway_fault_and_leaves_the_login_working()
    {
        using var dx = new DexcomApiHarness(new ManualClock(Now), null,
            Rig.Fault("dexcom-api", "read", Now, new OutageFaultOptions { StatusCode = 503 }));
        var (access, _) = await dx.AuthorizeAsync();

        using var response = await dx.EgvsLastDayAsync(access);

        await AssertFault(response, 503, "messaging.adaptors.http.flow.ServiceUnavailable");
        Golden.Match(await Describe(response), "DexcomApi.outage503");
        var served = await Eventually.JournaledAsync<RequestServed>(dx.Journal, r => r.Endpoint == "read", "the faulted egvs");
        Assert.Equal((503, "outage"), (served.Status, served.Fault));
    }

    [Fact]
    public async Task Failing_logins_show_the_error_page_and_revoked_tokens_send_the_user_back_to_login()
    {
        var clock = new ManualClock(Now);
        using var dx = new DexcomApiHarness(clock, null,
            Rig.Fault("dexcom-api", "login", Now.AddHours(1), Now.AddHours(2), new AuthFaultOptions { Mode = AuthMode.LoginFails }),
            Rig.Fault("dexcom-api", "read", Now.AddHours(1), Now.AddHours(2), new AuthFaultOptions { Mode = AuthMode.SessionsRevoked }));
        var (access, refresh) = await dx.AuthorizeAsync();
        clock.Set(Now.AddHours(1).AddMinutes(1));

        using var login = await dx.LoginAsync(DexcomApiHarness.User.Username, DexcomApiHarness.User.Password);
        using var revoked = await dx.EgvsLastDayAsync(access);
        using var refreshed = await dx.RefreshAsync(refresh);

        Assert.Equal(200, (int)login.StatusCode);
        Assert.Contains("Invalid username or password", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertFault(revoked, 401, "keymanagement.service.invalid_access_token");
        await AssertOAuthError(refreshed, 400, "invalid_grant");
    }

    [Fact]
    public async Task The_warm_up_reaches_the_handlers_without_using_the_hourly_budget()
    {
        using var dx = new DexcomApiHarness(new ManualClock(Now), o => o with { HourlyLimit = 2 });

        await dx.Fake.WarmUpAsync(dx.Client, CancellationToken.None);
        var (access, _) = await dx.AuthorizeAsync();
        using var egvs = await dx.EgvsLastDayAsync(access);

        Assert.Equal(200, (int)egvs.StatusCode);
        await Eventually.UntilAsync(() => dx.Journal.OfType<RequestServed>().Count == 3, "the three real requests");
    }

    [Fact]
    public async Task Requests_are_journaled_under_the_fault_endpoint_names()
    {
        var (access, _) = await _dx.AuthorizeAsync();
        using (await _dx.EgvsLastDayAsync(access)) { }
        using (await _dx.GetAsync(DexcomApiFake.DataRangePath, access)) { }

        await Eventually.UntilAsync(() => _dx.Journal.OfType<RequestServed>().Count == 4, "four journaled requests");
        Assert.Equal(
            [("login", 302), ("read", 200), ("read", 200), ("token", 200)],
            _dx.Journal.OfType<RequestServed>().Select(r => (r.Endpoint, r.Status)).Order());
        Assert.All(_dx.Journal.OfType<RequestServed>(), r => Assert.Equal("dexcom-api", r.Vendor));
    }
}
