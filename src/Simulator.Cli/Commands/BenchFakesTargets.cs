using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LoadDriver.Targets;
using Scenarios.Model;
using Simulator.Glucose;
using Microsoft.AspNetCore.WebUtilities;
using Simulator.Vendors;
using Simulator.Vendors.Apns;
using Simulator.Vendors.DexcomApi;
using Simulator.Vendors.DexcomShare;
using Simulator.Vendors.Fcm;
using Simulator.Vendors.LibreLinkUp;
using Simulator.Vendors.Nightscout;
using Simulator.Vendors.Twilio;
using Simulator.Vendors.Webhook;

namespace Simulator.Cli.Commands;

/// <summary>A started fake and the one realistic request the bench repeats against it.</summary>
/// <param name="SetupRequests">Requests made to set it up (a login), which the fake journals too.</param>
/// <param name="Http2">The fake speaks HTTP/2 only (h2c): sent with HttpClient, as the raw client speaks HTTP/1.1.</param>
internal sealed record BenchFakeTarget(VendorFake Fake, RequestSpec Request, int SetupRequests, bool Http2 = false);

/// <summary>A vendor fake <c>bench fakes</c> measures: its id and how to start it with a valid request ready.</summary>
internal sealed record BenchFake(string Vendor, Func<FakeContext, HttpClient, CancellationToken, Task<BenchFakeTarget>> StartAsync);

/// <summary>
/// The fakes <c>bench fakes</c> knows, one line each: start the fake with one account, give it a few readings, and
/// return the request a real client sends most (a follower's read, a push send) with valid credentials.
/// </summary>
internal static class BenchFakes
{
    public static readonly IReadOnlyList<BenchFake> All =
    [
        new(VendorIds.DexcomShare, StartShareAsync),
        new(VendorIds.Nightscout, StartNightscoutAsync),
        new(VendorIds.Fcm, StartFcmAsync),
        new(VendorIds.LibreLinkUp, StartLibreLinkUpAsync),
        new(VendorIds.DexcomApi, StartDexcomApiAsync),
        new(VendorIds.Twilio, StartTwilioAsync),
        new(VendorIds.Webhook, StartWebhookAsync),
        new(VendorIds.Apns, StartApnsAsync),
    ];

    private const string Patient = "bench-1";

    /// <summary>A follower's read of the latest value, with a session from a login made first.</summary>
    private static async Task<BenchFakeTarget> StartShareAsync(FakeContext context, HttpClient http, CancellationToken ct)
    {
        var account = new ShareAccount(Patient, "bench-1@example.com", "bench-password-1", Guid.Parse("6f3d9c1e-2b4a-4c8e-9f10-0a1b2c3d4e5f"));
        var fake = new DexcomShareFake(context, [account], TimeSpan.Zero, new Random(1));
        fake.Start();
        Seed(fake.Store, context);
        var login = await http.PostAsJsonAsync(new Uri(fake.ServicesUrl, "General/LoginPublisherAccountByName"),
            new { accountName = account.AccountName, password = account.Password, applicationId = "d89443d2-327c-4a6f-89e5-496bbb0317db" }, ct);
        login.EnsureSuccessStatusCode();
        var session = await login.Content.ReadFromJsonAsync<string>(ct);
        var read = new Uri(fake.ServicesUrl, $"Publisher/ReadPublisherLatestGlucoseValues?sessionId={session}&minutes=1440&maxCount=1");
        return new BenchFakeTarget(fake, new RequestSpec(read, "POST",
            [new("Accept", "application/json"), new("User-Agent", "Dexcom Share/3.0.2.11 CFNetwork/711.2.23 Darwin/14.0.0")], null), SetupRequests: 1);
    }

    /// <summary>A follower app's read of the last 10 entries, with the site's api-secret.</summary>
    private static Task<BenchFakeTarget> StartNightscoutAsync(FakeContext context, HttpClient http, CancellationToken ct)
    {
        var site = new NightscoutSite(Patient, "bench-api-secret-1");
        var fake = new NightscoutFake(context, [site]);
        fake.Start();
        Seed(fake.Store, context);
        var entries = new Uri(fake.BaseUrl, $"/{Patient}/api/v1/entries.json?count=10");
        return Task.FromResult(new BenchFakeTarget(fake, new RequestSpec(entries, "GET",
            [new("Accept", "application/json"), new("api-secret", NightscoutSite.HashForHeader(site.ApiSecret))], null), SetupRequests: 0));
    }

