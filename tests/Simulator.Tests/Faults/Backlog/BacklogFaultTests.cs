using System.Globalization;
using Scenarios.Model;
using Simulator.Faults;
using Simulator.Faults.Backlog;
using Simulator.Journal;
using Simulator.Tests.Support;
using Simulator.Vendors.Nightscout;

namespace Simulator.Tests.Faults.Backlog;

/// <summary>
/// A stuck pipeline (the Thanksgiving 2019 Share backlog): uploads are accepted, followers see none of them
/// until the window closes, then they come out in order with their original sensor times.
/// </summary>
public sealed class BacklogFaultTests
{
    private static readonly DateTimeOffset Now = Rig.T0.AddHours(1);
    private static readonly DateTimeOffset At = Now.AddHours(1);
    private static readonly DateTimeOffset Until = Now.AddHours(3);

    private static FaultSpec Backlog(string vendor, string? endpoint, BacklogFaultOptions options) => Rig.Fault(vendor, endpoint, At, Until, options);

    private static async Task UploadAtSensorTimeAsync(ManualClock clock, ShareHarness share, string session, DateTimeOffset sensorTime, int mgdl)
    {
        clock.Set(sensorTime);
        using var response = await share.UploadAsync(session, (sensorTime, mgdl, "Flat"));
        Assert.Equal(200, (int)response.StatusCode);
    }

    private static async Task<List<int>> ValuesAtAsync(ManualClock clock, ShareHarness share, string session, DateTimeOffset t)
    {
        clock.Set(t);
        return [.. (await share.ReadRecordsAsync(session)).Select(r => r.GetProperty("Value").GetInt32())];
    }

    [Fact]
    public async Task A_burst_backlog_withholds_uploads_until_the_window_closes_then_shows_them_all()
    {
        var clock = new ManualClock(Now);
        using var share = new ShareHarness(clock, Backlog("dexcom-share", "read", new BacklogFaultOptions { Release = BacklogRelease.Burst }));
        var session = await share.LoginAsync();
        await UploadAtSensorTimeAsync(clock, share, session, Now, 100);
        await UploadAtSensorTimeAsync(clock, share, session, At.AddMinutes(5), 105);
        await UploadAtSensorTimeAsync(clock, share, session, At.AddMinutes(10), 110);

        Assert.Equal([100], await ValuesAtAsync(clock, share, session, At.AddMinutes(10)));
        Assert.Equal([100], await ValuesAtAsync(clock, share, session, Until.AddTicks(-1)));
        Assert.Equal([110, 105, 100], await ValuesAtAsync(clock, share, session, Until));

        var records = await share.ReadRecordsAsync(session);
        Assert.Equal(
            [ShareHarness.ShareDate(At.AddMinutes(10)), ShareHarness.ShareDate(At.AddMinutes(5)), ShareHarness.ShareDate(Now)],
            records.Select(r => r.Str("ST")));
        Assert.Equal(
            [ShareHarness.ShareDate(At.AddMinutes(10)), ShareHarness.ShareDate(At.AddMinutes(5)), ShareHarness.ShareDate(Now)],
            records.Select(r => r.Str("WT")));
    }

    [Fact]
    public async Task A_burst_backlog_journals_each_withheld_reading_as_visible_at_the_windows_end()
    {
        var clock = new ManualClock(Now);
        using var share = new ShareHarness(clock, Backlog("dexcom-share", "read", new BacklogFaultOptions { Release = BacklogRelease.Burst }));
        var session = await share.LoginAsync();
        await UploadAtSensorTimeAsync(clock, share, session, Now, 100);
        await UploadAtSensorTimeAsync(clock, share, session, At.AddMinutes(5), 105);
        await UploadAtSensorTimeAsync(clock, share, session, At.AddMinutes(10), 110);
        await UploadAtSensorTimeAsync(clock, share, session, Until.AddMinutes(5), 115);

        var accepted = share.Journal.OfType<ReadingAccepted>();

        Assert.Equal([Now, At.AddMinutes(5), At.AddMinutes(10), Until.AddMinutes(5)], accepted.Select(a => a.SensorTime));
        Assert.Equal([Now, At.AddMinutes(5), At.AddMinutes(10), Until.AddMinutes(5)], accepted.Select(a => a.At));
        Assert.Equal([Now, Until, Until, Until.AddMinutes(5)], accepted.Select(a => a.VisibleAt));
    }

