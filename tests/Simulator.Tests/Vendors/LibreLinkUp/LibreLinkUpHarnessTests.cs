using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Scenarios.Model;
using Simulator.Glucose;
using Simulator.Journal;
using Simulator.Tests.Support;
using Simulator.Vendors;
using Simulator.Vendors.LibreLinkUp;

namespace Simulator.Tests.Vendors.LibreLinkUp;

/// <summary>
/// A started LibreLinkUp fake with two follower accounts (one at home in the default region, one in EU2) and a plain
/// HttpClient sending the headers nightscout-librelink-up 3.2 sends (§3.2).
/// </summary>
internal sealed class LibreLinkUpHarness : IDisposable
{
    /// <summary>Sat 30 Nov 2019 09:00 UTC (04:00 EST).</summary>
    public static readonly DateTimeOffset Now = Rig.T0.AddHours(3);

    public static readonly LibreLinkUpAccount Account =
        new("child-1", "parent.one@example.com", "correct-horse-7", Guid.Parse("0b6c3f4e-8a21-4d5b-9c7e-1f2a3b4c5d6e"), "Alex", "Doe")
        {
            UserId = Guid.Parse("5e1f0c2d-3b4a-4c6d-8e9f-a0b1c2d3e4f5"), UserFirstName = "Pat", UserLastName = "Doe", SensorSerial = "0M0008B8CAT",
        };

    public static readonly LibreLinkUpAccount Eu2Account =
        new("child-2", "parent.two@example.co.uk", "battery-staple-9", Guid.Parse("7d8e9fa0-b1c2-4d3e-8f40-5162738495a6"), "Sam", "Roe")
        {
            Region = "eu2", Country = "GB",
        };

    public LibreLinkUpHarness(TimeProvider clock, params FaultSpec[] faults) : this(clock, new LibreLinkUpOptions { DisplayOffset = TimeSpan.FromHours(-5) }, [Account, Eu2Account], faults) { }

    public LibreLinkUpHarness(TimeProvider clock, LibreLinkUpOptions options, IEnumerable<LibreLinkUpAccount> accounts, params FaultSpec[] faults)
    {
        Context = Rig.Context(clock, faults);
        Fake = new LibreLinkUpFake(Context, accounts, options, new Random(7));
        Fake.Start();
        Client = new HttpClient { BaseAddress = Fake.BaseUrl };
    }

    public FakeContext Context { get; }
    public RunJournal Journal => Context.Journal;
    public LibreLinkUpFake Fake { get; }
    public HttpClient Client { get; }

    public void Store(string patient, DateTimeOffset sensorTime, int mgdl, Trend trend = Trend.Flat) =>
        Fake.Store.Accept(new Reading(patient, sensorTime, mgdl, trend));

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, string? token = null,
        string? accountId = null, string? version = "4.16.0", string? product = "llu.ios", string? host = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, contentType);
        if (product is not null) request.Headers.Add("product", product);
        if (version is not null) request.Headers.Add("version", version);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (accountId is not null) request.Headers.Add("account-id", accountId);
        if (host is not null) request.Headers.Host = host;
        request.Headers.UserAgent.ParseAdd("Mozilla/5.0 (iPhone; CPU OS 17_4_1 like Mac OS X)");
        return await Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> LoginAsync(string email, string password, string path = "/llu/auth/login", string? version = "4.16.0", string? host = null) =>
        SendAsync(HttpMethod.Post, path, JsonSerializer.Serialize(new { email, password }), version: version, host: host);

    /// <summary>Logs in and returns the auth ticket's token, asserting a full login.</summary>
    public async Task<string> TokenAsync(LibreLinkUpAccount? account = null, string path = "/llu/auth/login")
    {
        account ??= Account;
        using var response = await LoginAsync(account.Email, account.Password, path);
        var body = await response.JsonAsync();
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(0, body.GetProperty("status").GetInt32());
        return body.GetProperty("data").GetProperty("authTicket").Str("token");
    }

    /// <summary>A data call as a current client makes it: bearer token and account-id.</summary>
    public Task<HttpResponseMessage> GetAsync(string path, string token, LibreLinkUpAccount? account = null, string? version = "4.16.0") =>
        SendAsync(HttpMethod.Get, path, token: token, accountId: (account ?? Account).AccountIdHeader, version: version);

    public static string GraphPath(LibreLinkUpAccount account) => $"/llu/connections/{account.PatientId}/graph";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Pretty(JsonElement body) => JsonSerializer.Serialize(body, Indented);

    public static long Unix(DateTimeOffset t) => t.ToUnixTimeSeconds();

    public static string Stamp(DateTimeOffset t) => t.ToString("M/d/yyyy h:mm:ss tt", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        Client.Dispose();
        Fake.Dispose();
    }
}

/// <summary>The harness's own helpers behave as the tests rely on.</summary>
public sealed class LibreLinkUpHarnessTests
{
    [Fact]
    public void The_account_id_header_is_the_lowercase_hex_sha256_of_the_user_id()
    {
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("5e1f0c2d-3b4a-4c6d-8e9f-a0b1c2d3e4f5")));

        Assert.Equal(expected, LibreLinkUpHarness.Account.AccountIdHeader);
        Assert.Equal(64, expected.Length);
    }

    [Fact]
    public void An_unset_user_id_is_derived_from_the_patient_id_and_stable()
    {
        var account = LibreLinkUpHarness.Eu2Account;

        Assert.NotEqual(Guid.Empty, account.UserId);
        Assert.NotEqual(account.PatientId, account.UserId);
        Assert.Equal(account.UserId, (account with { }).UserId);
        Assert.Equal('4', account.UserId.ToString()[14]);
    }
}
