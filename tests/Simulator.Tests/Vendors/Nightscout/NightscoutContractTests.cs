using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Simulator.Glucose;
using Simulator.Journal;
using Simulator.Tests.Support;
using Simulator.Vendors;
using Simulator.Vendors.Nightscout;

namespace Simulator.Tests.Vendors.Nightscout;

/// <summary>
/// Nightscout's wire contract pinned as golden files (vendor-apis.md §2): auth by secret, token and JWT with roles,
/// treatments, devicestatus, status, verifyauth, API v3 entries, and the error shapes.
/// </summary>
public sealed class NightscoutContractTests : IDisposable
{
    private const string Patient = "child-1";
    private const string Secret = "sim-api-secret-0001";
    private static readonly DateTimeOffset Now = Rig.T0.AddHours(3);
    private static readonly NightscoutAccessToken Reader = NightscoutAccessToken.Create(Secret, "Follower App", "readable");
    private static readonly NightscoutAccessToken Careportal = NightscoutAccessToken.Create(Secret, "Careportal", "careportal", "readable");
    private static readonly NightscoutAccessToken Uploader = NightscoutAccessToken.Create(Secret, "Uploader", "admin");
    private static readonly NightscoutAccessToken Rig4 = NightscoutAccessToken.Create(Secret, "Loop", "devicestatus-upload");

    private readonly ManualClock _clock = new(Now);
    private readonly FakeContext _context;
    private readonly NightscoutFake _fake;
    private readonly HttpClient _client;

    public NightscoutContractTests()
    {
        _context = Rig.Context(_clock);
        _fake = new NightscoutFake(_context,
        [
            new NightscoutSite(Patient, Secret) { AccessTokens = [Reader, Careportal, Uploader, Rig4] },
            new NightscoutSite("locked-down", "locked-secret-0003") { DefaultRoles = ["denied"] },
        ]);
        _fake.Start();
        _client = new HttpClient { BaseAddress = _fake.BaseUrl };
    }

    public void Dispose()
    {
        _client.Dispose();
        _fake.Dispose();
    }

#pragma warning disable CA5350 // SHA-1 is what the Nightscout protocol specifies for api-secret.
    private static string Sha1Hex(string s) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(s)));