    [Fact]
    public async Task A_drain_rate_releases_the_kth_withheld_reading_at_until_plus_k_over_the_rate()
    {
        var clock = new ManualClock(Now);
        using var share = new ShareHarness(clock, Backlog("dexcom-share", "read", new BacklogFaultOptions { Release = BacklogRelease.DrainRate, DrainPerSecond = 2 }));
        var session = await share.LoginAsync();
        for (var k = 0; k < 4; k++)
            await UploadAtSensorTimeAsync(clock, share, session, At.AddMinutes(5 * (k + 1)), 100 + k);

        var accepted = share.Journal.OfType<ReadingAccepted>();
        Assert.Equal([Until, Until.AddSeconds(0.5), Until.AddSeconds(1), Until.AddSeconds(1.5)], accepted.Select(a => a.VisibleAt));

        Assert.Empty(await ValuesAtAsync(clock, share, session, Until.AddTicks(-1)));
        Assert.Equal([100], await ValuesAtAsync(clock, share, session, Until));
        Assert.Equal([100], await ValuesAtAsync(clock, share, session, Until.AddSeconds(0.5).AddTicks(-1)));
        Assert.Equal([101, 100], await ValuesAtAsync(clock, share, session, Until.AddSeconds(0.5)));
        Assert.Equal([102, 101, 100], await ValuesAtAsync(clock, share, session, Until.AddSeconds(1)));
        Assert.Equal([103, 102, 101, 100], await ValuesAtAsync(clock, share, session, Until.AddSeconds(1.5)));
    }

    [Fact]
    public async Task Uploads_during_a_backlog_are_still_accepted_and_idempotent()
    {
        var clock = new ManualClock(At.AddMinutes(5));
        using var share = new ShareHarness(clock, Backlog("dexcom-share", null, new BacklogFaultOptions { Release = BacklogRelease.DrainRate, DrainPerSecond = 1 }));
        var session = await share.LoginAsync();

        using var first = await share.UploadAsync(session, (At.AddMinutes(5), 120, "Flat"));
        using var repeat = await share.UploadAsync(session, (At.AddMinutes(5), 120, "Flat"));

        Assert.Equal(200, (int)first.StatusCode);
        Assert.Equal(200, (int)repeat.StatusCode);
        Assert.Equal(Until, Assert.Single(share.Journal.OfType<ReadingAccepted>()).VisibleAt);
    }

    [Fact]
    public async Task A_backlog_on_the_whole_nightscout_vendor_withholds_posted_entries()
    {
        var clock = new ManualClock(At.AddMinutes(5));
        var context = Rig.Context(clock, Backlog("nightscout", null, new BacklogFaultOptions { Release = BacklogRelease.Burst }));
        using var fake = new NightscoutFake(context, [new NightscoutSite("child-1", "sim-api-secret-0001")]);
        fake.Start();
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/child-1/api/v1/entries", UriKind.Relative))
        {
            Content = Http.JsonBody(string.Create(CultureInfo.InvariantCulture,
                $$"""{"type":"sgv","sgv":77,"date":{{At.AddMinutes(5).ToUnixTimeMilliseconds()}},"direction":"SingleDown"}""")),
        };
        post.Headers.Add("api-secret", NightscoutSite.HashForHeader("sim-api-secret-0001"));

        using var posted = await client.SendAsync(post);
        Assert.Equal(200, (int)posted.StatusCode);

        async Task<List<long>> DatesAsync()
        {
            using var response = await client.GetAsync(new Uri("/child-1/api/v1/entries/sgv.json?count=10", UriKind.Relative));
            return [.. (await response.JsonAsync()).EnumerateArray().Select(e => e.GetProperty("date").GetInt64())];
        }

        Assert.Empty(await DatesAsync());
        clock.Set(Until);
        Assert.Equal([At.AddMinutes(5).ToUnixTimeMilliseconds()], await DatesAsync());
    }

    [Fact]
    public void Release_times_follow_the_release_mode()
    {
        var burst = new BacklogFault(Backlog("dexcom-share", "read", new BacklogFaultOptions()), new BacklogFaultOptions { Release = BacklogRelease.Burst });
        var drainOptions = new BacklogFaultOptions { Release = BacklogRelease.DrainRate, DrainPerSecond = 40 };
        var drain = new BacklogFault(Backlog("dexcom-share", "read", drainOptions), drainOptions);

        var bursts = Enumerable.Range(0, 5).Select(_ => burst.ReleaseNext()).ToList();
        var drains = Enumerable.Range(0, 81).Select(_ => drain.ReleaseNext()).ToList();

        Assert.All(bursts, t => Assert.Equal(Until, t));
        Assert.Equal(5, burst.Withheld);
        Assert.Equal(Until, drains[0]);
        Assert.Equal(Until.AddSeconds(1), drains[40]);
        Assert.Equal(Until.AddSeconds(2), drains[80]);
        Assert.Equal(81, drain.Withheld);
    }

    [Fact]
    public void A_backlog_holds_only_its_vendor_and_only_inside_its_window()
    {
        var timeline = new FaultTimeline([Backlog("dexcom-share", "read", new BacklogFaultOptions())], seed: 1);

        Assert.NotNull(timeline.BacklogAt("dexcom-share", At));
        Assert.NotNull(timeline.BacklogAt("dexcom-share", Until.AddTicks(-1)));
        Assert.Null(timeline.BacklogAt("dexcom-share", At.AddTicks(-1)));
        Assert.Null(timeline.BacklogAt("dexcom-share", Until));
        Assert.Null(timeline.BacklogAt("nightscout", At.AddMinutes(1)));
    }
}
