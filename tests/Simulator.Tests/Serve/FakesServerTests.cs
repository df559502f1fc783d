using System.Net.Http.Json;
using System.Text.Json;
using Scenarios.Model;
using Simulator.Serve;
using Simulator.Tests.Support;

namespace Simulator.Tests.Serve;

/// <summary>The standalone fakes as a team's app meets them: data at once, the run's credentials, a journal over HTTP.</summary>
public sealed class FakesServerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fakes-serve-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly DateTimeOffset Start = TestScenario.Start;

    private static Scenario Scenario(IReadOnlyList<FaultSpec>? faults = null) => TestScenario.Create(TimeSpan.FromHours(6), faults) with
    {
        Sut = new ExternalSut(new Uri("http://127.0.0.1:5300")),
    };

    private ServeOptions Options(Scenario scenario, double speed = 1) => new() { Scenario = scenario, OutputDirectory = _dir, Speed = speed };

    [Fact]
    public async Task A_client_sees_the_last_day_of_readings_at_once()
    {
        await using var server = await FakesServer.StartAsync(Options(Scenario()), CancellationToken.None);
        var share = server.Manifest.Fakes.Single(f => f.Vendor == VendorIds.DexcomShare);
        var account = server.Manifest.Patients.Single().Credentials[VendorIds.DexcomShare];
        using var http = new HttpClient { BaseAddress = new Uri(share.Shared["servicesUrl"]) };

        using var login = await http.PostAsJsonAsync("General/LoginPublisherAccountByName",
            new { accountName = account["accountName"], password = account["password"], applicationId = share.Shared["applicationId"] });
        Assert.Equal(200, (int)login.StatusCode);
        var session = await login.Content.ReadFromJsonAsync<string>();
        using var read = await http.PostAsync(new Uri($"Publisher/ReadPublisherLatestGlucoseValues?sessionId={session}&minutes=1440&maxCount=288", UriKind.Relative), null);
        var records = await read.JsonAsync();

        // 24 h of 5-minute readings up to and including the start.
        Assert.Equal(288, records.GetArrayLength());
    }

    [Fact]
    public async Task Nightscout_serves_the_same_history_to_its_api_secret()
    {
        await using var server = await FakesServer.StartAsync(Options(Scenario()), CancellationToken.None);
        var site = server.Manifest.Patients.Single().Credentials[VendorIds.Nightscout];
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(site["url"] + "/api/v1/entries.json?count=10"));
        request.Headers.Add("api-secret", Simulator.Vendors.Nightscout.NightscoutSite.HashForHeader(site["apiSecret"]));
        using var response = await http.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(10, (await response.JsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task The_manifest_is_written_beside_the_journal()
    {
        await using var server = await FakesServer.StartAsync(Options(Scenario()), CancellationToken.None);
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_dir, "fakes.json")));
        var vendors = manifest.RootElement.GetProperty("fakes").EnumerateArray().Select(f => f.GetProperty("vendor").GetString()).ToList();
        Assert.Equal([VendorIds.DexcomShare, VendorIds.Nightscout, VendorIds.Fcm], vendors);
        Assert.Equal(Path.Combine(_dir, "journal.jsonl"), manifest.RootElement.GetProperty("journal").GetString());
    }

    [Fact]
    public async Task Each_fake_answers_its_own_part_of_the_journal_over_http()
    {
        await using var server = await FakesServer.StartAsync(Options(Scenario()), CancellationToken.None);
        var nightscout = server.Manifest.Fakes.Single(f => f.Vendor == VendorIds.Nightscout);
        using var http = new HttpClient();

        var page = await http.GetFromJsonAsync<JsonElement>(new Uri(nightscout.Url + "/__harness/journal?limit=5"));

        Assert.Equal(VendorIds.Nightscout, page.GetProperty("vendor").GetString());
        var events = page.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(5, events.Count);
        Assert.All(events.Where(e => e.GetProperty("type").GetString() == "reading-accepted"),
            e => Assert.Equal(VendorIds.Nightscout, e.GetProperty("vendor").GetString()));
        var next = page.GetProperty("next").GetInt64();
        var second = await http.GetFromJsonAsync<JsonElement>(new Uri($"{nightscout.Url}/__harness/journal?since={next}&limit=5"));
        Assert.True(second.GetProperty("events").EnumerateArray().All(e => e.GetProperty("seq").GetInt64() > next));
    }

    [Fact]
    public async Task A_bad_journal_query_gets_a_message_that_says_what_to_send()
    {
        await using var server = await FakesServer.StartAsync(Options(Scenario()), CancellationToken.None);
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(server.Manifest.Fakes[0].Url + "/__harness/journal?limit=lots"));
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("limit a count from 1 to 10000", (await response.JsonAsync()).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_readings_arrive_on_the_scenario_clock_and_the_fault_timeline_runs()
    {
        // At 600x, 10 virtual minutes pass in a second: two readings, and a Share outage that opens at +5 min.
        var outage = Rig.Fault(VendorIds.DexcomShare, null, Start.AddMinutes(5), Start.AddHours(1), new OutageFaultOptions { StatusCode = 503 });
        await using var server = await FakesServer.StartAsync(Options(Scenario([outage]), speed: 600), CancellationToken.None);
        using var cts = new CancellationTokenSource();
        var feeding = server.RunAsync(cts.Token);
        using var http = new HttpClient();
        var share = server.Manifest.Fakes.Single(f => f.Vendor == VendorIds.DexcomShare);

        await Eventually.UntilAsync(() => server.Clock.GetUtcNow() >= Start.AddMinutes(11), "11 virtual minutes to pass");
        using var during = await http.PostAsync(new Uri(share.Shared["servicesUrl"] + "General/LoginPublisherAccountByName"), Http.JsonBody("{}"));
        await cts.CancelAsync();
        await feeding;

        Assert.Equal(503, (int)during.StatusCode);
        var journal = await http.GetFromJsonAsync<JsonElement>(new Uri(share.Url + "/__harness/journal?limit=10000"));
        var types = journal.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Contains("fault-phase", types);
        var accepted = journal.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "reading-accepted")
            .Select(e => e.GetProperty("sensorTime").GetDateTimeOffset()).ToList();
        Assert.Contains(Start.AddMinutes(5), accepted);
        Assert.Contains(Start.AddMinutes(10), accepted);
    }

    [Fact]
    public async Task LibreLinkUp_and_the_dexcom_api_serve_the_day_the_run_fed_them_to_the_listed_logins()
    {
        var scenario = Scenario() with { Vendors = [VendorIds.LibreLinkUp, VendorIds.DexcomApi, VendorIds.Twilio] };
        await using var server = await FakesServer.StartAsync(Options(scenario), CancellationToken.None);
        var patient = server.Manifest.Patients.Single().Credentials;
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        // LibreLinkUp: log in at the region URL with the listed email, then read the graph.
        var llu = server.Manifest.Fakes.Single(f => f.Vendor == VendorIds.LibreLinkUp).Shared["regionUrl"];
        using var login = await http.SendAsync(Llu(HttpMethod.Post, llu + "/llu/auth/login", null, null,
            Http.JsonBody(new { email = patient[VendorIds.LibreLinkUp]["email"], password = patient[VendorIds.LibreLinkUp]["password"] })));
        var ticket = (await login.JsonAsync()).GetProperty("data");
        var token = ticket.GetProperty("authTicket").GetProperty("token").GetString();
        var accountId = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(ticket.GetProperty("user").GetProperty("id").GetString()!)));
        using var graph = await http.SendAsync(Llu(HttpMethod.Get, $"{llu}/llu/connections/{patient[VendorIds.LibreLinkUp]["patientId"]}/graph", token, accountId));
        Assert.Equal(200, (int)graph.StatusCode);
        Assert.Equal(144, (await graph.JsonAsync()).GetProperty("data").GetProperty("graphData").GetArrayLength());

        // Dexcom API v3: the code flow with the listed client and user, then egvs, an hour behind as documented.
        var dx = server.Manifest.Fakes.Single(f => f.Vendor == VendorIds.DexcomApi);
        var user = patient[VendorIds.DexcomApi];
        using var authorize = await http.GetAsync(new Uri($"{dx.Url}/v2/oauth2/login?client_id={dx.Shared["clientId"]}&redirect_uri={Uri.EscapeDataString(dx.Shared["redirectUri"])}"
            + $"&response_type=code&scope=offline_access&state=s&username={Uri.EscapeDataString(user["username"])}&password={Uri.EscapeDataString(user["password"])}"));
        var code = System.Web.HttpUtility.ParseQueryString(authorize.Headers.Location!.Query)["code"]!;
        using var exchange = await http.PostAsync(new Uri(dx.Url + "/v2/oauth2/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = dx.Shared["clientId"], ["client_secret"] = dx.Shared["clientSecret"], ["code"] = code,
            ["grant_type"] = "authorization_code", ["redirect_uri"] = dx.Shared["redirectUri"],
        }));
        var access = (await exchange.JsonAsync()).GetProperty("access_token").GetString();
        using var egvs = new HttpRequestMessage(HttpMethod.Get, new Uri($"{dx.Url}/v3/users/self/egvs?startDate={Start.UtcDateTime.AddDays(-1):yyyy-MM-ddTHH:mm:ss}&endDate={Start.UtcDateTime:yyyy-MM-ddTHH:mm:ss}"));
        egvs.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", access);
        using var records = await http.SendAsync(egvs);
        Assert.Equal(200, (int)records.StatusCode);
        var list = (await records.JsonAsync()).GetProperty("records");
        Assert.InRange(list.GetArrayLength(), 276, 277);

        Assert.StartsWith("+1555", patient[VendorIds.Twilio]["phone:parent-1"], StringComparison.Ordinal);
    }

    private static HttpRequestMessage Llu(HttpMethod method, string url, string? token, string? accountId, HttpContent? body = null)
    {
        var request = new HttpRequestMessage(method, new Uri(url)) { Content = body };
        request.Headers.Add("product", "llu.android");
        request.Headers.Add("version", "4.16.0");
        if (token is not null) request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        if (accountId is not null) request.Headers.Add("account-id", accountId);
        return request;
    }

    [Fact]
    public async Task Over_https_a_client_that_trusts_only_the_exported_ca_reaches_share_and_apns_over_http2()
    {
        var scenario = Scenario() with { Vendors = [VendorIds.DexcomShare, VendorIds.Apns] };
        await using var server = await FakesServer.StartAsync(Options(scenario) with { Https = true }, CancellationToken.None);
        using var ca = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(server.Manifest.CaCertificate!));
        using var http = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = new System.Net.Security.SslClientAuthenticationOptions { RemoteCertificateValidationCallback = Simulator.Vendors.Tls.HarnessCertificate.TrustOnly(ca) },
        });
        var share = server.Manifest.Fakes.Single(f => f.Vendor == VendorIds.DexcomShare);
        var account = server.Manifest.Patients.Single().Credentials[VendorIds.DexcomShare];
        Assert.StartsWith("https://127.0.0.1:", share.Url, StringComparison.Ordinal);
        using var login = await http.PostAsync(new Uri(share.Shared["servicesUrl"] + "General/LoginPublisherAccountByName"), Http.JsonBody(new
        {
            accountName = account["accountName"], password = account["password"], applicationId = share.Shared["applicationId"],
        }));
        Assert.Equal(200, (int)login.StatusCode);

        // APNs: a provider token signed with the .p8 the serve wrote, to a follower's listed device token.
        var apns = server.Manifest.Fakes.Single(f => f.Vendor == VendorIds.Apns);
        using var key = System.Security.Cryptography.ECDsa.Create();
        key.ImportFromPem(await File.ReadAllTextAsync(Path.Combine(_dir, "apns-key.p8")));
        var jwt = Simulator.Vendors.Apns.ApnsProviderToken.Sign(key, apns.Shared["teamId"], apns.Shared["keyId"], server.Clock.GetUtcNow());
        var device = server.Manifest.Patients.Single().Credentials[VendorIds.Apns]["token:parent-1"];
        using var push = new HttpRequestMessage(HttpMethod.Post, new Uri($"{apns.Url}/3/device/{device}"))
        {
            Version = System.Net.HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = Http.JsonBody("""{"aps":{"alert":"Urgent low"}}"""),
        };
        push.Headers.Add("apns-topic", apns.Shared["topic"]);
        push.Headers.Add("apns-push-type", "alert");
        push.Headers.TryAddWithoutValidation("authorization", $"bearer {jwt}");
        using var sent = await http.SendAsync(push);
        Assert.Equal(200, (int)sent.StatusCode);
        Assert.Equal(new Version(2, 0), sent.Version);
        Assert.True(sent.Headers.Contains("apns-id"));
    }

    [Fact]
    public async Task Accounts_given_on_the_command_line_replace_the_seeded_logins()
    {
        var options = Options(Scenario()) with { Accounts = [new AccountOverride("parent@example.com", "s3cret:with-colon")] };
        await using var server = await FakesServer.StartAsync(options, CancellationToken.None);
        var account = server.Manifest.Patients.Single().Credentials[VendorIds.DexcomShare];
        Assert.Equal("parent@example.com", account["accountName"]);
        Assert.Equal("s3cret:with-colon", account["password"]);
    }

    [Fact]
    public async Task Options_out_of_range_fail_before_anything_starts_with_what_to_change()
    {
        var options = Options(Scenario()) with { PortBase = 80, Speed = 0 };
        var e = await Assert.ThrowsAsync<Simulator.Runs.RunFailedException>(() => FakesServer.StartAsync(options, CancellationToken.None));
        Assert.Equal(
            "--speed 0 is out of range: give virtual seconds per real second, above 0 and at most 100000 (1 keeps real time). "
            + "--port-base 80 leaves no room for 3 fakes: give a port from 1024 to 65533, e.g. --port-base 47000.",
            e.Message);
        Assert.False(File.Exists(Path.Combine(_dir, "fakes.json")));
    }
}
