using System.Globalization;
using System.Text.Json;
using Scenarios.Model;
using Simulator.Journal;
using Simulator.Vendors;
using Simulator.Vendors.DexcomShare;

namespace Simulator.Tests.Support;

/// <summary>
/// A started Dexcom Share fake with one publisher account and a real HttpClient aimed at its services path,
/// calling it the way pydexcom, share2nightscout-bridge and xDrip do.
/// </summary>
internal sealed class ShareHarness : IDisposable
{
    public static readonly ShareAccount Account =
        new("child-1", "parent.one@example.com", "correct-horse-7", Guid.Parse("6f1a2b3c-4d5e-4f60-8172-93a4b5c6d7e8"));

    public const string ApplicationId = "d89443d2-327c-4a6f-89e5-496bbb0317db";

    /// <summary>Display offset of the account (US Eastern in November).</summary>
    public static readonly TimeSpan DisplayOffset = TimeSpan.FromHours(-5);

    public ShareHarness(TimeProvider clock, params FaultSpec[] faults) : this(clock, seed: 7, timeout: null, faults) { }

    public ShareHarness(TimeProvider clock, int seed, TimeSpan? timeout, params FaultSpec[] faults)
    {
        Context = Rig.Context(clock, seed, faults);
        Fake = new DexcomShareFake(Context, [Account], DisplayOffset, new Random(seed));
        Fake.Start();
        Client = new HttpClient { BaseAddress = Fake.ServicesUrl };
        if (timeout is { } t) Client.Timeout = t;
    }

    public FakeContext Context { get; }
    public RunJournal Journal => Context.Journal;
    public DexcomShareFake Fake { get; }
    public HttpClient Client { get; }

    public Task<HttpResponseMessage> PostAsync(string call, object? body) =>
        Client.PostAsync(new Uri(call, UriKind.Relative), body is null ? null : Http.JsonBody(body));

    public Task<HttpResponseMessage> AuthenticateAsync(string accountName, string password) =>
        PostAsync("General/AuthenticatePublisherAccount", new { accountName, password, applicationId = ApplicationId });

    public Task<HttpResponseMessage> LoginByIdAsync(string accountId, string password) =>
        PostAsync("General/LoginPublisherAccountById", new { accountId, password, applicationId = ApplicationId });

    public Task<HttpResponseMessage> LoginByNameAsync(string accountName, string password) =>
        PostAsync("General/LoginPublisherAccountByName", new { accountName, password, applicationId = ApplicationId });

    /// <summary>The current two-step login; returns the session id.</summary>
    public async Task<string> LoginAsync()
    {
        using var auth = await AuthenticateAsync(Account.AccountName, Account.Password);
        Assert.Equal(200, (int)auth.StatusCode);
        var accountId = (await auth.JsonAsync()).GetString()!;
        using var login = await LoginByIdAsync(accountId, Account.Password);
        Assert.Equal(200, (int)login.StatusCode);
        return (await login.JsonAsync()).GetString()!;
    }

    public Task<HttpResponseMessage> ReadAsync(string session, int minutes = 1440, int maxCount = 288, string sessionParam = "sessionId") =>
        PostAsync(string.Create(CultureInfo.InvariantCulture,
            $"Publisher/ReadPublisherLatestGlucoseValues?{sessionParam}={session}&minutes={minutes}&maxCount={maxCount}"), new { });

    /// <summary>Reads and returns the records, asserting a 200.</summary>
    public async Task<IReadOnlyList<JsonElement>> ReadRecordsAsync(string session, int minutes = 1440, int maxCount = 288)
    {
        using var response = await ReadAsync(session, minutes, maxCount);
        Assert.Equal(200, (int)response.StatusCode);
        return [.. (await response.JsonAsync()).EnumerateArray()];
    }

    /// <summary>The publisher upload xDrip's Share uploader makes, with ASP.NET <c>/Date(ms)/</c> times.</summary>
    public Task<HttpResponseMessage> UploadAsync(string session, params (DateTimeOffset SensorTime, int Mgdl, object Trend)[] egvs) =>
        PostAsync($"Publisher/PostReceiverEgvRecords?sessionId={session}", new
        {
            Egvs = egvs.Select(e => new Dictionary<string, object>
            {
                ["DT"] = AspNetDate(e.SensorTime, DisplayOffset),
                ["ST"] = AspNetDate(e.SensorTime, null),
                ["Trend"] = e.Trend,
                ["Value"] = e.Mgdl,
            }).ToList(),
            SN = "SM12345678",
            TA = -5,
        });

    public static string AspNetDate(DateTimeOffset t, TimeSpan? offset) =>
        offset is { } o
            ? string.Create(CultureInfo.InvariantCulture, $"/Date({t.ToUnixTimeMilliseconds()}{(o < TimeSpan.Zero ? "-" : "+")}{o.Duration():hhmm})/")
            : string.Create(CultureInfo.InvariantCulture, $"/Date({t.ToUnixTimeMilliseconds()})/");

    public static string ShareDate(DateTimeOffset t) =>
        string.Create(CultureInfo.InvariantCulture, $"Date({t.ToUnixTimeMilliseconds()})");

    public void Dispose()
    {
        Client.Dispose();
        Fake.Dispose();
    }
}
