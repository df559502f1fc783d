using System.Text.Json;
using Simulator.Glucose;
using Simulator.Journal;
using Simulator.Tests.Support;
using Simulator.Vendors.DexcomShare;

namespace Simulator.Tests.Vendors.DexcomShare;

/// <summary>The Share wire format real followers parse (vendor-apis.md §1): login flows, errors, the read, the upload.</summary>
public sealed class DexcomShareFakeTests : IDisposable
{
    private static readonly DateTimeOffset Now = Rig.T0.AddHours(3);
    private readonly ManualClock _clock = new(Now);
    private readonly ShareHarness _share;

    public DexcomShareFakeTests() => _share = new ShareHarness(_clock);

    public void Dispose() => _share.Dispose();

    private static string Patient => ShareHarness.Account.Patient;

    private void Store(DateTimeOffset sensorTime, int mgdl, Trend trend = Trend.Flat) =>
        _share.Fake.Store.Accept(new Reading(Patient, sensorTime, mgdl, trend));

    [Fact]
    public async Task AuthenticatePublisherAccount_answers_the_account_id_as_a_bare_json_string()
    {
        using var response = await _share.AuthenticateAsync(ShareHarness.Account.AccountName, ShareHarness.Account.Password);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"\"{ShareHarness.Account.AccountId}\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Account_names_match_case_insensitively_like_email_logins()
    {
        using var response = await _share.AuthenticateAsync(ShareHarness.Account.AccountName.ToUpperInvariant(), ShareHarness.Account.Password);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(ShareHarness.Account.AccountId.ToString(), (await response.JsonAsync()).GetString());
    }

    [Fact]
    public async Task LoginPublisherAccountById_answers_a_session_that_reads_work_with()
    {
        using var login = await _share.LoginByIdAsync(ShareHarness.Account.AccountId.ToString(), ShareHarness.Account.Password);

        Assert.Equal(200, (int)login.StatusCode);
        Assert.Equal("application/json", login.Content.Headers.ContentType?.MediaType);
        var session = (await login.JsonAsync()).GetString();
        Assert.True(Guid.TryParse(session, out var id), $"session '{session}' is not a UUID");
        Assert.NotEqual(Guid.Empty, id);
        Assert.NotEqual(ShareHarness.Account.AccountId, id);

        using var read = await _share.ReadAsync(session!);
        Assert.Equal(200, (int)read.StatusCode);
    }

    [Fact]
    public async Task LoginPublisherAccountByName_answers_a_session_directly_for_older_clients()
    {
        using var login = await _share.LoginByNameAsync(ShareHarness.Account.AccountName, ShareHarness.Account.Password);

        Assert.Equal(200, (int)login.StatusCode);
        var session = (await login.JsonAsync()).GetString()!;
        using var read = await _share.ReadAsync(session);
        Assert.Equal(200, (int)read.StatusCode);
    }

    [Fact]
    public async Task Each_login_gets_its_own_session()
    {
        var first = await _share.LoginAsync();
        var second = await _share.LoginAsync();

        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData("General/AuthenticatePublisherAccount", "accountName", "parent.one@example.com", "wrong-password")]
    [InlineData("General/AuthenticatePublisherAccount", "accountName", "nobody@example.com", "correct-horse-7")]
    [InlineData("General/LoginPublisherAccountById", "accountId", "6f1a2b3c-4d5e-4f60-8172-93a4b5c6d7e8", "wrong-password")]
    [InlineData("General/LoginPublisherAccountById", "accountId", "11111111-2222-3333-4444-555555555555", "correct-horse-7")]
    [InlineData("General/LoginPublisherAccountByName", "accountName", "parent.one@example.com", "wrong-password")]
    public async Task Bad_credentials_give_http_500_AccountPasswordInvalid(string call, string idField, string id, string password)
    {
        using var response = await _share.PostAsync(call, new Dictionary<string, string>
        {
            [idField] = id, ["password"] = password, ["applicationId"] = ShareHarness.ApplicationId,
        });

        Assert.Equal(500, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = await response.JsonAsync();
        Assert.Equal("AccountPasswordInvalid", error.Str("Code"));
        Assert.Equal("Publisher account password failed", error.Str("Message"));
        Assert.Equal("FaultException", error.Str("TypeName"));
    }

    [Theory]
    [InlineData("sessionId")]   // pydexcom
    [InlineData("sessionID")]   // share2nightscout-bridge, nightscout-connect, xDrip
    [InlineData("SESSIONID")]
    public async Task The_session_parameter_matches_case_insensitively(string sessionParam)
    {
        Store(Now.AddMinutes(-5), 120);
        var session = await _share.LoginAsync();

        using var response = await _share.ReadAsync(session, sessionParam: sessionParam);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Single((await response.JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Reading_with_an_empty_body_and_parameters_in_any_order_works_like_the_bridge()
    {
        Store(Now.AddMinutes(-5), 120);
        var session = await _share.LoginAsync();

        using var response = await _share.Client.PostAsync(
            new Uri($"Publisher/ReadPublisherLatestGlucoseValues?maxCount=1&minutes=1440&sessionID={session}", UriKind.Relative), null);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Single((await response.JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task An_unknown_session_gives_http_500_SessionIdNotFound_naming_the_session()
    {
        var unknown = Guid.Parse("33333333-3333-3333-3333-333333333333");

        using var response = await _share.ReadAsync(unknown.ToString());

        Assert.Equal(500, (int)response.StatusCode);
        var error = await response.JsonAsync();
        Assert.Equal("SessionIdNotFound", error.Str("Code"));
        Assert.Equal($"Failed to find session object. [SessionId = {unknown}]", error.Str("Message"));
    }

    [Theory]
    [InlineData("bad-session-id")]
    [InlineData("")]
    public async Task A_malformed_session_gives_http_400(string session)
    {
        using var response = await _share.ReadAsync(session);

        Assert.Equal(400, (int)response.StatusCode);
    }

    [Fact]
    public async Task Reads_are_newest_first_with_share_dates_and_string_trends()
    {
        Store(Now.AddMinutes(-10), 131, Trend.SingleUp);
        Store(Now, 118, Trend.FortyFiveDown);
        Store(Now.AddMinutes(-5), 125, Trend.Flat);
        var session = await _share.LoginAsync();

        using var response = await _share.ReadAsync(session, minutes: 1440, maxCount: 288);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var records = (await response.JsonAsync()).EnumerateArray().ToList();
        Assert.Equal([118, 125, 131], records.Select(r => r.GetProperty("Value").GetInt32()));
        Assert.Equal(["FortyFiveDown", "Flat", "SingleUp"], records.Select(r => r.Str("Trend")));

        var newest = records[0];
        var ms = Now.ToUnixTimeMilliseconds();
        Assert.Equal(["DT", "ST", "Trend", "Value", "WT"], newest.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal($"Date({ms})", newest.Str("WT"));
        Assert.Equal($"Date({ms})", newest.Str("ST"));
        Assert.Equal($"Date({ms}-0500)", newest.Str("DT"));
        Assert.Equal(JsonValueKind.String, newest.GetProperty("Trend").ValueKind);
        Assert.Equal(JsonValueKind.Number, newest.GetProperty("Value").ValueKind);
    }

    [Fact]
    public async Task A_positive_display_offset_is_written_with_a_plus_sign()
    {
        using var fake = new DexcomShareFake(Rig.Context(_clock), [ShareHarness.Account], TimeSpan.FromHours(5.5), new Random(1));
        fake.Start();
        fake.Store.Accept(new Reading(Patient, Now, 100, Trend.Flat));
        using var client = new HttpClient { BaseAddress = fake.ServicesUrl };
        using var login = await client.PostAsync(new Uri("General/LoginPublisherAccountByName", UriKind.Relative),
            Http.JsonBody(new { accountName = ShareHarness.Account.AccountName, password = ShareHarness.Account.Password, applicationId = ShareHarness.ApplicationId }));
        var session = (await login.JsonAsync()).GetString();

        using var read = await client.PostAsync(
            new Uri($"Publisher/ReadPublisherLatestGlucoseValues?sessionId={session}&minutes=10&maxCount=1", UriKind.Relative), null);

        var record = Assert.Single((await read.JsonAsync()).EnumerateArray());
        Assert.Equal($"Date({Now.ToUnixTimeMilliseconds()}+0530)", record.Str("DT"));
    }

    [Fact]
    public async Task Minutes_and_maxCount_bound_the_read()
    {
        for (var m = 0; m <= 120; m += 5) Store(Now.AddMinutes(-m), 100 + m);
        var session = await _share.LoginAsync();

        var lastHalfHour = await _share.ReadRecordsAsync(session, minutes: 30, maxCount: 288);
        var newestThree = await _share.ReadRecordsAsync(session, minutes: 1440, maxCount: 3);
        var current = await _share.ReadRecordsAsync(session, minutes: 10, maxCount: 1);

        Assert.Equal([100, 105, 110, 115, 120, 125, 130], lastHalfHour.Select(r => r.GetProperty("Value").GetInt32()));
        Assert.Equal([100, 105, 110], newestThree.Select(r => r.GetProperty("Value").GetInt32()));
        Assert.Equal(ShareHarness.ShareDate(Now), Assert.Single(current).Str("WT"));
    }

    [Fact]
    public async Task Out_of_range_windows_are_clamped_to_a_day_and_288_records_not_refused()
    {
        // 30 hours of 5-minute readings: 361 in all.
        for (var m = 0; m <= 30 * 60; m += 5) Store(Now.AddMinutes(-m), 100);
        var session = await _share.LoginAsync();

        var many = await _share.ReadRecordsAsync(session, minutes: 2880, maxCount: 1000);
        var tiny = await _share.ReadRecordsAsync(session, minutes: 0, maxCount: 0);

        Assert.Equal(288, many.Count);
        Assert.Equal(ShareHarness.ShareDate(Now), many[0].Str("WT"));
        Assert.Equal(ShareHarness.ShareDate(Now), Assert.Single(tiny).Str("WT"));
    }

    [Fact]
    public async Task An_empty_window_answers_an_empty_array()
    {
        Store(Now.AddHours(-2), 100);
        var session = await _share.LoginAsync();

        using var response = await _share.ReadAsync(session, minutes: 10, maxCount: 1);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("[]", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_read_journals_what_the_follower_was_shown()
    {
        Store(Now.AddMinutes(-10), 131);
        Store(Now.AddMinutes(-5), 125);
        var session = await _share.LoginAsync();

        await _share.ReadRecordsAsync(session, minutes: 1440, maxCount: 288);

        var served = Assert.Single(_share.Journal.OfType<ReadingsServed>());
        Assert.Equal("dexcom-share", served.Vendor);
        Assert.Equal(Patient, served.Patient);
        Assert.Equal(2, served.Count);
        Assert.Equal(Now.AddMinutes(-5), served.NewestSensorTime);
        Assert.Equal(Now, served.At);
    }

    [Fact]
    public async Task Every_request_is_journaled_with_its_endpoint_and_status()
    {
        var session = await _share.LoginAsync();
        using (await _share.ReadAsync(session)) { }
        using (await _share.ReadAsync("bad-session-id")) { }

        await Eventually.UntilAsync(() => _share.Journal.OfType<RequestServed>().Count == 4, "four journaled requests");
        var served = _share.Journal.OfType<RequestServed>();
        Assert.Equal(["login", "login", "read", "read"], served.Select(s => s.Endpoint).Order(StringComparer.Ordinal));
        Assert.All(served, s => Assert.Equal("dexcom-share", s.Vendor));
        Assert.All(served, s => Assert.Equal("POST", s.Method));
        Assert.All(served, s => Assert.Null(s.Fault));
        Assert.Equal([200, 200, 200, 400], served.Select(s => s.Status).Order());
    }

    [Fact]
    public async Task Uploads_with_aspnet_dates_and_numeric_or_string_trends_are_stored_and_served()
    {
        var session = await _share.LoginAsync();
        var older = Now.AddMinutes(-5);

        using var upload = await _share.UploadAsync(session, (older, 142, 4), (Now, 150, "FortyFiveUp"));

        Assert.Equal(200, (int)upload.StatusCode);
        var records = await _share.ReadRecordsAsync(session);
        Assert.Equal([150, 142], records.Select(r => r.GetProperty("Value").GetInt32()));
        Assert.Equal(["FortyFiveUp", "Flat"], records.Select(r => r.Str("Trend")));
        Assert.Equal([ShareHarness.ShareDate(Now), ShareHarness.ShareDate(older)], records.Select(r => r.Str("ST")));
    }

    [Fact]
    public async Task An_upload_journals_each_reading_accepted_and_visible_at_once()
    {
        var session = await _share.LoginAsync();

        using var upload = await _share.UploadAsync(session, (Now.AddMinutes(-5), 142, "Flat"), (Now, 150, "Flat"));

        var accepted = _share.Journal.OfType<ReadingAccepted>();
        Assert.Equal(2, accepted.Count);
        Assert.All(accepted, a => Assert.Equal("dexcom-share", a.Vendor));
        Assert.All(accepted, a => Assert.Equal(Patient, a.Patient));
        Assert.All(accepted, a => Assert.Equal(Now, a.VisibleAt));
        Assert.Equal([Now.AddMinutes(-5), Now], accepted.Select(a => a.SensorTime));
        Assert.Equal([142, 150], accepted.Select(a => a.Mgdl));
    }

    [Fact]
    public async Task Uploading_the_same_sensor_time_again_changes_nothing()
    {
        var session = await _share.LoginAsync();
        using (await _share.UploadAsync(session, (Now, 150, "Flat"))) { }

        using var again = await _share.UploadAsync(session, (Now, 150, "Flat"), (Now, 199, "DoubleUp"));

        Assert.Equal(200, (int)again.StatusCode);
        Assert.Single(_share.Journal.OfType<ReadingAccepted>());
        var record = Assert.Single(await _share.ReadRecordsAsync(session));
        Assert.Equal(150, record.GetProperty("Value").GetInt32());
    }

    [Fact]
    public async Task An_upload_without_a_valid_session_is_refused_and_stores_nothing()
    {
        using var response = await _share.UploadAsync(Guid.NewGuid().ToString(), (Now, 150, "Flat"));

        Assert.Equal(500, (int)response.StatusCode);
        Assert.Equal("SessionIdNotFound", (await response.JsonAsync()).Str("Code"));
        Assert.Empty(_share.Journal.OfType<ReadingAccepted>());
    }

    [Fact]
    public async Task Readings_from_the_future_are_not_served_until_their_sensor_time()
    {
        var session = await _share.LoginAsync();
        using (await _share.UploadAsync(session, (Now.AddMinutes(-5), 120, "Flat"), (Now, 121, "Flat"), (Now.AddMinutes(5), 122, "Flat"))) { }

        var before = await _share.ReadRecordsAsync(session);
        _clock.Advance(TimeSpan.FromMinutes(5));
        var after = await _share.ReadRecordsAsync(session);

        Assert.Equal([121, 120], before.Select(r => r.GetProperty("Value").GetInt32()));
        Assert.Equal([122, 121, 120], after.Select(r => r.GetProperty("Value").GetInt32()));
    }
}