#pragma warning restore CA5350

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, string? apiSecret = null, string? bearer = null,
        string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, contentType);
        if (apiSecret is not null) request.Headers.Add("api-secret", apiSecret);
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await _client.SendAsync(request);
    }

    private Task<HttpResponseMessage> GetAsync(string path, string? apiSecret = null, string? bearer = null) =>
        SendAsync(HttpMethod.Get, path, apiSecret: apiSecret, bearer: bearer);

    private Task<HttpResponseMessage> PostAsync(string path, string json, string? apiSecret = null, string? bearer = null) =>
        SendAsync(HttpMethod.Post, path, json, apiSecret, bearer);

    private async Task Approve(HttpResponseMessage response, string name, [System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Golden.Match(await ResponseText.RenderAsync(response, _fake.BaseUrl), name, file);

    private static string Entry(DateTimeOffset t, int sgv) => JsonSerializer.Serialize(new
    {
        type = "sgv", sgv, date = t.ToUnixTimeMilliseconds(),
        dateString = t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), direction = "Flat",
    });

    private async Task<string> JwtAsync(NightscoutAccessToken token)
    {
        using var response = await GetAsync($"/{Patient}/api/v2/authorization/request/{token.Token}");
        Assert.Equal(200, (int)response.StatusCode);
        return (await response.JsonAsync()).Str("token");
    }

    // ---- auth ----------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task A_refused_request_answers_nightscouts_401()
    {
        using var response = await PostAsync($"/{Patient}/api/v1/entries", Entry(Now, 120));

        await Approve(response, "Nightscout.Unauthorized.401");
    }

    [Fact]
    public async Task Access_tokens_are_accepted_on_the_query_with_their_roles()
    {
        using var read = await GetAsync($"/{Patient}/api/v1/entries.json?token={Reader.Token}");
        using var write = await PostAsync($"/{Patient}/api/v1/entries?token={Reader.Token}", Entry(Now, 120));
        using var adminWrite = await PostAsync($"/{Patient}/api/v1/entries?token={Uploader.Token}", Entry(Now, 120));
        using var unknown = await GetAsync($"/{Patient}/api/v1/entries.json?token=nobody-0123456789abcdef");

        Assert.Equal(200, (int)read.StatusCode);
        Assert.Equal(401, (int)write.StatusCode);
        Assert.Equal(200, (int)adminWrite.StatusCode);
        Assert.Equal(401, (int)unknown.StatusCode);
        Assert.Matches("^followerapp-[0-9a-f]{16}$", Reader.Token);
    }

    [Fact]
    public async Task A_token_or_its_sha1_is_accepted_in_the_api_secret_header_as_librelink_up_sends_it()
    {
        using var plain = await PostAsync($"/{Patient}/api/v1/entries", Entry(Now, 120), apiSecret: Uploader.Token);
        using var hashed = await PostAsync($"/{Patient}/api/v1/entries", Entry(Now.AddMinutes(5), 125), apiSecret: Sha1Hex(Uploader.Token));
        using var readerHash = await PostAsync($"/{Patient}/api/v1/entries", Entry(Now, 120), apiSecret: Sha1Hex(Reader.Token));

        Assert.Equal(200, (int)plain.StatusCode);
        Assert.Equal(200, (int)hashed.StatusCode);
        Assert.Equal(401, (int)readerHash.StatusCode);
    }

    [Fact]
    public async Task The_secret_is_also_accepted_on_the_query_and_sha512_in_the_header()
    {
        using var query = await PostAsync($"/{Patient}/api/v1/entries?secret={Sha1Hex(Secret)}", Entry(Now, 120));
        using var sha512 = await PostAsync($"/{Patient}/api/v1/entries", Entry(Now, 120),
            apiSecret: Convert.ToHexStringLower(SHA512.HashData(Encoding.UTF8.GetBytes(Secret))));

        Assert.Equal(200, (int)query.StatusCode);
        Assert.Equal(200, (int)sha512.StatusCode);
    }

    [Fact]
    public async Task A_jwt_is_issued_for_an_access_token_and_opens_the_api_until_it_expires()
    {
        using var issued = await GetAsync($"/{Patient}/api/v2/authorization/request/{Careportal.Token}");
        var body = await issued.JsonAsync();
        var jwt = body.Str("token");
        Assert.Equal(3, jwt.Split('.').Length);
        Assert.Equal(["exp", "iat", "permissionGroups", "sub", "token"], body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(Now.ToUnixTimeSeconds(), body.GetProperty("iat").GetInt64());
        Assert.Equal(Now.AddHours(8).ToUnixTimeSeconds(), body.GetProperty("exp").GetInt64());
        Golden.Match(body.GetProperty("permissionGroups").GetRawText() + "\n" + body.Str("sub"), "Nightscout.Jwt.Claims");

        using var treatment = await PostAsync($"/{Patient}/api/v1/treatments", """{"eventType":"Carb Correction","carbs":15}""", bearer: jwt);
        using var entries = await PostAsync($"/{Patient}/api/v1/entries", Entry(Now, 120), bearer: jwt);
        _clock.Advance(TimeSpan.FromHours(8));
        using var expired = await GetAsync($"/{Patient}/api/v1/treatments.json", bearer: jwt);

        Assert.Equal(200, (int)treatment.StatusCode);
        Assert.Equal(401, (int)entries.StatusCode);   // careportal may write treatments, not entries
        Assert.Equal(401, (int)expired.StatusCode);
    }

    [Fact]
    public async Task A_tampered_jwt_is_refused()
    {
        var jwt = await JwtAsync(Uploader);
        var parts = jwt.Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{new string('A', parts[2].Length)}";

        using var response = await GetAsync($"/{Patient}/api/v1/entries.json", bearer: forged);

        Assert.Equal(401, (int)response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_access_token_gets_no_jwt()
    {
        using var response = await GetAsync($"/{Patient}/api/v2/authorization/request/nobody-0123456789abcdef");

        await Approve(response, "Nightscout.JwtRequest.401");
    }

    [Fact]
    public async Task A_site_whose_default_role_is_denied_refuses_anonymous_reads()
    {
        using var anonymous = await GetAsync("/locked-down/api/v1/entries.json");
        using var withSecret = await GetAsync("/locked-down/api/v1/entries.json", apiSecret: Sha1Hex("locked-secret-0003"));

        Assert.Equal(401, (int)anonymous.StatusCode);
        Assert.Equal(200, (int)withSecret.StatusCode);
    }

    [Fact]
    public async Task Verifyauth_reports_what_the_credentials_allow()
    {
        using var admin = await GetAsync($"/{Patient}/api/v1/verifyauth", apiSecret: Sha1Hex(Secret));
        using var anonymous = await GetAsync($"/{Patient}/api/v1/verifyauth");
        using var wrong = await GetAsync($"/{Patient}/api/v1/verifyauth", apiSecret: Sha1Hex("wrong"));
        using var reader = await GetAsync($"/{Patient}/api/v1/verifyauth?token={Reader.Token}");

        await Approve(admin, "Nightscout.VerifyAuth.Admin.200");
        await Approve(anonymous, "Nightscout.VerifyAuth.Anonymous.200");
        await Approve(wrong, "Nightscout.VerifyAuth.Wrong.200");
        await Approve(reader, "Nightscout.VerifyAuth.Reader.200");
    }

    // ---- entries -------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Entries_post_and_get_shapes()
    {
        using var post = await PostAsync($"/{Patient}/api/v1/entries", $"[{Entry(Now.AddMinutes(-5), 112)},{Entry(Now, 108)}]", apiSecret: Sha1Hex(Secret));
        using var get = await GetAsync($"/{Patient}/api/v1/entries/sgv.json?count=2");

        await Approve(post, "Nightscout.Entries.Post.200");
        await Approve(get, "Nightscout.Entries.Get.200");
    }

    [Fact]
    public async Task Malformed_json_answers_expresss_400_page_and_stores_nothing()
    {
        using var response = await PostAsync($"/{Patient}/api/v1/entries", """[{"sgv": 120,""", apiSecret: Sha1Hex(Secret));

        await Approve(response, "Nightscout.BadJson.400");
        Assert.Empty(_context.Journal.OfType<ReadingAccepted>());
    }

    [Fact]
    public async Task An_entry_without_date_or_sgv_is_refused()
    {
        using var response = await PostAsync($"/{Patient}/api/v1/entries", """{"type":"sgv","sgv":"high"}""", apiSecret: Sha1Hex(Secret));

        await Approve(response, "Nightscout.Entries.Invalid.400");
    }

    [Fact]
    public async Task A_body_sent_as_text_is_not_parsed_as_body_parser_ignores_it()
    {
        using var response = await SendAsync(HttpMethod.Post, $"/{Patient}/api/v1/entries", Entry(Now, 120), Sha1Hex(Secret), contentType: "text/plain");

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Empty(_context.Journal.OfType<ReadingAccepted>());
    }

    [Fact]
    public async Task Unknown_routes_answer_expresss_cannot_get_page()
    {
        using var response = await GetAsync($"/{Patient}/api/v1/nothing-here");

        await Approve(response, "Nightscout.UnknownRoute.404");
    }

    [Fact]
    public async Task An_unknown_site_answers_404()
    {
        using var response = await GetAsync("/nobody/api/v1/treatments.json");

        await Approve(response, "Nightscout.UnknownSite.404");
    }

    // ---- treatments ----------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Treatments_are_stored_with_id_created_at_and_utc_offset_and_listed_newest_first()
    {
        using var post = await PostAsync($"/{Patient}/api/v1/treatments",
            """[{"eventType":"Meal Bolus","created_at":"2019-11-30T02:45:00-05:00","carbs":30,"insulin":2.5,"enteredBy":"parent"},{"eventType":"Note","notes":"sensor change"}]""",
            apiSecret: Sha1Hex(Secret));
        using var single = await PostAsync($"/{Patient}/api/v1/treatments.json", """{"glucose":54,"glucoseType":"Finger"}""", apiSecret: Sha1Hex(Secret));
        using var list = await GetAsync($"/{Patient}/api/v1/treatments.json?count=2");

        await Approve(post, "Nightscout.Treatments.Post.200");
        await Approve(single, "Nightscout.Treatments.PostSingle.200");
        await Approve(list, "Nightscout.Treatments.Get.200");
    }

    [Fact]
    public async Task Treatments_default_to_ten_and_honour_find_created_at()
    {
        for (var i = 0; i < 12; i++)
        {
            var at = Now.AddMinutes(-10 * i).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            using var post = await PostAsync($"/{Patient}/api/v1/treatments", $$"""{"eventType":"Note","created_at":"{{at}}","notes":"{{i}}"}""", apiSecret: Sha1Hex(Secret));
            Assert.Equal(200, (int)post.StatusCode);
        }
        var since = Now.AddMinutes(-20).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        using var all = await GetAsync($"/{Patient}/api/v1/treatments.json");
        using var recent = await GetAsync($"/{Patient}/api/v1/treatments.json?find[created_at][$gte]={since}");

        Assert.Equal(10, (await all.JsonAsync()).GetArrayLength());
        Assert.Equal(["0", "1", "2"], (await recent.JsonAsync()).EnumerateArray().Select(t => t.Str("notes")));
    }

    [Fact]
    public async Task Reposting_a_treatment_replaces_it_under_the_same_id()
    {
        const string Body = """{"eventType":"Carb Correction","created_at":"2019-11-30T08:00:00.000Z","carbs":15}""";
        using var first = await PostAsync($"/{Patient}/api/v1/treatments", Body, apiSecret: Sha1Hex(Secret));
        using var second = await PostAsync($"/{Patient}/api/v1/treatments", Body.Replace("15", "20", StringComparison.Ordinal), apiSecret: Sha1Hex(Secret));
        using var list = await GetAsync($"/{Patient}/api/v1/treatments.json");

        var stored = Assert.Single((await list.JsonAsync()).EnumerateArray());
        Assert.Equal(20, stored.GetProperty("carbs").GetInt32());
        Assert.Equal((await first.JsonAsync())[0].Str("_id"), stored.Str("_id"));
    }

    [Fact]
    public async Task Treatments_need_the_careportal_role_to_write()
    {
        using var reader = await PostAsync($"/{Patient}/api/v1/treatments?token={Reader.Token}", """{"eventType":"Note"}""");
        using var careportal = await PostAsync($"/{Patient}/api/v1/treatments?token={Careportal.Token}", """{"eventType":"Note"}""");
        using var anonymous = await PostAsync($"/{Patient}/api/v1/treatments", """{"eventType":"Note"}""");
        using var anonymousRead = await GetAsync($"/{Patient}/api/v1/treatments");

        Assert.Equal(401, (int)reader.StatusCode);
        Assert.Equal(200, (int)careportal.StatusCode);
        Assert.Equal(401, (int)anonymous.StatusCode);
        Assert.Equal(200, (int)anonymousRead.StatusCode);
    }

    // ---- devicestatus --------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Devicestatus_is_stored_and_listed_newest_first()
    {
        using var bridge = await PostAsync($"/{Patient}/api/v1/devicestatus", """{"uploaderBattery":false}""", apiSecret: Sha1Hex(Secret));
        _clock.Advance(TimeSpan.FromMinutes(5));
        using var loop = await PostAsync($"/{Patient}/api/v1/devicestatus.json?token={Rig4.Token}",
            """[{"device":"loop://iPhone","uploader":{"battery":80},"pump":{"reservoir":120.5}}]""");
        using var list = await GetAsync($"/{Patient}/api/v1/devicestatus.json");

        await Approve(bridge, "Nightscout.DeviceStatus.Post.200");
        Assert.Equal(200, (int)loop.StatusCode);
        await Approve(list, "Nightscout.DeviceStatus.Get.200");
    }

    [Fact]
    public async Task Devicestatus_honours_count_and_needs_its_upload_role()
    {
        for (var i = 0; i < 3; i++)
        {
            using var post = await PostAsync($"/{Patient}/api/v1/devicestatus?token={Rig4.Token}", $$"""{"device":"d{{i}}"}""");
            _clock.Advance(TimeSpan.FromMinutes(5));
        }
        using var reader = await PostAsync($"/{Patient}/api/v1/devicestatus?token={Reader.Token}", """{"device":"x"}""");
        using var list = await GetAsync($"/{Patient}/api/v1/devicestatus?count=2");

        Assert.Equal(401, (int)reader.StatusCode);
        Assert.Equal(["d2", "d1"], (await list.JsonAsync()).EnumerateArray().Select(d => d.Str("device")));
    }

    // ---- status --------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Status_answers_json_text_and_html()
    {
        using var json = await GetAsync($"/{Patient}/api/v1/status.json");
        using var withToken = await GetAsync($"/{Patient}/api/v1/status.json?token={Reader.Token}");
        using var txt = await GetAsync($"/{Patient}/api/v1/status.txt");
        using var html = await GetAsync($"/{Patient}/api/v1/status.html");
        using var locked = await GetAsync("/locked-down/api/v1/status.json");

        await Approve(json, "Nightscout.Status.Json.200");
        await Approve(withToken, "Nightscout.Status.Token.200");
        await Approve(txt, "Nightscout.Status.Txt.200");
        await Approve(html, "Nightscout.Status.Html.200");
        Assert.Equal(401, (int)locked.StatusCode);
    }

    // ---- API v3 --------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task V3_create_answers_201_with_identifier_and_location_then_search_finds_it()
    {
        var jwt = await JwtAsync(Uploader);

        using var created = await PostAsync($"/{Patient}/api/v3/entries", Entry(Now, 131), bearer: jwt);
        using var older = await PostAsync($"/{Patient}/api/v3/entries", Entry(Now.AddMinutes(-5), 125), bearer: jwt);
        using var search = await GetAsync($"/{Patient}/api/v3/entries?limit=1&sort$desc=date", bearer: jwt);
        using var ascending = await GetAsync($"/{Patient}/api/v3/entries?limit=10&sort=date&token={Reader.Token}");

        await Approve(created, "Nightscout.V3.Create.201");
        Assert.Equal(201, (int)older.StatusCode);
        await Approve(search, "Nightscout.V3.Search.200");
        Assert.Equal([125, 131], (await ascending.JsonAsync()).GetProperty("result").EnumerateArray().Select(e => e.GetProperty("sgv").GetInt32()));
        Assert.Equal(2, _context.Journal.OfType<ReadingAccepted>().Count);
    }

    [Fact]
    public async Task V3_refuses_missing_credentials_and_missing_permissions()
    {
        var readerJwt = await JwtAsync(Reader);

        using var missing = await GetAsync($"/{Patient}/api/v3/entries");
        using var secretOnly = await GetAsync($"/{Patient}/api/v3/entries", apiSecret: Sha1Hex(Secret));
        using var forbidden = await PostAsync($"/{Patient}/api/v3/entries", Entry(Now, 120), bearer: readerJwt);

        await Approve(missing, "Nightscout.V3.Unauthorized.401");
        Assert.Equal(401, (int)secretOnly.StatusCode);
        await Approve(forbidden, "Nightscout.V3.Forbidden.403");
    }

    [Fact]
    public async Task V3_create_takes_one_document_not_an_array()
    {
        var jwt = await JwtAsync(Uploader);

        using var array = await PostAsync($"/{Patient}/api/v3/entries", $"[{Entry(Now, 120)}]", bearer: jwt);
        using var noDate = await PostAsync($"/{Patient}/api/v3/entries", """{"type":"sgv","sgv":120}""", bearer: jwt);

        await Approve(array, "Nightscout.V3.BadBody.400");
        Assert.Equal(400, (int)noDate.StatusCode);
    }

    [Fact]
    public void Endpoint_names_cover_the_scenario_model()
    {
        Assert.Equal(["read", "upload", "status", "treatments", "devicestatus"], Scenarios.Model.VendorIds.Endpoints[Scenarios.Model.VendorIds.Nightscout]);
    }

    [Fact]
    public async Task Requests_are_journaled_under_the_endpoint_names_faults_aim_at()
    {
        using (await GetAsync($"/{Patient}/api/v1/entries.json")) { }
        using (await PostAsync($"/{Patient}/api/v1/entries", Entry(Now, 120), apiSecret: Sha1Hex(Secret))) { }
        using (await GetAsync($"/{Patient}/api/v1/status.json")) { }
        using (await GetAsync($"/{Patient}/api/v1/treatments.json")) { }
        using (await GetAsync($"/{Patient}/api/v1/devicestatus.json")) { }
        using (await GetAsync($"/{Patient}/api/v3/entries?token={Reader.Token}")) { }

        await Eventually.UntilAsync(() => _context.Journal.OfType<RequestServed>().Count == 6, "six journaled requests");
        Assert.Equal(["devicestatus", "read", "read", "status", "treatments", "upload"],
            _context.Journal.OfType<RequestServed>().Select(s => s.Endpoint).Order(StringComparer.Ordinal));
    }
}
