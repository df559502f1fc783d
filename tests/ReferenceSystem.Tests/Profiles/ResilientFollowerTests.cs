using ReferenceSystem.Tests.Support;
using ReferenceSystem.Vendors;

namespace ReferenceSystem.Tests.Profiles;

/// <summary>The resilient profile, end to end over loopback HTTP against fake Share, Nightscout and FCM.</summary>
public class ResilientFollowerTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Fails_over_to_Nightscout_when_Share_returns_500_and_alerts_on_the_Nightscout_low()
    {
        await using var scenario = await FollowScenario.StartAsync();
        var t0 = scenario.Clock.Now;
        scenario.Share.Down = true;
        scenario.Nightscout.Add(t0 - TimeSpan.FromMinutes(6), 120);
        scenario.Nightscout.Add(t0 - Minute, 50);

        await scenario.FollowAsync(scenario.Body("resilient", withNightscout: true, followers: 2));
        await Eventually.UntilAsync(() => scenario.Fcm.DeliveredOf("urgent-low").Count == 2, "urgent-low to both followers");

        var urgent = scenario.Fcm.DeliveredOf("urgent-low");
        Assert.All(urgent, p => Assert.Equal("nightscout", p.Data("source")));
        Assert.All(urgent, p => Assert.Equal("50", p.Data("value")));
        Assert.Equal(["parent-1", "parent-2"], urgent.Select(p => p.Follower).Order());
        Assert.Equal(["tok-1", "tok-2"], urgent.Select(p => p.Token).Order());

        var call = scenario.Nightscout.Calls.First();
        Assert.Equal(NightscoutClient.HashSecret(FakeNightscout.ApiSecret), call.ApiSecret);
        Assert.Matches("^[0-9a-f]{40}$", call.ApiSecret!);
        Assert.NotNull(call.Count);
        Assert.NotNull(call.DateAfter);

        // One alert per episode: more Nightscout polls bring nothing new and no repeat.
        var polls = scenario.Nightscout.Calls.Count;
        await Eventually.UntilAsync(() => scenario.Nightscout.Calls.Count >= polls + 2, "two more Nightscout polls");
        Assert.Equal(2, scenario.Fcm.DeliveredOf("urgent-low").Count);
        Assert.Equal(2, scenario.Fcm.DeliveredOf("low").Count);
        Assert.True(scenario.Share.FailedCalls >= 2, "Share keeps being retried");
    }

    [Fact]
    public async Task Stops_polling_Nightscout_once_Share_is_healthy_and_fresh_again()
    {
        // Share polls at newest + 5m15s and Nightscout wakes when Share's newest is 7 min old: 1m45s of slack, which
        // is 175 ms of real time at 600x and a legitimate failover poll whenever a loaded machine stalls that long.
        // At 120x the slack is almost a second, so the test sees the policy, not the machine.
        await using var scenario = await FollowScenario.StartAsync(speed: 120);
        var t0 = scenario.Clock.Now;
        scenario.Share.AddSeries(t0 - TimeSpan.FromMinutes(30), t0 + TimeSpan.FromHours(2), _ => 120);
        scenario.Nightscout.Add(t0 - Minute, 120);
        scenario.Share.Down = true;

        await scenario.FollowAsync(scenario.Body("resilient", withNightscout: true));
        await Eventually.UntilAsync(() => !scenario.Nightscout.Calls.IsEmpty, "failover to Nightscout");

        scenario.Share.Down = false;
        var reads = scenario.Share.SuccessfulReads;
        await Eventually.UntilAsync(() => scenario.Share.SuccessfulReads >= reads + 1, "Share answers again");
        // Measure from the moment the follower says it stopped polling Nightscout, so a poll already in flight at
        // fail-back (more likely on a loaded machine) cannot be mistaken for one it kept making.
        await Eventually.UntilAsync(async () => !(await NightscoutPolling(scenario)), "Nightscout polling stops");
        var nightscoutPolls = scenario.Nightscout.Calls.Count;
        var sharePolls = scenario.Share.SuccessfulReads;
        await Eventually.UntilAsync(() => scenario.Share.SuccessfulReads >= sharePolls + 3, "three more fresh Share polls");

        Assert.Equal(nightscoutPolls, scenario.Nightscout.Calls.Count);
        var sources = (await scenario.StateAsync()).GetProperty("patients")[0].GetProperty("sources");
        Assert.False(sources.GetProperty("nightscout").GetProperty("polling").GetBoolean());
        Assert.Equal(0, sources.GetProperty("dexcom-share").GetProperty("consecutiveFailures").GetInt32());
        Assert.Empty(scenario.Fcm.Delivered);
    }

    [Fact]
    public async Task A_reading_uploaded_late_is_picked_up_within_a_minute_or_two_not_at_the_next_five_minute_poll()
    {
        // 120x so that scheduling stalls of a loaded machine stay far below the margins asserted here.
        await using var scenario = await FollowScenario.StartAsync(speed: 120);
        var t0 = scenario.Clock.Now;
        scenario.Share.AddSeries(t0 - TimeSpan.FromMinutes(30), t0, _ => 120);
        await scenario.FollowAsync(scenario.Body("resilient"));

        // The reading taken at t0+5 reaches Share 75 s late: the poll at t0+5m15s finds nothing new.
        var late = t0 + TimeSpan.FromMinutes(5);
        await Eventually.UntilVirtualAsync(scenario.Clock, late + TimeSpan.FromSeconds(75));
        scenario.Share.Add(late, 50);

        await Eventually.UntilAsync(() => scenario.Fcm.DeliveredOf("urgent-low").Count >= 1, "the urgent low");
        var push = scenario.Fcm.DeliveredOf("urgent-low")[0];
        Assert.Equal(late.ToUnixTimeMilliseconds(), push.ReadingTime.ToUnixTimeMilliseconds());
        // Expected about 1m53s (re-polls at +5m45s, +6m15s, +6m52s); the old 5-minute cadence would give 5m15s.
        Assert.InRange(push.At - late, TimeSpan.FromSeconds(75), TimeSpan.FromMinutes(4));
    }

    private static async Task<bool> NightscoutPolling(FollowScenario scenario) =>
        (await scenario.StateAsync()).GetProperty("patients")[0].GetProperty("sources").GetProperty("nightscout").GetProperty("polling").GetBoolean();

    [Fact]
    public async Task Sends_one_no_data_push_per_follower_noDataMinutes_after_the_newest_Share_reading()
    {
        // 120x: a push that waits 375 ms for a busy CI thread pool is 45 virtual seconds late, inside the tolerance.
        await using var scenario = await FollowScenario.StartAsync(speed: 120);
        var t0 = scenario.Clock.Now;
        var last = t0 + TimeSpan.FromMinutes(10);
        scenario.Share.AddSeries(t0 - TimeSpan.FromMinutes(30), last, _ => 120);   // fresh until t0+10, then silent (200 [])
        var due = last + TimeSpan.FromMinutes(20);

        await scenario.FollowAsync(scenario.Body("resilient", followers: 2, noDataMinutes: 20));
        await Eventually.UntilAsync(() => scenario.Fcm.DeliveredOf("no-data").Count >= 2, "no-data to both followers", TimeSpan.FromSeconds(60));
        await Eventually.UntilVirtualAsync(scenario.Clock, due + TimeSpan.FromMinutes(10));   // two more polls of the gap

        var notices = scenario.Fcm.DeliveredOf("no-data");
        Assert.Equal(["parent-1", "parent-2"], notices.Select(p => p.Follower).Order());  // once per gap, not per poll
        foreach (var notice in notices)
        {
            // The timer fires at the due instant (the harness allows ±1 virtual minute; 1.5 here for a busy CI box).
            Assert.InRange(notice.At, due - TimeSpan.FromMinutes(1.5), due + TimeSpan.FromMinutes(1.5));
            Assert.Equal("dexcom-share", notice.Data("source"));
            Assert.Equal(last.ToUnixTimeMilliseconds(), notice.ReadingTime.ToUnixTimeMilliseconds());
            Assert.Equal("120", notice.Data("value"));
            Assert.Equal("No Data", notice.Title);
        }
        Assert.Equal(2, scenario.Fcm.Delivered.Count);   // nothing else, and nothing while Share was fresh
    }

    [Fact]
    public async Task A_backlog_of_readings_older_than_15_minutes_raises_no_alert()
    {
        await using var scenario = await FollowScenario.StartAsync();
        var share = scenario.Share;
        var t0 = scenario.Clock.Now;
        share.Add(t0 - TimeSpan.FromMinutes(2), 120);

        await scenario.FollowAsync(scenario.Body("resilient", followers: 2, noDataMinutes: 240));
        await Eventually.UntilAsync(() => share.SuccessfulReads >= 1, "the first read");
        share.Down = true;
        var backlog = Enumerable.Range(1, 6).Select(i => t0 + TimeSpan.FromMinutes(5 * i)).ToList();  // t0+5 … t0+30
        foreach (var at in backlog)
            share.Add(at, 50);
        await Eventually.UntilVirtualAsync(scenario.Clock, backlog[^1] + TimeSpan.FromMinutes(16));
        share.Down = false;
        await Eventually.UntilAsync(async () =>
            (await scenario.StateAsync()).GetProperty("patients")[0].GetProperty("newestReading").GetProperty("mgdl").GetInt32() == 50,
            "the backlog is in");

        var state = await scenario.StateAsync();
        Assert.Equal(backlog[^1].ToUnixTimeMilliseconds(),
            DateTimeOffset.Parse(state.GetProperty("patients")[0].GetProperty("newestReading").GetProperty("sensorTime").GetString()!,
                System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds());
        Assert.Empty(scenario.Fcm.Received);   // no storm: every reading was over 15 minutes old when it arrived

        // The episode goes on; a fresh low after the backlog is news and alerts (once per type per follower).
        share.Add(scenario.Clock.Now - Minute, 50);
        await Eventually.UntilAsync(() => scenario.Fcm.Delivered.Count >= 4, "urgent-low and low for the fresh reading");
        Assert.Equal(2, scenario.Fcm.DeliveredOf("urgent-low").Count);
        Assert.Equal(2, scenario.Fcm.DeliveredOf("low").Count);
    }

    [Fact]
    public async Task Alerts_once_per_episode_per_alert_type()
    {
        await using var scenario = await FollowScenario.StartAsync();
        var t0 = scenario.Clock.Now;
        // 60 (low) ×3, 120 ends the episode, then 60 again: a second episode.
        int[] values = [60, 60, 60, 120, 60, 60];
        for (var i = 0; i < values.Length; i++)
            scenario.Share.Add(t0 - Minute + TimeSpan.FromMinutes(5 * i), values[i]);

        await scenario.FollowAsync(scenario.Body("resilient", noDataMinutes: 240));
        await Eventually.UntilAsync(() => scenario.Fcm.Delivered.Count >= 2, "an alert for each episode");
        var reads = scenario.Share.SuccessfulReads;
        await Eventually.UntilAsync(() => scenario.Share.SuccessfulReads >= reads + 2, "two more polls");

        var lows = scenario.Fcm.Delivered;
        Assert.Equal(2, lows.Count);
        Assert.All(lows, p => Assert.Equal("low", p.Alert));
        Assert.Equal([(t0 - Minute).ToUnixTimeMilliseconds(), (t0 + TimeSpan.FromMinutes(19)).ToUnixTimeMilliseconds()],
            lows.Select(p => p.ReadingTime.ToUnixTimeMilliseconds()));
    }

    [Fact]
    public async Task After_SessionIdNotFound_it_logs_in_again_at_once_and_the_poll_succeeds()
    {
        await using var scenario = await FollowScenario.StartAsync();
        var share = scenario.Share;
        share.AddSeries(scenario.Clock.Now - TimeSpan.FromMinutes(20), scenario.Clock.Now + TimeSpan.FromHours(1), _ => 120);
        share.ExpireSessionsAfterNextRead();

        await scenario.FollowAsync(scenario.Body("resilient", withNightscout: true));
        await Eventually.UntilAsync(() => share.Logins >= 2 && share.SuccessfulReads >= 2, "a second login and read");

        var calls = share.Calls.ToList();
        var expired = calls.First(c => c.ErrorCode == "SessionIdNotFound");
        var relogin = calls.Where(c => c.Endpoint == "LoginPublisherAccountById").ElementAt(1);
        var retried = calls.Where(c => c.Endpoint == "Read" && c.Status == 200).ElementAt(1);
        Assert.True(relogin.At - expired.At < Minute, $"re-login came {relogin.At - expired.At} after the error");
        Assert.Equal(relogin.SessionId, retried.SessionId);
        Assert.True(retried.Minutes < 1440, "the smart schedule reads only the gap");
        var shareState = (await scenario.StateAsync()).GetProperty("patients")[0].GetProperty("sources").GetProperty("dexcom-share");
        Assert.Equal(0, shareState.GetProperty("consecutiveFailures").GetInt32());
        Assert.Empty(scenario.Nightscout.Calls);    // a re-login is not an outage: no failover
    }

    [Fact]
    public async Task Retries_a_push_that_FCM_answers_503()
    {
        await using var scenario = await FollowScenario.StartAsync();
        scenario.Fcm.StatusForAttempt = attempt => attempt < 2 ? 503 : 200;
        scenario.Share.Add(scenario.Clock.Now - Minute, 65);

        await scenario.FollowAsync(scenario.Body("resilient", noDataMinutes: 240));
        await Eventually.UntilAsync(() => scenario.Fcm.Delivered.Count == 1, "the low push, delivered at the third attempt");

        Assert.Equal(3, scenario.Fcm.Received.Count);
        Assert.All(scenario.Fcm.Received, p => Assert.Equal("low", p.Alert));
        await Eventually.UntilAsync(async () => (await scenario.StateAsync()).GetProperty("pushesSent").GetInt64() == 1, "pushesSent = 1");
    }
}
