using System.Text.Json;
using ReferenceSystem.Tests.Support;

namespace ReferenceSystem.Tests.Apis;

/// <summary><c>GET /api/follow/ingest</c>: every reading each follower was given, and what it did with it.</summary>
public class FollowIngestApiTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    internal static async Task<JsonElement> IngestAsync(FollowScenario scenario)
    {
        using var response = await scenario.Http.GetAsync(new Uri("/api/follow/ingest", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }

    internal static Dictionary<long, (int Received, int Kept, int Alerts, int Repeated)> Entries(JsonElement ingest, int patient = 0)
    {
        var p = ingest.GetProperty("patients")[patient];
        static int[] Ints(JsonElement a) => [.. a.EnumerateArray().Select(e => e.GetInt32())];
        var times = p.GetProperty("sensorTimes").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        var received = Ints(p.GetProperty("received"));
        var kept = Ints(p.GetProperty("kept"));
        var alerts = Ints(p.GetProperty("alerts"));
        var repeated = Ints(p.GetProperty("repeatedAlerts"));
        return times.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => (received[x.i], kept[x.i], alerts[x.i], repeated[x.i]));
    }

    [Fact]
    public async Task Before_anything_is_followed_it_says_idle()
    {
        await using var scenario = await FollowScenario.StartAsync();

        var ingest = await IngestAsync(scenario);

        Assert.Equal("""{"status":"idle","profile":null,"patients":[]}""", ingest.GetRawText());
    }

    [Fact]
    public async Task Resilient_keeps_each_reading_once_however_many_copies_arrive_and_the_ledger_outlives_the_job()
    {
        await using var scenario = await FollowScenario.StartAsync(speed: 300);
        var t0 = scenario.Clock.Now;
        var series = Enumerable.Range(0, 7).Select(i => t0 - TimeSpan.FromMinutes(30) + TimeSpan.FromMinutes(5 * i)).ToList();
        foreach (var t in series)
            scenario.Share.Add(t, 120);
        scenario.Share.Add(t0 + TimeSpan.FromMinutes(5), 60);   // a fresh low: alerted once (low), even if read again

        await scenario.FollowAsync(scenario.Body("resilient", followers: 2, noDataMinutes: 240));
        await Eventually.UntilAsync(() => scenario.Fcm.Delivered.Count >= 2, "the low to both followers");
        var reads = scenario.Share.SuccessfulReads;
        await Eventually.UntilAsync(() => scenario.Share.SuccessfulReads >= reads + 1, "one more read");

        var following = await IngestAsync(scenario);
        Assert.Equal("following", following.GetProperty("status").GetString());
        Assert.Equal("resilient", following.GetProperty("profile").GetString());
        Assert.Equal(FollowBodies.PatientId, following.GetProperty("patients")[0].GetProperty("id").GetString());

        using var stopped = await scenario.Http.DeleteAsync(new Uri("/api/follow", UriKind.Relative));
        var ingest = await IngestAsync(scenario);
        Assert.Equal("stopped", ingest.GetProperty("status").GetString());
        var entries = Entries(ingest);
        var low = (t0 + TimeSpan.FromMinutes(5)).ToUnixTimeMilliseconds();
        Assert.Equal([.. series.Select(t => t.ToUnixTimeMilliseconds()), low], entries.Keys.Order());
        Assert.All(entries.Values, e => Assert.Equal(1, e.Kept));
        Assert.All(entries.Values, e => Assert.Equal(0, e.Repeated));
        Assert.Contains(entries.Values, e => e.Received >= 2);           // the newest came back in the next read
        Assert.Equal(1, entries[low].Alerts);                            // low only (60 is not urgent)
        Assert.All(entries.Where(e => e.Key != low), e => Assert.Equal(0, e.Value.Alerts));
    }

    [Fact]
    public async Task Naive_receives_a_day_of_history_at_its_first_read_but_keeps_only_the_newest()
    {
        await using var scenario = await FollowScenario.StartAsync();
        var t0 = scenario.Clock.Now;
        scenario.Share.AddSeries(t0 - TimeSpan.FromMinutes(20), t0 - Minute, _ => 120);
        scenario.Share.Add(t0 - TimeSpan.FromSeconds(30), 52);

        await scenario.FollowAsync(scenario.Body("naive"));
        await Eventually.UntilAsync(() => scenario.Fcm.Delivered.Count >= 2, "urgent-low and low");

        var entries = Entries(await IngestAsync(scenario));
        var newest = (t0 - TimeSpan.FromSeconds(30)).ToUnixTimeMilliseconds();
        Assert.Equal((1, 1, 2, 0), (entries[newest].Received, entries[newest].Kept, entries[newest].Alerts, entries[newest].Repeated));
        Assert.All(entries.Where(e => e.Key != newest), e => Assert.Equal(0, e.Value.Kept));
        Assert.All(entries.Values, e => Assert.True(e.Received >= 1));
    }
}
