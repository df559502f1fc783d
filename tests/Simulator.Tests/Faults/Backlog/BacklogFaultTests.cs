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

        var bursts = Enumerable.Range(0, 5).Select(k => burst.Release("child-1", At.AddMinutes(5 * k), At.AddMinutes(5 * k))).ToList();
        var drains = Enumerable.Range(0, 81).Select(k => drain.Release("child-1", At.AddSeconds(k), At.AddSeconds(k))).ToList();

        Assert.All(bursts, t => Assert.Equal(Until, t));
        Assert.Equal(5, burst.Withheld);
        Assert.Equal(Until, drains[0]);
        Assert.Equal(Until.AddSeconds(1), drains[40]);
        Assert.Equal(Until.AddSeconds(2), drains[80]);
        Assert.Equal(81, drain.Withheld);
        Assert.Equal(Until.AddSeconds(2), drain.DrainedAt);
    }

    private static BacklogFault Reorder(int seed, TimeSpan over) =>
        new(Backlog("dexcom-share", "read", new BacklogFaultOptions()), new BacklogFaultOptions { Release = BacklogRelease.Reorder, ReorderOver = over, Seed = seed });

    /// <summary>Readings of three patients every 5 minutes through the window, in the order they were uploaded.</summary>
    private static List<(string Patient, DateTimeOffset SensorTime)> Uploads() =>
        [.. Enumerable.Range(0, 24).SelectMany(k => new[] { "child-1", "child-2", "adult-1" }.Select(p => (p, At.AddMinutes(5 * k))))];

    [Fact]
    public void Reorder_releases_the_backlog_in_a_seeded_random_order_within_the_span()
    {
        var over = TimeSpan.FromMinutes(30);
        var uploads = Uploads();
        List<DateTimeOffset> Releases(BacklogFault f) => [.. uploads.Select(u => f.Release(u.Patient, u.SensorTime, u.SensorTime))];
        static List<int> Order(List<DateTimeOffset> releases) => [.. releases.Select((t, i) => (t, i)).OrderBy(x => x.t).ThenBy(x => x.i).Select(x => x.i)];

        var first = Releases(Reorder(seed: 11, over));
        var again = Releases(Reorder(seed: 11, over));
        var other = Releases(Reorder(seed: 12, over));

        Assert.All(first, t => Assert.InRange(t, Until, Until + over - TimeSpan.FromTicks(1)));
        Assert.Equal(first, again);                                     // the same seed, the same instants
        Assert.Equal(Enumerable.Range(0, uploads.Count), Order(first).Order());   // every reading exactly once
        Assert.NotEqual(Enumerable.Range(0, uploads.Count), Order(first));        // ... but not in upload order
        Assert.NotEqual(Order(first), Order(other));                    // another seed, another order
        // Each patient's own readings come out of order too: what a "newest only" follower gets wrong.
        var child1 = uploads.Select((u, i) => (u, t: first[i])).Where(x => x.u.Patient == "child-1").ToList();
        Assert.NotEqual(child1.Select(x => x.u.SensorTime), child1.OrderBy(x => x.t).Select(x => x.u.SensorTime));
    }

    [Fact]
    public void Reorder_does_not_depend_on_the_order_readings_arrive_in()
    {
        var over = TimeSpan.FromHours(1);
        var uploads = Uploads();
        var forward = Reorder(seed: 3, over);
        var backward = Reorder(seed: 3, over);

        var inOrder = uploads.ToDictionary(u => u, u => forward.Release(u.Patient, u.SensorTime, u.SensorTime));
        var reversed = Enumerable.Reverse(uploads).ToDictionary(u => u, u => backward.Release(u.Patient, u.SensorTime, u.SensorTime));

        Assert.All(uploads, u => Assert.Equal(inOrder[u], reversed[u]));
    }

    [Fact]
    public async Task A_reordered_backlog_serves_each_reading_with_its_original_sensor_time_once_its_instant_comes()
    {
        var clock = new ManualClock(Now);
        var options = new BacklogFaultOptions { Release = BacklogRelease.Reorder, ReorderOver = TimeSpan.FromMinutes(20), Seed = 5 };
        using var share = new ShareHarness(clock, Backlog("dexcom-share", "read", options));
        var session = await share.LoginAsync();
        var sensorTimes = Enumerable.Range(1, 12).Select(k => At.AddMinutes(5 * k)).ToList();
        foreach (var (t, k) in sensorTimes.Select((t, k) => (t, k)))
            await UploadAtSensorTimeAsync(clock, share, session, t, 100 + k);

        var accepted = share.Journal.OfType<ReadingAccepted>();
        Assert.Equal(sensorTimes, accepted.Select(a => a.SensorTime));
        var releaseOrder = accepted.OrderBy(a => a.VisibleAt).Select(a => a.SensorTime).ToList();
        Assert.NotEqual(sensorTimes, releaseOrder);

        // Halfway through the shuffle a follower sees exactly the readings released so far, newest sensor time first.
        var halfway = Until.AddMinutes(10);
        clock.Set(halfway);
        var records = await share.ReadRecordsAsync(session);
        var expected = accepted.Where(a => a.VisibleAt <= halfway).Select(a => a.SensorTime).OrderDescending().ToList();
        Assert.Equal(expected.Select(ShareHarness.ShareDate), records.Select(r => r.Str("ST")));
        Assert.Equal(expected.Select(ShareHarness.ShareDate), records.Select(r => r.Str("WT")));
        Assert.Equal(12, (await ValuesAtAsync(clock, share, session, Until.AddMinutes(20))).Count);
    }

    [Fact]
    public async Task With_new_uploads_waiting_a_reading_uploaded_after_the_window_queues_behind_the_backlog()
    {
        var clock = new ManualClock(Now);
        var options = new BacklogFaultOptions { Release = BacklogRelease.DrainRate, DrainPerSecond = 1.0 / 60, NewUploads = BacklogNewUploads.Wait };
        using var share = new ShareHarness(clock, Backlog("dexcom-share", "read", options));
        var session = await share.LoginAsync();
        for (var k = 0; k < 4; k++)
            await UploadAtSensorTimeAsync(clock, share, session, At.AddMinutes(30 * k + 5), 100 + k);   // out at Until +0, +1, +2, +3 min

        await UploadAtSensorTimeAsync(clock, share, session, Until.AddSeconds(30), 150);    // behind the 4th: Until + 4 min
        await UploadAtSensorTimeAsync(clock, share, session, Until.AddMinutes(10), 160);    // the queue has drained: at once
        await UploadAtSensorTimeAsync(clock, share, session, Until.AddMinutes(10).AddSeconds(20), 170);   // drained: at once too

        Assert.Equal(
            [Until, Until.AddMinutes(1), Until.AddMinutes(2), Until.AddMinutes(3), Until.AddMinutes(4), Until.AddMinutes(10), Until.AddMinutes(10).AddSeconds(20)],
            share.Journal.OfType<ReadingAccepted>().Select(a => a.VisibleAt));
        Assert.Equal([103, 102, 101, 100], await ValuesAtAsync(clock, share, session, Until.AddMinutes(3.5)));
        Assert.Equal([150, 103, 102, 101, 100], await ValuesAtAsync(clock, share, session, Until.AddMinutes(4)));
    }

    [Fact]
    public async Task By_default_a_reading_uploaded_after_the_window_bypasses_the_backlog_still_draining()
    {
        var clock = new ManualClock(Now);
        var options = new BacklogFaultOptions { Release = BacklogRelease.DrainRate, DrainPerSecond = 1.0 / 60 };
        using var share = new ShareHarness(clock, Backlog("dexcom-share", "read", options));
        var session = await share.LoginAsync();
        for (var k = 0; k < 4; k++)
            await UploadAtSensorTimeAsync(clock, share, session, At.AddMinutes(30 * k + 5), 100 + k);
        await UploadAtSensorTimeAsync(clock, share, session, Until.AddSeconds(30), 150);

        Assert.Equal(Until.AddSeconds(30), share.Journal.OfType<ReadingAccepted>()[^1].VisibleAt);
        Assert.Equal([150, 100], await ValuesAtAsync(clock, share, session, Until.AddSeconds(30)));
    }

    [Fact]
    public void A_waiting_reorder_backlog_holds_new_uploads_until_the_shuffle_ends()
    {
        var over = TimeSpan.FromMinutes(30);
        var options = new BacklogFaultOptions { Release = BacklogRelease.Reorder, ReorderOver = over, NewUploads = BacklogNewUploads.Wait };
        var timeline = new FaultTimeline([Backlog("dexcom-share", "read", options)], seed: 1);

        var fault = timeline.BacklogAt("dexcom-share", Until.AddMinutes(5));
        Assert.NotNull(fault);
        Assert.Equal(Until + over, fault.Release("child-1", Until.AddMinutes(5), Until.AddMinutes(5)));
        Assert.Null(timeline.BacklogAt("dexcom-share", Until + over));
    }

    [Fact]
    public void A_fast_forwarded_store_takes_the_acceptance_instant_it_is_given()
    {
        var clock = new ManualClock(Until.AddDays(1));
        var options = new BacklogFaultOptions { Release = BacklogRelease.DrainRate, DrainPerSecond = 2 };
        var context = Rig.Context(clock, Backlog("dexcom-share", "read", options));
        var store = new Simulator.Vendors.ReadingStore("dexcom-share", context);

        store.Accept(new Simulator.Glucose.Reading("child-1", Now, 90, Simulator.Glucose.Trend.Flat), Now);
        store.Accept(new Simulator.Glucose.Reading("child-1", At.AddMinutes(5), 95, Simulator.Glucose.Trend.Flat), At.AddMinutes(5));
        store.Accept(new Simulator.Glucose.Reading("child-2", At.AddMinutes(6), 99, Simulator.Glucose.Trend.Flat), At.AddMinutes(6));

        Assert.Equal([Now, At.AddMinutes(5), At.AddMinutes(6)], context.Journal.OfType<ReadingAccepted>().Select(a => a.At));
        Assert.Equal([Now, Until, Until.AddSeconds(0.5)], context.Journal.OfType<ReadingAccepted>().Select(a => a.VisibleAt));
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
