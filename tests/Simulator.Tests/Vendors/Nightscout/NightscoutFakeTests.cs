using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Simulator.Glucose;
using Simulator.Journal;
using Simulator.Tests.Support;
using Simulator.Vendors;
using Simulator.Vendors.Nightscout;

namespace Simulator.Tests.Vendors.Nightscout;

/// <summary>Nightscout API v1 entries as uploaders and followers use them (vendor-apis.md §2.1–2.2).</summary>
public sealed class NightscoutFakeTests : IDisposable
{
    private const string Patient = "child-1";
    private const string Secret = "sim-api-secret-0001";
    private static readonly DateTimeOffset Now = Rig.T0.AddHours(3);

    private readonly ManualClock _clock = new(Now);
    private readonly FakeContext _context;
    private readonly NightscoutFake _fake;
    private readonly HttpClient _client;

    public NightscoutFakeTests()
    {
        _context = Rig.Context(_clock);
        _fake = new NightscoutFake(_context, [new NightscoutSite(Patient, Secret), new NightscoutSite("child-2", "other-secret-0002")]);
        _fake.Start();
        _client = new HttpClient { BaseAddress = _fake.BaseUrl };
    }

    public void Dispose()
    {
        _client.Dispose();
        _fake.Dispose();
    }

    /// <summary>Computed here, not by the fake, so the test pins the protocol: lowercase SHA-1 hex of the secret.</summary>
#pragma warning disable CA5350 // SHA-1 is what the Nightscout protocol specifies for api-secret.
    private static string Sha1Hex(string s) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(s)));
