using System.Text;
using Scenarios.Model;
using Simulator.Glucose;
using Simulator.Tests.Support;
using Simulator.Vendors;
using Simulator.Vendors.DexcomShare;

namespace Simulator.Tests.Vendors.DexcomShare;

/// <summary>
/// Share's wire contract pinned as golden files (vendor-apis.md §1): every success and error shape a client can meet, with
/// its status and headers; regions, application ids, session time-outs and the choices made where the spec has no fact.
/// </summary>
public sealed class DexcomShareContractTests : IDisposable
{
    private static readonly DateTimeOffset Now = Rig.T0.AddHours(3);
    private static readonly ShareAccount Account = ShareHarness.Account;
    private readonly ManualClock _clock = new(Now);
    private readonly List<IDisposable> _owned = [];

    public void Dispose()
    {
        foreach (var owned in _owned) owned.Dispose();
    }

    /// <summary>A started fake (seeded, so session ids are the same every run) and a client aimed at its services path.</summary>
    private (DexcomShareFake Fake, HttpClient Client) Start(DexcomShareOptions? options = null, params ShareAccount[] accounts)
    {
        var fake = new DexcomShareFake(Rig.Context(_clock), accounts.Length > 0 ? accounts : [Account], ShareHarness.DisplayOffset, new Random(7), options);
        fake.Start();
        var client = new HttpClient { BaseAddress = fake.ServicesUrl };
        _owned.Add(fake);
        _owned.Add(client);
        return (fake, client);
    }

