using System.Globalization;
using Scenarios.Model;
using Simulator.Faults.Stale;
using Simulator.Glucose;
using Simulator.Journal;
using Simulator.Tests.Support;
using Simulator.Time;

namespace Simulator.Tests.Faults.Stale;

/// <summary>
/// LibreLinkUp, June 2023: after maintenance the API kept returning the last value from before it, as if current,
/// while the phone kept uploading. Followers see a fresh-looking old value; the journal keeps its real age.
/// </summary>
public sealed class StaleFaultTests
{
    private static readonly DateTimeOffset At = Rig.T0.AddHours(1);
    private static readonly DateTimeOffset Until = At.AddHours(1);

    private static FaultSpec Stale(string vendor, string? endpoint, StaleFaultOptions options) => Rig.Fault(vendor, endpoint, At, Until, options);

    private static void Seed(ShareHarness share)
    {
        foreach (var (minutes, mgdl) in new[] { (-15, 110), (-10, 115), (-5, 120) })
            share.Fake.Store.Accept(new Reading(ShareHarness.Account.Patient, At.AddMinutes(minutes), mgdl, Trend.Flat));
    }

    [Fact]
    public async Task Share_serves_the_last_value_restamped_as_current_while_uploads_are_accepted()
    {
        var clock = new ManualClock(At.AddMinutes(2));
        using var share = new ShareHarness(clock, Stale("dexcom-share", null, new StaleFaultOptions()));
        Seed(share);
        var session = await share.LoginAsync();
        using var upload1 = await share.UploadAsync(session, (At.AddMinutes(2), 80, "FortyFiveDown"));
        clock.Set(At.AddMinutes(7));
        using var upload2 = await share.UploadAsync(session, (At.AddMinutes(7), 60, "SingleDown"));
        clock.Set(At.AddMinutes(12));

        var records = await share.ReadRecordsAsync(session, maxCount: 2);

        Assert.Equal([200, 200], [(int)upload1.StatusCode, (int)upload2.StatusCode]);
        Assert.Equal([120, 115], records.Select(r => r.GetProperty("Value").GetInt32()));
        // 120 was measured 17 minutes ago; it is dated 2 minutes ago, on its own 5-minute cadence.
        Assert.Equal([ShareHarness.ShareDate(At.AddMinutes(10)), ShareHarness.ShareDate(At.AddMinutes(-10))], records.Select(r => r.Str("WT")));
        Assert.Equal(ShareHarness.ShareDate(At.AddMinutes(10)), records[0].Str("ST"));
        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"Date({At.AddMinutes(10).ToUnixTimeMilliseconds()}-0500"), records[0].Str("DT"), StringComparison.Ordinal);

        var journaled = await Eventually.JournaledAsync<RequestServed>(share.Journal, r => r.Endpoint == "read", "the stale read");
        Assert.Equal((200, "stale"), (journaled.Status, journaled.Fault));
        Assert.Equal(At.AddMinutes(-5), Assert.Single(share.Journal.OfType<ReadingsServed>()).NewestSensorTime);
        Assert.Equal(2, share.Journal.OfType<ReadingAccepted>().Count(a => a.SensorTime >= At));
    }

    [Fact]
    public async Task Stale_starts_and_ends_at_its_instants_and_the_uploads_show_up_afterwards()
    {
        var clock = new ManualClock(At.AddTicks(-1));
        using var share = new ShareHarness(clock, Stale("dexcom-share", "read", new StaleFaultOptions { Timestamps = StaleTimestamps.Original }));
        Seed(share);
        share.Fake.Store.Accept(new Reading(ShareHarness.Account.Patient, At, 90, Trend.Flat));
        share.Fake.Store.Accept(new Reading(ShareHarness.Account.Patient, At.AddMinutes(30), 70, Trend.Flat));
        var session = await share.LoginAsync();

        async Task<(int Value, string Wt)> NewestAt(DateTimeOffset t)
        {
            clock.Set(t);
            var newest = (await share.ReadRecordsAsync(session, maxCount: 1))[0];
            return (newest.GetProperty("Value").GetInt32(), newest.Str("WT"));
        }

        Assert.Equal((120, ShareHarness.ShareDate(At.AddMinutes(-5))), await NewestAt(At.AddTicks(-1)));
        Assert.Equal((120, ShareHarness.ShareDate(At.AddMinutes(-5))), await NewestAt(At));
        Assert.Equal((120, ShareHarness.ShareDate(At.AddMinutes(-5))), await NewestAt(Until.AddTicks(-1)));
        Assert.Equal((70, ShareHarness.ShareDate(At.AddMinutes(30))), await NewestAt(Until));
    }

    [Fact]
    public async Task Nightscout_returns_the_restamped_value_as_a_new_entry_to_a_client_asking_for_newer_ones()
    {
        var clock = new ManualClock(At.AddMinutes(8));
        using var nightscout = new NightscoutHarness(clock, Stale("nightscout", "read", new StaleFaultOptions { Interval = TimeSpan.FromMinutes(5) }));
        nightscout.Fake.Store.Accept(new Reading("child-1", At.AddMinutes(-5), 120, Trend.Flat));
        nightscout.Fake.Store.Accept(new Reading("child-1", At.AddMinutes(1), 70, Trend.SingleDown));
        var lastSeen = At.AddMinutes(-5).ToUnixTimeMilliseconds();

        using var response = await nightscout.ReadAsync(query: $"count=10&find[date][$gt]={lastSeen}");

        Assert.Equal(200, (int)response.StatusCode);
        var entry = Assert.Single((await response.JsonAsync()).EnumerateArray());
        Assert.Equal(120, entry.GetProperty("sgv").GetInt32());
        Assert.Equal(At.AddMinutes(5).ToUnixTimeMilliseconds(), entry.GetProperty("date").GetInt64());
        Assert.Equal(At.AddMinutes(-5), Assert.Single(nightscout.Journal.OfType<ReadingsServed>()).NewestSensorTime);
    }

    [Fact]
    public void The_fresh_stamp_keeps_to_the_readings_own_cadence()
    {
        var reads = new StaleReads(At, StaleTimestamps.Fresh, TimeSpan.FromMinutes(5));
        var last = new Reading("child-1", At.AddMinutes(-1), 120, Trend.Flat);
        var newer = new Reading("child-1", At.AddMinutes(3), 80, Trend.Flat);

        Assert.Equal(At.AddMinutes(-1), reads.Serve([newer, last], At.AddMinutes(3)).Single().Shown.SensorTime);
        Assert.Equal(At.AddMinutes(4), reads.Serve([newer, last], At.AddMinutes(4)).Single().Shown.SensorTime);
        Assert.Equal(At.AddMinutes(4), reads.Serve([newer, last], At.AddMinutes(8)).Single().Shown.SensorTime);
        Assert.Equal(last, reads.Serve([newer, last], At.AddMinutes(8)).Single().Truth);
        Assert.Empty(reads.Serve([newer], At.AddMinutes(8)));
    }

    [Fact]
    public async Task Stale_starts_and_ends_on_the_virtual_clock_at_speed_1()
    {
        var epoch = Rig.T0;
        var clock = new VirtualClock(epoch, speed: 1);
        var (at, until) = WindowProbe.Window(epoch);
        using var share = new ShareHarness(clock, Rig.Fault("dexcom-share", "read", at, until, new StaleFaultOptions()));
        share.Fake.Store.Accept(new Reading(ShareHarness.Account.Patient, epoch.AddMinutes(-5), 120, Trend.Flat));
        var session = await share.LoginAsync();

        await WindowProbe.AssertFollowsWindowAsync(clock, share.Journal, "stale", async () =>
        {
            using var response = await share.ReadAsync(session);
        });
    }
}