#pragma warning restore CA5350

    private static string Entry(DateTimeOffset t, int sgv, string direction = "Flat") => JsonSerializer.Serialize(new
    {
        type = "sgv", sgv, date = t.ToUnixTimeMilliseconds(),
        dateString = t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        direction, trend = 4, device = "share2",
    });

    private async Task<HttpResponseMessage> PostAsync(string json, string? apiSecret, string patient = Patient)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/{patient}/api/v1/entries", UriKind.Relative))
        {
            Content = Http.JsonBody(json),
        };
        if (apiSecret is not null) request.Headers.Add("api-secret", apiSecret);
        return await _client.SendAsync(request);
    }

    private async Task UploadAsync(params (DateTimeOffset Time, int Sgv)[] entries)
    {
        using var response = await PostAsync($"[{string.Join(",", entries.Select(e => Entry(e.Time, e.Sgv)))}]", Sha1Hex(Secret));
        Assert.Equal(200, (int)response.StatusCode);
    }

    private async Task<List<JsonElement>> GetAsync(string pathAndQuery)
    {
        using var response = await _client.GetAsync(new Uri(pathAndQuery, UriKind.Relative));
        Assert.Equal(200, (int)response.StatusCode);
        return [.. (await response.JsonAsync()).EnumerateArray()];
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Secret)]                                        // the plain secret is not accepted in the header
    [InlineData("0000000000000000000000000000000000000000")]   // someone else's hash
    public async Task Uploads_without_the_hashed_secret_get_nightscouts_401(string? apiSecret)
    {
        using var response = await PostAsync(Entry(Now, 120), apiSecret);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"status":401,"message":"Unauthorized","description":"Invalid/Missing"}""", await response.Content.ReadAsStringAsync());
        Assert.Empty(_context.Journal.OfType<ReadingAccepted>());
    }

    [Fact]
    public async Task Another_sites_secret_does_not_open_this_site()
    {
        using var response = await PostAsync(Entry(Now, 120), Sha1Hex("other-secret-0002"));

        Assert.Equal(401, (int)response.StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_sha1_hex_of_the_secret_is_accepted_in_either_case(bool upper)
    {
        var hash = Sha1Hex(Secret);

        using var response = await PostAsync(Entry(Now, 120), upper ? hash.ToUpperInvariant() : hash);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(hash, NightscoutSite.HashForHeader(Secret));
    }

    [Fact]
    public async Task An_upload_answers_the_stored_docs_with_id_systime_and_utcoffset()
    {
        var older = Now.AddMinutes(-5);

        using var response = await PostAsync($"[{Entry(older, 112, "FortyFiveDown")},{Entry(Now, 108)}]", Sha1Hex(Secret));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var docs = (await response.JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(2, docs.Count);
        Assert.All(docs, d => Assert.Matches("^[0-9a-f]{24}$", d.Str("_id")));
        Assert.NotEqual(docs[0].Str("_id"), docs[1].Str("_id"));
        Assert.All(docs, d => Assert.Equal(0, d.GetProperty("utcOffset").GetInt32()));
        Assert.All(docs, d => Assert.Equal("sgv", d.Str("type")));
        Assert.Equal("2019-11-30T09:00:00.000Z", docs[1].Str("sysTime"));
        Assert.Equal(older.ToUnixTimeMilliseconds(), docs[0].GetProperty("date").GetInt64());
        Assert.Equal(112, docs[0].GetProperty("sgv").GetInt32());
        Assert.Equal("FortyFiveDown", docs[0].Str("direction"));
    }

    [Fact]
    public async Task A_single_object_upload_is_stored_and_answered_as_an_array()
    {
        using var response = await PostAsync(Entry(Now, 120), Sha1Hex(Secret));

        var doc = Assert.Single((await response.JsonAsync()).EnumerateArray());
        Assert.Equal(120, doc.GetProperty("sgv").GetInt32());
        var accepted = Assert.Single(_context.Journal.OfType<ReadingAccepted>());
        Assert.Equal(("nightscout", Patient, Now, 120, Now), (accepted.Vendor, accepted.Patient, accepted.SensorTime, accepted.Mgdl, accepted.VisibleAt));
    }

    [Fact]
    public async Task Reposting_a_reading_is_idempotent()
    {
        await UploadAsync((Now, 120));
        await UploadAsync((Now, 120));

        Assert.Single(_context.Journal.OfType<ReadingAccepted>());
        Assert.Single(await GetAsync($"/{Patient}/api/v1/entries/sgv.json?count=10"));
    }

    [Fact]
    public async Task Reads_are_anonymous_newest_first_and_honour_count()
    {
        await UploadAsync((Now.AddMinutes(-15), 100), (Now, 115), (Now.AddMinutes(-10), 105), (Now.AddMinutes(-5), 110));

        var entries = await GetAsync($"/{Patient}/api/v1/entries/sgv.json?count=3");

        Assert.Equal([115, 110, 105], entries.Select(e => e.GetProperty("sgv").GetInt32()));
        Assert.Equal(
            [Now.ToUnixTimeMilliseconds(), Now.AddMinutes(-5).ToUnixTimeMilliseconds(), Now.AddMinutes(-10).ToUnixTimeMilliseconds()],
            entries.Select(e => e.GetProperty("date").GetInt64()));
    }

    [Fact]
    public async Task Reads_default_to_ten_entries()
    {
        await UploadAsync([.. Enumerable.Range(0, 12).Select(i => (Now.AddMinutes(-5 * i), 100 + i))]);

        Assert.Equal(10, (await GetAsync($"/{Patient}/api/v1/entries.json")).Count);
    }

    [Theory]
    [InlineData("find[date][$gt]")]
    [InlineData("find%5Bdate%5D%5B%24gt%5D")]
    public async Task Find_date_gt_returns_only_newer_entries(string key)
    {
        await UploadAsync((Now.AddMinutes(-15), 100), (Now.AddMinutes(-10), 105), (Now.AddMinutes(-5), 110), (Now, 115));
        var since = Now.AddMinutes(-10).ToUnixTimeMilliseconds();

        var entries = await GetAsync($"/{Patient}/api/v1/entries/sgv.json?count=100&{key}={since}");

        Assert.Equal([115, 110], entries.Select(e => e.GetProperty("sgv").GetInt32()));
    }

    [Fact]
    public async Task Find_date_gte_includes_the_boundary()
    {
        await UploadAsync((Now.AddMinutes(-10), 105), (Now.AddMinutes(-5), 110), (Now, 115));
        var since = Now.AddMinutes(-5).ToUnixTimeMilliseconds();

        var entries = await GetAsync($"/{Patient}/api/v1/entries/sgv.json?count=100&find[date][$gte]={since}");

        Assert.Equal([115, 110], entries.Select(e => e.GetProperty("sgv").GetInt32()));
    }

    [Fact]
    public async Task Current_returns_only_the_newest_entry()
    {
        await UploadAsync((Now.AddMinutes(-10), 105), (Now, 115), (Now.AddMinutes(-5), 110));

        var current = Assert.Single(await GetAsync($"/{Patient}/api/v1/entries/current.json"));

        Assert.Equal(115, current.GetProperty("sgv").GetInt32());
    }

    [Fact]
    public async Task Each_site_sees_only_its_own_patient()
    {
        await UploadAsync((Now, 115));

        Assert.Empty(await GetAsync("/child-2/api/v1/entries/sgv.json?count=10"));
        using var unknown = await _client.GetAsync(new Uri("/nobody/api/v1/entries/sgv.json", UriKind.Relative));
        Assert.Equal(404, (int)unknown.StatusCode);
    }

    [Fact]
    public async Task A_read_journals_the_newest_sensor_time_served()
    {
        await UploadAsync((Now.AddMinutes(-10), 105), (Now.AddMinutes(-5), 110), (Now, 115));
        _clock.Advance(TimeSpan.FromMinutes(2));

        await GetAsync($"/{Patient}/api/v1/entries/sgv.json?count=2");

        var served = Assert.Single(_context.Journal.OfType<ReadingsServed>());
        Assert.Equal("nightscout", served.Vendor);
        Assert.Equal(Patient, served.Patient);
        Assert.Equal(2, served.Count);
        Assert.Equal(Now, served.NewestSensorTime);
        Assert.Equal(Now.AddMinutes(2), served.At);
    }

    [Fact]
    public async Task An_empty_read_journals_no_newest_sensor_time()
    {
        Assert.Empty(await GetAsync($"/{Patient}/api/v1/entries/sgv.json"));

        var served = Assert.Single(_context.Journal.OfType<ReadingsServed>());
        Assert.Equal(0, served.Count);
        Assert.Null(served.NewestSensorTime);
    }

    [Fact]
    public async Task Entries_not_yet_measured_are_not_served()
    {
        _fake.Store.Accept(new Reading(Patient, Now.AddMinutes(5), 130, Trend.Flat));
        await UploadAsync((Now, 115));

        var current = Assert.Single(await GetAsync($"/{Patient}/api/v1/entries/current.json"));

        Assert.Equal(115, current.GetProperty("sgv").GetInt32());
    }
}