    private static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string call, string json) =>
        client.PostAsync(new Uri(call, UriKind.Relative), Http.JsonBody(json));

    private static Task<HttpResponseMessage> AuthenticateAsync(HttpClient client, string name = "parent.one@example.com", string password = "correct-horse-7",
        string applicationId = ShareRegions.UsOusApplicationId) =>
        PostJsonAsync(client, "General/AuthenticatePublisherAccount", $$"""{"accountName":"{{name}}","password":"{{password}}","applicationId":"{{applicationId}}"}""");

    private static Task<HttpResponseMessage> LoginByIdAsync(HttpClient client, string password = "correct-horse-7", string applicationId = ShareRegions.UsOusApplicationId) =>
        PostJsonAsync(client, "General/LoginPublisherAccountById", $$"""{"accountId":"{{Account.AccountId}}","password":"{{password}}","applicationId":"{{applicationId}}"}""");

    private static async Task<string> SessionAsync(HttpClient client)
    {
        using var login = await LoginByIdAsync(client);
        Assert.Equal(200, (int)login.StatusCode);
        return (await login.JsonAsync()).GetString()!;
    }

    private static Task<HttpResponseMessage> ReadAsync(HttpClient client, string session, string param = "sessionId", string query = "&minutes=1440&maxCount=288") =>
        client.PostAsync(new Uri($"Publisher/ReadPublisherLatestGlucoseValues?{param}={session}{query}", UriKind.Relative), Http.JsonBody("{}"));

    private static async Task Approve(HttpResponseMessage response, string name, [System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Golden.Match(await ResponseText.RenderAsync(response), name, file);

    // ---- successes -------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Authenticate_answers_the_account_id_with_shares_no_cache_headers()
    {
        var (_, client) = Start();

        using var response = await AuthenticateAsync(client);

        Assert.Equal(38, response.Content.Headers.ContentLength);
        await Approve(response, "Share.AuthenticatePublisherAccount.200");
    }

    [Fact]
    public async Task LoginById_answers_a_session_id()
    {
        var (_, client) = Start();

        using var response = await LoginByIdAsync(client);

        await Approve(response, "Share.LoginPublisherAccountById.200");
    }

    [Fact]
    public async Task LoginByName_answers_a_session_id()
    {
        var (_, client) = Start();

        using var response = await PostJsonAsync(client, "General/LoginPublisherAccountByName",
            $$"""{"accountName":"{{Account.AccountName}}","password":"{{Account.Password}}","applicationId":"{{ShareRegions.UsOusApplicationId}}"}""");

        await Approve(response, "Share.LoginPublisherAccountByName.200");
    }

    [Fact]
    public async Task A_read_answers_records_newest_first()
    {
        var (fake, client) = Start();
        fake.Store.Accept(new Reading(Account.Patient, Now.AddMinutes(-5), 131, Trend.SingleUp));
        fake.Store.Accept(new Reading(Account.Patient, Now, 118, Trend.FortyFiveDown));
        var session = await SessionAsync(client);

        using var response = await ReadAsync(client, session);

        await Approve(response, "Share.ReadPublisherLatestGlucoseValues.200");
    }

    [Fact]
    public async Task An_empty_read_answers_an_empty_array()
    {
        var (_, client) = Start();
        var session = await SessionAsync(client);

        using var response = await ReadAsync(client, session);

        await Approve(response, "Share.ReadPublisherLatestGlucoseValues.200.empty");
    }

    [Theory]
    [InlineData("sessionId")]   // pydexcom
    [InlineData("sessionID")]   // share2nightscout-bridge, nightscout-connect, xDrip
    public async Task Both_spellings_of_the_session_parameter_reach_the_same_session(string param)
    {
        var (fake, client) = Start();
        fake.Store.Accept(new Reading(Account.Patient, Now, 118, Trend.Flat));
        var session = await SessionAsync(client);

        using var response = await client.PostAsync(
            new Uri($"Publisher/ReadPublisherLatestGlucoseValues?maxCount=1&{param}={session}&minutes=10", UriKind.Relative), null);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(118, Assert.Single((await response.JsonAsync()).EnumerateArray()).GetProperty("Value").GetInt32());
    }

    [Fact]
    public async Task The_uploader_side_calls_answer_as_xdrip_expects()
    {
        var (_, client) = Start();
        var session = await SessionAsync(client);

        using var active = await client.PostAsync(new Uri($"Publisher/IsRemoteMonitoringSessionActive?sessionId={session}", UriKind.Relative), null);
        using var assigned = await client.PostAsync(new Uri($"Publisher/CheckMonitoredReceiverAssignmentStatus?sessionId={session}&serialNumber=SM1", UriKind.Relative), null);
        using var time = await client.GetAsync(new Uri("General/SystemUtcTime", UriKind.Relative));

        await Approve(active, "Share.IsRemoteMonitoringSessionActive.200");
        await Approve(assigned, "Share.CheckMonitoredReceiverAssignmentStatus.200");
        await Approve(time, "Share.SystemUtcTime.200");
    }

    [Fact]
    public async Task An_application_id_on_the_query_is_enough_as_nightscout_connect_sends_it()
    {
        var (_, client) = Start();

        using var response = await PostJsonAsync(client, $"General/AuthenticatePublisherAccount?applicationId={ShareRegions.UsOusApplicationId}",
            $$"""{"accountName":"{{Account.AccountName}}","password":"{{Account.Password}}"}""");

        Assert.Equal(200, (int)response.StatusCode);
    }

    // ---- credential and session errors -----------------------------------------------------------------------------------

    [Fact]
    public async Task A_wrong_password_answers_AccountPasswordInvalid()
    {
        var (_, client) = Start();

        using var response = await AuthenticateAsync(client, password: "wrong-password");

        await Approve(response, "Share.AccountPasswordInvalid.500");
    }

    [Fact]
    public async Task An_unknown_session_answers_SessionIdNotFound()
    {
        var (_, client) = Start();

        using var response = await ReadAsync(client, "33333333-3333-3333-3333-333333333333");

        await Approve(response, "Share.SessionIdNotFound.500");
    }

    [Fact]
    public async Task A_session_left_idle_for_the_timeout_answers_SessionNotValid_and_a_new_login_works()
    {
        var (_, client) = Start(new DexcomShareOptions { SessionIdleTimeout = TimeSpan.FromHours(8) });
        var session = await SessionAsync(client);
        _clock.Advance(TimeSpan.FromHours(7));
        using (var stillOpen = await ReadAsync(client, session)) Assert.Equal(200, (int)stillOpen.StatusCode);
        _clock.Advance(TimeSpan.FromHours(7));
        using (var kept = await ReadAsync(client, session)) Assert.Equal(200, (int)kept.StatusCode);   // used 7 h ago: still alive

        _clock.Advance(TimeSpan.FromHours(8));
        using var expired = await ReadAsync(client, session);
        using var again = await ReadAsync(client, session);

        await Approve(expired, "Share.SessionNotValid.500");
        Assert.Equal(500, (int)again.StatusCode);
        Assert.Equal("SessionNotValid", (await again.JsonAsync()).Str("Code"));
        using var fresh = await ReadAsync(client, await SessionAsync(client));
        Assert.Equal(200, (int)fresh.StatusCode);
    }

    [Fact]
    public async Task The_default_idle_timeout_is_24_hours()
    {
        var (fake, client) = Start();
        var session = await SessionAsync(client);

        _clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        using var alive = await ReadAsync(client, session);
        _clock.Advance(TimeSpan.FromHours(24));
        using var expired = await ReadAsync(client, session);

        Assert.Equal(TimeSpan.FromHours(24), fake.Options.SessionIdleTimeout);
        Assert.Equal(200, (int)alive.StatusCode);
        Assert.Equal("SessionNotValid", (await expired.JsonAsync()).Str("Code"));
    }

    [Fact]
    public async Task A_maximum_session_age_ends_even_a_busy_session()
    {
        var (_, client) = Start(new DexcomShareOptions { SessionMaxAge = TimeSpan.FromHours(8) });
        var session = await SessionAsync(client);
        for (var i = 0; i < 7; i++)
        {
            _clock.Advance(TimeSpan.FromHours(1));
            using var busy = await ReadAsync(client, session);
            Assert.Equal(200, (int)busy.StatusCode);
        }

        _clock.Advance(TimeSpan.FromHours(1));
        using var response = await ReadAsync(client, session);

        Assert.Equal("SessionNotValid", (await response.JsonAsync()).Str("Code"));
    }

    [Fact]
    public async Task Sessions_never_time_out_when_the_timeout_is_off()
    {
        var (_, client) = Start(new DexcomShareOptions { SessionIdleTimeout = null });
        var session = await SessionAsync(client);
        _clock.Advance(TimeSpan.FromDays(30));

        using var response = await ReadAsync(client, session);

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("bad-session-id")]
    [InlineData("")]
    public async Task A_malformed_session_answers_400_with_no_body(string session)
    {
        var (_, client) = Start();

        using var response = await ReadAsync(client, session);

        await Approve(response, "Share.MalformedSession.400");
    }

    [Fact]
    public async Task The_all_zeros_session_reads_as_200_with_an_empty_non_json_body()
    {
        var (_, client) = Start();

        using var response = await ReadAsync(client, Guid.Empty.ToString());

        await Approve(response, "Share.ZeroSession.200");
    }

    // ---- malformed requests ------------------------------------------------------------------------------------------------

    [Fact]
    public async Task A_login_without_a_body_answers_InvalidArgument()
    {
        var (_, client) = Start();

        using var response = await client.PostAsync(new Uri("General/AuthenticatePublisherAccount", UriKind.Relative), null);

        await Approve(response, "Share.InvalidArgument.EmptyBody.500");
    }

    [Fact]
    public async Task A_login_with_malformed_json_answers_InvalidArgument()
    {
        var (_, client) = Start();

        using var response = await PostJsonAsync(client, "General/AuthenticatePublisherAccount", """{"accountName": "parent.one@""");

        await Approve(response, "Share.InvalidArgument.MalformedJson.500");
    }

    [Fact]
    public async Task A_login_without_an_application_id_answers_InvalidArgument()
    {
        var (_, client) = Start();

        using var response = await PostJsonAsync(client, "General/AuthenticatePublisherAccount",
            $$"""{"accountName":"{{Account.AccountName}}","password":"{{Account.Password}}"}""");

        await Approve(response, "Share.InvalidArgument.MissingApplicationId.500");
    }

    [Fact]
    public async Task A_login_with_empty_fields_names_each_missing_one()
    {
        var (_, client) = Start();

        using var response = await PostJsonAsync(client, "General/AuthenticatePublisherAccount", "{}");

        Assert.Equal(500, (int)response.StatusCode);
        var error = await response.JsonAsync();
        Assert.Equal("InvalidArgument", error.Str("Code"));
        Assert.Equal("Missing required field(s): accountName, password, applicationId", error.Str("Message"));
    }

    [Fact]
    public async Task A_login_with_an_unknown_application_id_answers_InvalidArgument()
    {
        var (_, client) = Start();

        using var response = await AuthenticateAsync(client, applicationId: "12345678-1234-1234-1234-123456789012");

        await Approve(response, "Share.InvalidArgument.UnknownApplicationId.500");
    }

    [Fact]
    public async Task A_malformed_account_id_answers_InvalidArgument_as_jackson_words_it()
    {
        var (_, client) = Start();

        using var response = await PostJsonAsync(client, "General/LoginPublisherAccountById",
            $$"""{"accountId":"not-a-uuid","password":"x","applicationId":"{{ShareRegions.UsOusApplicationId}}"}""");

        await Approve(response, "Share.InvalidArgument.MalformedAccountId.500");
    }

    [Fact]
    public async Task A_login_sent_as_form_data_answers_415_with_no_body()
    {
        var (_, client) = Start();

        using var response = await client.PostAsync(new Uri("General/AuthenticatePublisherAccount", UriKind.Relative),
            new StringContent($"accountName={Account.AccountName}&password={Account.Password}", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await Approve(response, "Share.UnsupportedMediaType.415");
    }

    [Fact]
    public async Task An_upload_sent_as_text_is_refused_and_stores_nothing()
    {
        var (fake, client) = Start();
        var session = await SessionAsync(client);

        using var response = await client.PostAsync(new Uri($"Publisher/PostReceiverEgvRecords?sessionId={session}", UriKind.Relative),
            new StringContent("""{"Egvs":[{"ST":"/Date(1575093600000)/","Value":100,"Trend":4}]}""", Encoding.UTF8, "text/plain"));

        Assert.Equal(415, (int)response.StatusCode);
        Assert.Empty(fake.Store.Visible(Account.Patient, DateTimeOffset.MinValue, 10));
    }

    [Fact]
    public async Task The_content_type_check_can_be_switched_off()
    {
        var (_, client) = Start(new DexcomShareOptions { RequireJsonContentType = false });

        using var response = await client.PostAsync(new Uri("General/AuthenticatePublisherAccount", UriKind.Relative),
            new StringContent($$"""{"accountName":"{{Account.AccountName}}","password":"{{Account.Password}}","applicationId":"{{ShareRegions.UsOusApplicationId}}"}""",
                Encoding.UTF8, "text/plain"));

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Reads_do_not_care_about_the_content_type_as_the_bridge_sends_none()
    {
        var (_, client) = Start();
        var session = await SessionAsync(client);

        using var response = await client.PostAsync(new Uri($"Publisher/ReadPublisherLatestGlucoseValues?sessionID={session}&minutes=10&maxCount=1", UriKind.Relative),
            new StringContent("", Encoding.UTF8, "text/plain"));

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Paths_the_service_lacks_and_wrong_methods_answer_a_plain_404_page()
    {
        var (_, client) = Start();

        using var unknown = await client.PostAsync(new Uri("Publisher/NoSuchCall", UriKind.Relative), null);
        using var get = await client.GetAsync(new Uri("General/AuthenticatePublisherAccount", UriKind.Relative));

        await Approve(unknown, "Share.NotFound.404");
        Assert.Equal(404, (int)get.StatusCode);
    }

    [Fact]
    public async Task A_fault_500_answers_shares_internal_error_object()
    {
        using var share = new ShareHarness(_clock, Rig.Fault(VendorIds.DexcomShare, "read", Now.AddMinutes(-1), new OutageFaultOptions { StatusCode = 500 }));
        var session = await share.LoginAsync();

        using var response = await share.ReadAsync(session);

        await Approve(response, "Share.InternalError.500");
    }

    // ---- regions -----------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task A_us_account_at_the_ous_fake_fails_exactly_as_a_wrong_password()
    {
        var (_, client) = Start(new DexcomShareOptions { Region = ShareRegion.Ous });

        using var auth = await AuthenticateAsync(client);
        using var byId = await LoginByIdAsync(client);

        await Approve(auth, "Share.Ous.UsAccount.500");
        Assert.Equal(500, (int)byId.StatusCode);
        Assert.Equal("AccountPasswordInvalid", (await byId.JsonAsync()).Str("Code"));
    }

    [Fact]
    public async Task An_ous_account_logs_in_at_the_ous_fake_with_the_shared_application_id()
    {
        var ous = Account with { Region = ShareRegion.Ous };
        var (_, client) = Start(new DexcomShareOptions { Region = ShareRegion.Ous }, ous);

        using var auth = await AuthenticateAsync(client);
        using var byId = await LoginByIdAsync(client);

        Assert.Equal(200, (int)auth.StatusCode);
        Assert.Equal(200, (int)byId.StatusCode);
        Assert.Equal("shareous1.dexcom.com", ShareRegions.Host(ShareRegion.Ous));
    }

    [Fact]
    public async Task An_ous_account_is_unknown_at_the_us_fake()
    {
        var (_, client) = Start(null, Account with { Region = ShareRegion.Ous });

        using var response = await AuthenticateAsync(client);

        Assert.Equal("AccountPasswordInvalid", (await response.JsonAsync()).Str("Code"));
    }

    [Fact]
    public async Task Japan_takes_its_own_application_id_and_refuses_the_us_one()
    {
        var jp = Account with { Region = ShareRegion.Jp };
        var (_, client) = Start(new DexcomShareOptions { Region = ShareRegion.Jp }, jp);

        using var own = await AuthenticateAsync(client, applicationId: ShareRegions.JpApplicationId);
        using var us = await AuthenticateAsync(client, applicationId: ShareRegions.UsOusApplicationId);

        Assert.Equal(200, (int)own.StatusCode);
        Assert.Equal(500, (int)us.StatusCode);
        Assert.Equal("InvalidArgument", (await us.JsonAsync()).Str("Code"));
        Assert.Equal("share.dexcom.jp", ShareRegions.Host(ShareRegion.Jp));
    }

    [Fact]
    public async Task The_us_fake_refuses_the_japanese_id_unless_configured_to_take_it()
    {
        var (_, strict) = Start();
        var (_, lenient) = Start(new DexcomShareOptions { ApplicationIds = [ShareRegions.UsOusApplicationId, ShareRegions.JpApplicationId] });

        using var refused = await AuthenticateAsync(strict, applicationId: ShareRegions.JpApplicationId);
        using var accepted = await AuthenticateAsync(lenient, applicationId: ShareRegions.JpApplicationId);

        Assert.Equal(500, (int)refused.StatusCode);
        Assert.Equal(200, (int)accepted.StatusCode);
    }

    // ---- legacy behaviour and locks ----------------------------------------------------------------------------------------

    [Fact]
    public async Task Legacy_codes_name_the_sso_failure()
    {
        var (_, client) = Start(new DexcomShareOptions { LoginErrors = ShareLoginErrors.Legacy });

        using var notFound = await AuthenticateAsync(client, name: "nobody@example.com");
        using var wrongPassword = await AuthenticateAsync(client, password: "wrong-password");

        await Approve(notFound, "Share.Legacy.SSO_AuthenticateAccountNotFound.500");
        await Approve(wrongPassword, "Share.Legacy.SSO_AuthenticatePasswordInvalid.500");
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_until_the_lock_expires()
    {
        var (_, client) = Start(new DexcomShareOptions { LockAfterFailedLogins = 3, LockDuration = TimeSpan.FromMinutes(30) });
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await AuthenticateAsync(client, password: "wrong-password");
            Assert.Equal("AccountPasswordInvalid", (await wrong.JsonAsync()).Str("Code"));
        }

        using var locked = await AuthenticateAsync(client);
        _clock.Advance(TimeSpan.FromMinutes(30));
        using var unlocked = await AuthenticateAsync(client);

        await Approve(locked, "Share.SSO_AuthenticateMaxAttemptsExceeded.500");
        Assert.Equal(200, (int)unlocked.StatusCode);
    }

    [Fact]
    public async Task Accounts_never_lock_by_default()
    {
        var (_, client) = Start();
        for (var i = 0; i < 20; i++)
            using (await AuthenticateAsync(client, password: "wrong-password")) { }

        using var response = await AuthenticateAsync(client);

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task The_old_login_by_name_can_answer_the_all_zeros_session_for_bad_credentials()
    {
        var (_, client) = Start(new DexcomShareOptions { LoginByNameAnswersZeroSessionOnFailure = true });

        using var login = await PostJsonAsync(client, "General/LoginPublisherAccountByName",
            $$"""{"accountName":"{{Account.AccountName}}","password":"wrong","applicationId":"{{ShareRegions.UsOusApplicationId}}"}""");
        var session = (await login.JsonAsync()).GetString()!;
        using var read = await ReadAsync(client, session);

        Assert.Equal(200, (int)login.StatusCode);
        Assert.Equal(Guid.Empty.ToString(), session);
        Assert.Equal(200, (int)read.StatusCode);
        Assert.Equal("", await read.Content.ReadAsStringAsync());
    }
}
