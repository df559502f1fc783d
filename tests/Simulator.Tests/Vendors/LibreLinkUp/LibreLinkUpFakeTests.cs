using System.Text.Json;
using Simulator.Glucose;
using Simulator.Journal;
using Simulator.Tests.Support;
using Simulator.Vendors.LibreLinkUp;
using static Simulator.Tests.Vendors.LibreLinkUp.LibreLinkUpHarness;

namespace Simulator.Tests.Vendors.LibreLinkUp;

/// <summary>The LibreLinkUp follower API as real clients call it (vendor-apis.md §3): login, regions, steps, gate, reads, errors.</summary>
public sealed class LibreLinkUpFakeTests : IDisposable
{
    private const string VersionGate = """{"data":{"minimumVersion":"4.16.0"},"status":920}""";
    private const string NotAuthenticated = """{"status":2,"error":{"message":"notAuthenticated"}}""";
    private const string InvalidJwt = """{"message":"invalid or expired jwt"}""";
    private const string Locked = """{"status":429,"data":{"code":60,"data":{"failures":3,"interval":60,"lockout":300},"message":"locked"}}""";

    private readonly ManualClock _clock = new(Now);
    private readonly LibreLinkUpHarness _llu;

    public LibreLinkUpFakeTests() => _llu = new LibreLinkUpHarness(_clock);

    public void Dispose() => _llu.Dispose();

    private static string Patient => Account.Patient;

    // ---- login ----

    [Fact]
    public async Task A_login_answers_status_0_with_the_user_and_a_180_day_ticket()
    {
        using var response = await _llu.LoginAsync(Account.Email, Account.Password);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.JsonAsync();
        Assert.Equal(0, body.GetProperty("status").GetInt32());
        var data = body.GetProperty("data");
        Assert.Equal(Account.UserId.ToString(), data.GetProperty("user").Str("id"));
        var ticket = data.GetProperty("authTicket");
        Assert.Equal(15_552_000_000, ticket.GetProperty("duration").GetInt64());
        Assert.Equal(Unix(Now.AddDays(180)), ticket.GetProperty("expires").GetInt64());
        Assert.Equal(3, ticket.Str("token").Split('.').Length);
        Golden.Match(Pretty(body), "LoginOk");
    }