    /// <summary>An alert push to one follower's token, with a valid access token.</summary>
    private static Task<BenchFakeTarget> StartFcmAsync(FakeContext context, HttpClient http, CancellationToken ct)
    {
        var fake = new FcmFake(context, "bench-project", "bench-access-token");
        fake.Start();
        var body = """{"message":{"token":"fcm-token-bench-follower-1","data":{"patient":"bench-1","alert":"urgent-low","mgdl":"54"},"android":{"priority":"high"}}}""";
        var send = new Uri(fake.BaseUrl, "/v1/projects/bench-project/messages:send");
        return Task.FromResult(new BenchFakeTarget(fake, new RequestSpec(send, "POST",
            [new("Authorization", "Bearer bench-access-token"), new("Content-Type", "application/json; UTF-8")], Encoding.UTF8.GetBytes(body)), SetupRequests: 0));
    }

    /// <summary>A follower's read of the patient's graph, with the token and account-id from a login made first.</summary>
    private static async Task<BenchFakeTarget> StartLibreLinkUpAsync(FakeContext context, HttpClient http, CancellationToken ct)
    {
        var account = new LibreLinkUpAccount(Patient, "follower-1@example.com", "bench-password-1", Guid.Parse("0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"), "Bench", "Patient");
        var fake = new LibreLinkUpFake(context, [account], new Random(1));
        fake.Start();
        Seed(fake.Store, context);
        KeyValuePair<string, string>[] app = [new("product", "llu.android"), new("version", "4.16.0"), new("Accept", "application/json")];
        using var login = new HttpRequestMessage(HttpMethod.Post, new Uri(fake.BaseUrl, "/llu/auth/login"))
        {
            Content = JsonContent.Create(new { email = account.Email, password = account.Password }),
        };
        foreach (var (name, value) in app) login.Headers.Add(name, value);
        using var answer = await http.SendAsync(login, ct);
        answer.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(ct));
        var token = doc.RootElement.GetProperty("data").GetProperty("authTicket").GetProperty("token").GetString();
        var graph = new Uri(fake.BaseUrl, $"/llu/connections/{account.PatientId}/graph");
        return new BenchFakeTarget(fake, new RequestSpec(graph, "GET",
            [.. app, new("Authorization", $"Bearer {token}"), new("account-id", account.AccountIdHeader)], null), SetupRequests: 1);
    }

    /// <summary>A follower backend's egvs read for the last day, with an access token from the OAuth2 code flow done first.</summary>
    private static async Task<BenchFakeTarget> StartDexcomApiAsync(FakeContext context, HttpClient http, CancellationToken ct)
    {
        var app = new DexcomApiClientApp("bench-client", "bench-secret", "https://follower.example.com/callback");
        var user = new DexcomApiUser(Patient, "bench-user-1", "bench-password-1", Guid.Parse("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"));
        // No data delay and no hourly call limit: the bench measures the read, not the API's pacing.
        var fake = new DexcomApiFake(context, new DexcomApiOptions { Client = app, DataDelay = TimeSpan.Zero, HourlyLimit = int.MaxValue }, [user], new Random(1));
        fake.Start();
        Seed(fake.Store, context);
        var q = (string s) => Uri.EscapeDataString(s);
        using var noRedirects = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false });
        using var login = await noRedirects.GetAsync(new Uri(fake.BaseUrl,
            $"{DexcomApiFake.LoginPath}?client_id={q(app.ClientId)}&redirect_uri={q(app.RedirectUri)}&response_type=code&scope=offline_access&state=bench&username={q(user.Username)}&password={q(user.Password)}"), ct);
        var code = QueryHelpers.ParseQuery(login.Headers.Location?.Query)["code"].ToString();
        using var token = await noRedirects.PostAsync(new Uri(fake.BaseUrl, DexcomApiFake.TokenPath), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = app.ClientId, ["client_secret"] = app.ClientSecret, ["code"] = code,
            ["grant_type"] = "authorization_code", ["redirect_uri"] = app.RedirectUri,
        }), ct);
        token.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await token.Content.ReadAsStringAsync(ct));
        var access = doc.RootElement.GetProperty("access_token").GetString();
        var now = context.Clock.GetUtcNow().UtcDateTime;
        string Date(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var egvs = new Uri(fake.BaseUrl, $"{DexcomApiFake.EgvsPath}?startDate={Date(now.AddDays(-1))}&endDate={Date(now.AddHours(1))}");
        return new BenchFakeTarget(fake, new RequestSpec(egvs, "GET",
            [new("Authorization", $"Bearer {access}"), new("Accept", "application/json")], null), SetupRequests: 2);
    }

    /// <summary>An SMS alert to a follower's phone, form-encoded with Basic auth, as the Twilio SDKs send it.</summary>
    private static Task<BenchFakeTarget> StartTwilioAsync(FakeContext context, HttpClient http, CancellationToken ct)
    {
        var options = new TwilioOptions { AccountSid = "AC0123456789abcdef0123456789abcdef", AuthToken = "bench-auth-token", FromNumbers = ["+15557654321"] };
        var fake = new TwilioFake(context, options, new Random(1));
        fake.Start();
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.AccountSid}:{options.AuthToken}"));
        var form = "To=%2B15551230001&From=%2B15557654321&Body=" + Uri.EscapeDataString("Urgent low: bench-1 is at 54 mg/dL and falling.");
        return Task.FromResult(new BenchFakeTarget(fake, new RequestSpec(new Uri(fake.BaseUrl, fake.MessagesPath), "POST",
            [new("Authorization", $"Basic {basic}"), new("Content-Type", "application/x-www-form-urlencoded")], Encoding.UTF8.GetBytes(form)), SetupRequests: 0));
    }

    /// <summary>An alert delivered to a follower backend's webhook, with its shared secret.</summary>
    private static Task<BenchFakeTarget> StartWebhookAsync(FakeContext context, HttpClient http, CancellationToken ct)
    {
        var fake = new WebhookFake(context, new WebhookOptions { Secret = "bench-webhook-secret" });
        fake.Start();
        var body = """{"patient":"bench-1","alert":"urgent-low","mgdl":54,"trend":"SingleDown"}""";
        return Task.FromResult(new BenchFakeTarget(fake, new RequestSpec(fake.HookUrl("parent-1"), "POST",
            [new("X-Webhook-Secret", "bench-webhook-secret"), new("Content-Type", "application/json")], Encoding.UTF8.GetBytes(body)), SetupRequests: 0));
    }

    /// <summary>An alert notification to a follower's iPhone over h2c, with an ES256 provider token.</summary>
    private static Task<BenchFakeTarget> StartApnsAsync(FakeContext context, HttpClient http, CancellationToken ct)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var options = new ApnsOptions { Topic = "com.example.follower", ProviderKeys = [new ApnsProviderKey("TEAMBENCH1", "KEYBENCH01", key.ExportSubjectPublicKeyInfoPem())] };
        var device = string.Concat(Enumerable.Repeat("0123456789abcdef", 4));
        var fake = new ApnsFake(context, options, new Dictionary<string, (string, string)> { [device] = (Patient, "follower-1") }, new Random(1));
        fake.Start();
        var jwt = ApnsProviderToken.Sign(key, "TEAMBENCH1", "KEYBENCH01", context.Clock.GetUtcNow());
        var body = """{"aps":{"alert":{"title":"Urgent low","body":"bench-1 is at 54 mg/dL"},"sound":"default"},"patient":"bench-1","alert":"urgent-low"}""";
        return Task.FromResult(new BenchFakeTarget(fake, new RequestSpec(new Uri(fake.BaseUrl, $"/3/device/{device}"), "POST",
            [new("authorization", $"bearer {jwt}"), new("apns-topic", options.Topic), new("apns-push-type", "alert"), new("apns-priority", "10")],
            Encoding.UTF8.GetBytes(body)), SetupRequests: 0, Http2: true));
    }

    /// <summary>An hour of readings every 5 minutes up to now, so reads answer with data.</summary>
    private static void Seed(ReadingStore store, FakeContext context)
    {
        var now = context.Clock.GetUtcNow();
        for (var i = 12; i >= 1; i--)
            store.Accept(new Reading(Patient, now - TimeSpan.FromMinutes(5 * i), 100 + i, Trend.Flat));
    }
}