    [Fact]
    public async Task The_token_is_an_hs256_jwt_with_the_documented_claims()
    {
        var token = await _llu.TokenAsync();

        var parts = token.Split('.');
        using var header = JsonDocument.Parse(Base64Url(parts[0]));
        using var payload = JsonDocument.Parse(Base64Url(parts[1]));
        Assert.Equal("HS256", header.RootElement.Str("alg"));
        var claims = payload.RootElement;
        Assert.Equal(["c", "country", "exp", "firstName", "iat", "id", "lastName", "practices", "region", "role", "s", "units"],
            claims.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(Account.UserId.ToString(), claims.Str("id"));
        Assert.Equal("llu.ios", claims.Str("s"));
        Assert.Equal("eu", claims.Str("region"));
        Assert.Equal(Unix(Now.AddDays(180)), claims.GetProperty("exp").GetInt64());
    }

    private static byte[] Base64Url(string s)
    {
        var b = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(b + new string('=', (4 - b.Length % 4) % 4));
    }

    [Fact]
    public async Task E_mail_matches_case_insensitively()
    {
        using var response = await _llu.LoginAsync(Account.Email.ToUpperInvariant(), Account.Password);

        Assert.Equal(0, (await response.JsonAsync()).GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("parent.one@example.com", "wrong-password")]
    [InlineData("nobody@example.com", "correct-horse-7")]
    [InlineData("", "")]
    public async Task Bad_credentials_answer_http_200_status_2_notAuthenticated(string email, string password)
    {
        using var response = await _llu.LoginAsync(email, password);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(NotAuthenticated, await response.Content.ReadAsStringAsync());
    }

    // ---- regions ----

    [Fact]
    public async Task A_login_in_the_wrong_region_is_redirected_to_the_account_s_region()
    {
        using var response = await _llu.LoginAsync(Eu2Account.Email, Eu2Account.Password);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("""{"status":0,"data":{"redirect":true,"region":"eu2"}}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/eu2/llu/auth/login", null)]
    [InlineData("/llu/auth/login", "api-eu2.libreview.io")]
    public async Task Logging_in_again_at_the_regional_host_works(string path, string? host)
    {
        using var response = await _llu.LoginAsync(Eu2Account.Email, Eu2Account.Password, path, host: host);

        var body = await response.JsonAsync();
        Assert.Equal(0, body.GetProperty("status").GetInt32());
        Assert.Equal(Eu2Account.UserId.ToString(), body.GetProperty("data").GetProperty("user").Str("id"));
    }

    [Theory]
    [InlineData("/us/llu/auth/login", null, "eu")]
    [InlineData("/llu/auth/login", "api.libreview.io", "eu")]
    [InlineData("/llu/auth/login", "api-de.libreview.io:443", "eu")]
    [InlineData("/eu/llu/auth/login", null, "eu2")]
    public async Task The_region_comes_from_a_path_prefix_or_a_regional_host(string path, string? host, string redirectedTo)
    {
        var account = redirectedTo == "eu" ? Account : Eu2Account;

        using var response = await _llu.LoginAsync(account.Email, account.Password, path, host: host);

        var data = (await response.JsonAsync()).GetProperty("data");
        Assert.True(data.GetProperty("redirect").GetBoolean());
        Assert.Equal(redirectedTo, data.Str("region"));
    }

    [Fact]
    public async Task A_wrong_password_in_the_wrong_region_is_refused_not_redirected()
    {
        using var response = await _llu.LoginAsync(Eu2Account.Email, "wrong");

        Assert.Equal(NotAuthenticated, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_country_config_maps_every_region_to_its_path_on_the_fake_like_DiaKEM_follows_it()
    {
        using var config = await _llu.SendAsync(HttpMethod.Get, "/llu/config/country?country=DE");

        Assert.Equal(200, (int)config.StatusCode);
        var map = (await config.JsonAsync()).GetProperty("data").GetProperty("regionalMap");
        var lslApi = map.GetProperty("eu2").Str("lslApi");
        Assert.Equal(_llu.Fake.RegionUrl("eu2").ToString(), lslApi);
        Assert.Equal(["ae", "ap", "au", "ca", "cn", "de", "eu", "eu2", "fr", "jp", "la", "ru", "us"],
            map.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        var token = await _llu.TokenAsync(Eu2Account, new Uri(lslApi + "/llu/auth/login").AbsolutePath);
        using var connections = await _llu.SendAsync(HttpMethod.Get, new Uri(lslApi + "/llu/connections").AbsolutePath, token: token, accountId: Eu2Account.AccountIdHeader);
        Assert.Equal(200, (int)connections.StatusCode);
    }

    [Fact]
    public async Task A_token_works_only_in_the_region_that_issued_it()
    {
        var token = await _llu.TokenAsync(Eu2Account, "/eu2/llu/auth/login");

        using var home = await _llu.SendAsync(HttpMethod.Get, "/eu2/llu/connections", token: token, accountId: Eu2Account.AccountIdHeader);
        using var elsewhere = await _llu.SendAsync(HttpMethod.Get, "/llu/connections", token: token, accountId: Eu2Account.AccountIdHeader);

        Assert.Equal(200, (int)home.StatusCode);
        Assert.Equal(401, (int)elsewhere.StatusCode);
        Assert.Equal(InvalidJwt, await elsewhere.Content.ReadAsStringAsync());
    }

    // ---- terms step ----

    [Fact]
    public async Task Pending_terms_and_privacy_policy_are_accepted_step_by_step_with_the_step_token()
    {
        using var llu = new LibreLinkUpHarness(_clock, new LibreLinkUpOptions(), [Account with { PendingSteps = ["tou", "pp"] }]);

        using var login = await llu.LoginAsync(Account.Email, Account.Password);
        var first = await login.JsonAsync();
        Golden.Match(Pretty(first), "LoginTermsStep");
        Assert.Equal(200, (int)login.StatusCode);
        Assert.Equal(4, first.GetProperty("status").GetInt32());
        var step = first.GetProperty("data").GetProperty("step");
        Assert.Equal(("tou", "AcceptDocument"), (step.Str("type"), step.Str("componentName")));
        var ticket = first.GetProperty("data").GetProperty("authTicket");
        Assert.Equal(3_600_000, ticket.GetProperty("duration").GetInt64());
        Assert.Equal(Unix(Now.AddHours(1)), ticket.GetProperty("expires").GetInt64());
        var stepToken = ticket.Str("token");

        // The step token reads nothing.
        using (var read = await llu.GetAsync("/llu/connections", stepToken))
            Assert.Equal((401, InvalidJwt), ((int)read.StatusCode, await read.Content.ReadAsStringAsync()));

        using var tou = await llu.SendAsync(HttpMethod.Post, "/auth/continue/tou", "", token: stepToken);
        var second = await tou.JsonAsync();
        Assert.Equal(4, second.GetProperty("status").GetInt32());
        Assert.Equal("pp", second.GetProperty("data").GetProperty("step").Str("type"));

        using var pp = await llu.SendAsync(HttpMethod.Post, "/auth/continue/pp", "", token: second.GetProperty("data").GetProperty("authTicket").Str("token"));
        var done = await pp.JsonAsync();
        Assert.Equal(0, done.GetProperty("status").GetInt32());
        var token = done.GetProperty("data").GetProperty("authTicket").Str("token");
        using (var read = await llu.GetAsync("/llu/connections", token))
            Assert.Equal(200, (int)read.StatusCode);

        // Accepted for good: the next login is a plain one.
        Assert.False(string.IsNullOrEmpty(await llu.TokenAsync()));
    }

    [Fact]
    public async Task Continuing_with_another_document_than_the_pending_one_answers_the_pending_step_again()
    {
        using var llu = new LibreLinkUpHarness(_clock, new LibreLinkUpOptions(), [Account with { PendingSteps = ["tou"] }]);
        using var login = await llu.LoginAsync(Account.Email, Account.Password);
        var stepToken = (await login.JsonAsync()).GetProperty("data").GetProperty("authTicket").Str("token");

        using var wrong = await llu.SendAsync(HttpMethod.Post, "/auth/continue/pp", "", token: stepToken);

        var body = await wrong.JsonAsync();
        Assert.Equal(4, body.GetProperty("status").GetInt32());
        Assert.Equal("tou", body.GetProperty("data").GetProperty("step").Str("type"));
    }

    [Fact]
    public async Task A_step_token_expires_after_an_hour()
    {
        using var llu = new LibreLinkUpHarness(_clock, new LibreLinkUpOptions(), [Account with { PendingSteps = ["tou"] }]);
        using var login = await llu.LoginAsync(Account.Email, Account.Password);
        var stepToken = (await login.JsonAsync()).GetProperty("data").GetProperty("authTicket").Str("token");
        _clock.Advance(TimeSpan.FromHours(1));

        using var late = await llu.SendAsync(HttpMethod.Post, "/auth/continue/tou", "", token: stepToken);

        Assert.Equal((401, InvalidJwt), ((int)late.StatusCode, await late.Content.ReadAsStringAsync()));
    }

    // ---- lock-out ----

    [Fact]
    public async Task The_third_failure_within_a_minute_locks_the_account_for_five_minutes_even_for_the_right_password()
    {
        var answers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await _llu.LoginAsync(Account.Email, "wrong");
            Assert.Equal(200, (int)wrong.StatusCode);
            answers.Add(await wrong.Content.ReadAsStringAsync());
            _clock.Advance(TimeSpan.FromSeconds(10));
        }
        using var right = await _llu.LoginAsync(Account.Email, Account.Password);

        Assert.Equal([NotAuthenticated, NotAuthenticated, Locked], answers);
        Assert.Equal(Locked, await right.Content.ReadAsStringAsync());
        _clock.Set(Now.AddSeconds(20 + 300));
        Assert.False(string.IsNullOrEmpty(await _llu.TokenAsync()));
    }

    [Fact]
    public async Task Failures_further_apart_than_the_interval_do_not_lock_and_a_lock_is_per_account()
    {
        for (var i = 0; i < 4; i++)
        {
            using var wrong = await _llu.LoginAsync(Account.Email, "wrong");
            Assert.Equal(NotAuthenticated, await wrong.Content.ReadAsStringAsync());
            _clock.Advance(TimeSpan.FromSeconds(31));
        }
        for (var i = 0; i < 3; i++)
            using (await _llu.LoginAsync(Account.Email, "wrong")) { }

        Assert.False(string.IsNullOrEmpty(await _llu.TokenAsync(Eu2Account, "/eu2/llu/auth/login")));
    }

    [Fact]
    public async Task The_lock_out_threshold_and_http_status_are_configurable()
    {
        using var llu = new LibreLinkUpHarness(_clock, new LibreLinkUpOptions { LockoutFailures = 1, LockoutHttpStatus = 429 }, [Account]);

        using var wrong = await llu.LoginAsync(Account.Email, "wrong");

        Assert.Equal(429, (int)wrong.StatusCode);
        Assert.Equal("""{"status":429,"data":{"code":60,"data":{"failures":1,"interval":60,"lockout":300},"message":"locked"}}""",
            await wrong.Content.ReadAsStringAsync());
    }

    // ---- version gate and malformed requests ----

    [Theory]
    [InlineData("llu.ios", "4.15.9")]
    [InlineData("llu.ios", "4.7.0")]    // nightscout-connect 0.0.12
    [InlineData("llu.android", "4.12.0")] // pylibrelinkup, DiaKEM 0.7.2
    [InlineData("llu.android", "not-a-version")]
    [InlineData("llu.android", null)]
    [InlineData(null, "4.16.0")]
    [InlineData("something.else", "4.16.0")]
    public async Task An_old_or_missing_version_or_product_gets_403_status_920(string? product, string? version)
    {
        using var response = await _llu.SendAsync(HttpMethod.Post, "/llu/auth/login",
            JsonSerializer.Serialize(new { email = Account.Email, password = Account.Password }), product: product, version: version);

        Assert.Equal(403, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(VersionGate, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("4.16.0")]
    [InlineData("4.16")]
    [InlineData("4.17.2")]
    [InlineData("5.0.0")]
    public async Task The_minimum_version_and_newer_pass(string version)
    {
        using var response = await _llu.LoginAsync(Account.Email, Account.Password, version: version);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(0, (await response.JsonAsync()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task The_gate_applies_to_reads_with_a_valid_token_too_and_its_minimum_is_configurable()
    {
        var token = await _llu.TokenAsync();
        using (var old = await _llu.GetAsync("/llu/connections", token, version: "4.15.0"))
            Assert.Equal((403, VersionGate), ((int)old.StatusCode, await old.Content.ReadAsStringAsync()));

        using var llu = new LibreLinkUpHarness(_clock, new LibreLinkUpOptions { MinimumVersion = "4.7.0" }, [Account]);
        using var older = await llu.LoginAsync(Account.Email, Account.Password, version: "4.7.0");
        using var tooOld = await llu.LoginAsync(Account.Email, Account.Password, version: "4.6.9");
        Assert.Equal(0, (await older.JsonAsync()).GetProperty("status").GetInt32());
        Assert.Equal("""{"data":{"minimumVersion":"4.7.0"},"status":920}""", await tooOld.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("{\"email\":", "application/json", "invalidJson")]
    [InlineData("not json at all", "application/json", "invalidJson")]
    [InlineData("email=a&password=b", "application/x-www-form-urlencoded", "unsupportedMediaType")]
    public async Task A_malformed_login_gets_a_400_in_the_vendor_s_shape(string body, string contentType, string message)
    {
        using var response = await _llu.SendAsync(HttpMethod.Post, "/llu/auth/login", body, contentType: contentType);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("{\"status\":400,\"error\":{\"message\":\"" + message + "\"}}", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("GET", "/llu/auth/login")]
    [InlineData("POST", "/llu/connections")]
    [InlineData("GET", "/llu/nothing-here")]
    [InlineData("GET", "/")]
    public async Task Unknown_paths_and_methods_get_404_in_the_vendor_s_shape(string method, string path)
    {
        using var response = await _llu.SendAsync(new HttpMethod(method), path, method == "POST" ? "{}" : null);

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("""{"status":404,"error":{"message":"notFound"}}""", await response.Content.ReadAsStringAsync());
    }

    // ---- reads ----

    [Fact]
    public async Task Connections_list_the_followed_patient_with_the_latest_measurement_and_a_refreshed_ticket()
    {
        _llu.Store(Patient, Now.AddMinutes(-10), 131, Trend.SingleUp);
        _llu.Store(Patient, Now.AddMinutes(-5), 185, Trend.FortyFiveUp);
        var token = await _llu.TokenAsync();
        _clock.Advance(TimeSpan.FromMinutes(1));

        using var response = await _llu.GetAsync("/llu/connections", token);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.JsonAsync();
        Golden.Match(Pretty(body), "Connections");
        var connection = Assert.Single(body.GetProperty("data").EnumerateArray());
        Assert.Equal(Account.PatientId.ToString(), connection.Str("patientId"));
        var measurement = connection.GetProperty("glucoseMeasurement");
        Assert.Equal((185, 4, 1, 2), (measurement.GetProperty("ValueInMgPerDl").GetInt32(), measurement.GetProperty("TrendArrow").GetInt32(),
            measurement.GetProperty("type").GetInt32(), measurement.GetProperty("MeasurementColor").GetInt32()));
        Assert.Equal("11/30/2019 8:55:00 AM", measurement.Str("FactoryTimestamp"));
        Assert.Equal("11/30/2019 3:55:00 AM", measurement.Str("Timestamp"));
        var ticket = body.GetProperty("ticket");
        Assert.Equal(Unix(Now.AddMinutes(1).AddDays(180)), ticket.GetProperty("expires").GetInt64());

        // The refreshed ticket is a working token.
        using var again = await _llu.GetAsync("/llu/connections", ticket.Str("token"));
        Assert.Equal(200, (int)again.StatusCode);
    }

    [Fact]
    public async Task A_patient_without_readings_has_a_null_measurement()
    {
        var token = await _llu.TokenAsync();

        using var response = await _llu.GetAsync("/llu/connections", token);

        var connection = Assert.Single((await response.JsonAsync()).GetProperty("data").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, connection.GetProperty("glucoseMeasurement").ValueKind);
        Assert.Equal(JsonValueKind.Null, connection.GetProperty("glucoseItem").ValueKind);
    }

    [Fact]
    public async Task The_graph_has_the_connection_active_sensors_and_the_points_oldest_first_without_arrows()
    {
        _llu.Store(Patient, Now.AddMinutes(-15), 64, Trend.FortyFiveDown);
        _llu.Store(Patient, Now.AddMinutes(-10), 58, Trend.SingleDown);
        _llu.Store(Patient, Now.AddMinutes(-5), 55, Trend.DoubleDown);
        _llu.Store(Patient, Now.AddMinutes(-1), 40, Trend.NotComputable);
        var token = await _llu.TokenAsync();

        using var response = await _llu.GetAsync(GraphPath(Account), token);

        Assert.Equal(200, (int)response.StatusCode);
        var body = await response.JsonAsync();
        Golden.Match(Pretty(body), "Graph");
        var data = body.GetProperty("data");
        var points = data.GetProperty("graphData").EnumerateArray().ToList();
        // -1 min shares -5's five-minute slot: it is the current value, newer than the last graph point.
        Assert.Equal([64, 58, 55], points.Select(p => p.GetProperty("ValueInMgPerDl").GetInt32()));
        Assert.All(points, p => Assert.False(p.TryGetProperty("TrendArrow", out _)));
        Assert.All(points, p => Assert.Equal(0, p.GetProperty("type").GetInt32()));
        var current = data.GetProperty("connection").GetProperty("glucoseMeasurement");
        Assert.Equal((40, 0, true, false), (current.GetProperty("Value").GetInt32(), current.GetProperty("TrendArrow").GetInt32(),
            current.GetProperty("isLow").GetBoolean(), current.GetProperty("isHigh").GetBoolean()));
    }

    [Fact]
    public async Task The_graph_covers_the_last_12_hours_at_five_minute_spacing()
    {
        for (var m = 13 * 60; m >= 0; m--) _llu.Store(Patient, Now.AddMinutes(-m), 100 + m % 50);
        var token = await _llu.TokenAsync();

        using var response = await _llu.GetAsync(GraphPath(Account), token);

        var points = (await response.JsonAsync()).GetProperty("data").GetProperty("graphData").EnumerateArray().ToList();
        Assert.Equal(145, points.Count);
        Assert.Equal(Stamp(Now.AddHours(-12).UtcDateTime), points[0].Str("FactoryTimestamp"));
        Assert.Equal(Stamp(Now.UtcDateTime), points[^1].Str("FactoryTimestamp"));
        Assert.Equal(Stamp(Now.AddHours(-12).AddMinutes(5).UtcDateTime), points[1].Str("FactoryTimestamp"));
    }

    [Fact]
    public async Task Another_patient_s_graph_answers_couldNotLoadPatient()
    {
        var token = await _llu.TokenAsync();

        using var response = await _llu.GetAsync(GraphPath(Eu2Account), token);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("""{"error":{"message":"couldNotLoadPatient"},"status":4}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_mmol_account_gets_values_in_mmol_and_mg_dl_alongside()
    {
        using var llu = new LibreLinkUpHarness(_clock, new LibreLinkUpOptions(), [Account with { Units = LibreLinkUpUnits.MmolPerL }]);
        llu.Store(Patient, Now, 112);
        var token = await llu.TokenAsync();

        using var response = await llu.GetAsync("/llu/connections", token);

        var connection = Assert.Single((await response.JsonAsync()).GetProperty("data").EnumerateArray());
        var measurement = connection.GetProperty("glucoseMeasurement");
        Assert.Equal((6.2, 112, 0, 0), (measurement.GetProperty("Value").GetDouble(), measurement.GetProperty("ValueInMgPerDl").GetInt32(),
            measurement.GetProperty("GlucoseUnits").GetInt32(), connection.GetProperty("uom").GetInt32()));
    }

    // ---- tokens ----

    [Fact]
    public async Task A_token_expires_after_180_days_on_the_virtual_clock()
    {
        var token = await _llu.TokenAsync();
        _clock.Set(Now.AddDays(180).AddSeconds(-1));
        using (var before = await _llu.GetAsync("/llu/connections", token))
            Assert.Equal(200, (int)before.StatusCode);

        _clock.Set(Now.AddDays(180));
        using var after = await _llu.GetAsync("/llu/connections", token);

        Assert.Equal(401, (int)after.StatusCode);
        Assert.Equal("application/json", after.Content.Headers.ContentType?.MediaType);
        Assert.Equal(InvalidJwt, await after.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-jwt")]
    [InlineData("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IngifQ.c2lnbmF0dXJl")]
    public async Task A_missing_or_forged_token_answers_invalid_or_expired_jwt(string? token)
    {
        using var response = await _llu.SendAsync(HttpMethod.Get, "/llu/connections", token: token, accountId: Account.AccountIdHeader);

        Assert.Equal((401, InvalidJwt), ((int)response.StatusCode, await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task A_missing_or_wrong_account_id_is_refused_like_an_invalid_token(string? accountId)
    {
        var token = await _llu.TokenAsync();

        using var response = await _llu.SendAsync(HttpMethod.Get, GraphPath(Account), token: token, accountId: accountId);

        Assert.Equal((401, InvalidJwt), ((int)response.StatusCode, await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Without_RequireAccountId_a_client_that_never_sends_it_reads_and_the_invalid_token_status_is_configurable()
    {
        using var llu = new LibreLinkUpHarness(_clock, new LibreLinkUpOptions { RequireAccountId = false, InvalidTokenStatus = 403 }, [Account]);
        var token = await llu.TokenAsync();

        using var ok = await llu.SendAsync(HttpMethod.Get, "/llu/connections", token: token);
        using var bad = await llu.SendAsync(HttpMethod.Get, "/llu/connections", token: "x.y.z");

        Assert.Equal(200, (int)ok.StatusCode);
        Assert.Equal((403, InvalidJwt), ((int)bad.StatusCode, await bad.Content.ReadAsStringAsync()));
    }

    // ---- journal and warm-up ----

    [Fact]
    public async Task Reads_journal_what_the_follower_was_shown_and_requests_their_endpoints()
    {
        _llu.Store(Patient, Now.AddMinutes(-10), 131);
        _llu.Store(Patient, Now.AddMinutes(-5), 125);
        var token = await _llu.TokenAsync();
        using (await _llu.GetAsync("/llu/connections", token)) { }
        using (await _llu.GetAsync(GraphPath(Account), token)) { }
        using (await _llu.SendAsync(HttpMethod.Get, "/llu/config/country?country=DE")) { }

        var served = _llu.Journal.OfType<ReadingsServed>();
        Assert.Equal([1, 2], served.Select(s => s.Count));
        Assert.All(served, s => Assert.Equal(("librelinkup", Patient, Now.AddMinutes(-5)), (s.Vendor, s.Patient, s.NewestSensorTime)));
        await Eventually.UntilAsync(() => _llu.Journal.OfType<RequestServed>().Count == 4, "four journaled requests");
        Assert.Equal(["login", "other", "read", "read"], _llu.Journal.OfType<RequestServed>().Select(r => r.Endpoint).Order(StringComparer.Ordinal));
        Assert.All(_llu.Journal.OfType<RequestServed>(), r => Assert.Equal((200, null), (r.Status, r.Fault)));
    }

    [Fact]
    public async Task Warm_up_reaches_the_handlers_but_changes_nothing_and_journals_nothing()
    {
        using var llu = new LibreLinkUpHarness(_clock, new LibreLinkUpOptions { LockoutFailures = 1 }, [Account with { PendingSteps = ["tou"] }]);

        await llu.Fake.WarmUpAsync(llu.Client, CancellationToken.None);
        await llu.Fake.WarmUpAsync(llu.Client, CancellationToken.None);

        Assert.Empty(llu.Journal.OfType<JournalEvent>());
        using var login = await llu.LoginAsync(Account.Email, Account.Password);
        Assert.Equal(4, (await login.JsonAsync()).GetProperty("status").GetInt32());
    }
}
