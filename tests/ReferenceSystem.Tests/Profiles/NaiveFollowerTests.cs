using System.Globalization;
using ReferenceSystem.Tests.Support;

namespace ReferenceSystem.Tests.Profiles;

/// <summary>The naive profile reproduces Dexcom Follow's Nov 2019 behaviour, end to end over loopback HTTP.</summary>
public class NaiveFollowerTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Pushes_urgent_low_for_a_50_reading_with_the_exact_payload()
    {
        await using var scenario = await FollowScenario.StartAsync();
        var readingAt = scenario.Clock.Now - Minute;
        scenario.Share.Add(readingAt, 50);

        await scenario.FollowAsync(scenario.Body("naive"));
        await Eventually.UntilAsync(() => scenario.Fcm.Delivered.Count >= 2, "urgent-low and low pushes");

        var push = Assert.Single(scenario.Fcm.DeliveredOf("urgent-low"));
        Assert.Equal("/v1/projects/cgm-sim/messages:send", push.Path);
        Assert.Equal("Bearer token", push.Authorization);
        Assert.Equal("tok-1", push.Token);
        Assert.Equal("Urgent Low", push.Title);
        var shown = DateTimeOffset.FromUnixTimeMilliseconds(readingAt.ToUnixTimeMilliseconds()).ToOffset(TimeSpan.FromHours(-5));
        Assert.Equal($"child-1: 50 mg/dL at {shown.ToString("HH:mm", CultureInfo.InvariantCulture)}", push.Text);
        Assert.Equal("high", push.Message.GetProperty("android").GetProperty("priority").GetString());

        var data = push.Message.GetProperty("data");
        Assert.Equal(6, data.EnumerateObject().Count());
        Assert.All(data.EnumerateObject(), p => Assert.Equal(System.Text.Json.JsonValueKind.String, p.Value.ValueKind));
        Assert.Equal("child-1", push.Data("patient"));
        Assert.Equal("parent-1", push.Data("follower"));
        Assert.Equal("urgent-low", push.Alert);
        Assert.Equal(shown.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), push.ReadingAt);
        Assert.Equal("50", push.Data("value"));
        Assert.Equal("dexcom-share", push.Data("source"));

        var low = Assert.Single(scenario.Fcm.DeliveredOf("low"));
        Assert.Equal("Low", low.Title);
    }

    [Fact]
    public async Task A_flushed_backlog_fires_one_push_per_in_range_reading_and_no_data_is_never_sent()
    {
        await using var scenario = await FollowScenario.StartAsync();
        var share = scenario.Share;
        var t0 = scenario.Clock.Now;
        share.Add(t0 - TimeSpan.FromMinutes(60), 120);

        await scenario.FollowAsync(scenario.Body("naive", followers: 2));
        await Eventually.UntilAsync(() => share.SuccessfulReads >= 1, "the first read");

        // Outage: Share answers 500 while six low readings pile up behind it.
        share.Down = true;
        await Eventually.UntilAsync(() => share.FailedCalls >= 1, "a failed poll");
        var backlog = Enumerable.Range(0, 6).Select(i => t0 - TimeSpan.FromMinutes(55 - 5 * i)).ToList();
        foreach (var at in backlog)
            share.Add(at, 60);
        share.Down = false;

        await Eventually.UntilAsync(() => scenario.Fcm.Delivered.Count >= 12, "a push per backlog reading per follower");
        var readsAfterFlush = share.SuccessfulReads;
        await Eventually.UntilAsync(() => share.SuccessfulReads >= readsAfterFlush + 5, "five more polls (25 virtual minutes)");

        var pushes = scenario.Fcm.Delivered;
        Assert.Equal(12, pushes.Count);
        Assert.All(pushes, p => Assert.Equal("low", p.Alert));
        foreach (var follower in new[] { "parent-1", "parent-2" })
        {
            Assert.Equal(backlog.Select(b => b.ToUnixTimeMilliseconds()),
                pushes.Where(p => p.Follower == follower).Select(p => p.ReadingTime.ToUnixTimeMilliseconds()));
        }
        // Hours-old news: every alert is about a reading at least half an hour old when it lands.
        Assert.All(pushes, p => Assert.True(p.At - p.ReadingTime >= TimeSpan.FromMinutes(30)));
        // Share has been silent far longer than noDataMinutes (20) and still no no-data notice.
        Assert.Empty(scenario.Fcm.DeliveredOf("no-data"));
    }

    [Fact]
    public async Task Old_readings_drained_after_a_fresh_one_still_alert_as_Follow_did_in_2019()
    {
        await using var scenario = await FollowScenario.StartAsync();
        var share = scenario.Share;
        var t0 = scenario.Clock.Now;
        share.Add(t0 - TimeSpan.FromMinutes(60), 120);
        await scenario.FollowAsync(scenario.Body("naive"));
        await Eventually.UntilAsync(() => share.SuccessfulReads >= 1, "the first read");

        // Recovery as a draining backlog delivers it: the fresh reading is visible first, the withheld lows after it.
        share.Add(t0, 120);
        var reads = share.SuccessfulReads;
        await Eventually.UntilAsync(() => share.SuccessfulReads >= reads + 1, "a poll that sees the fresh reading");
        var drained = new[] { t0 - TimeSpan.FromMinutes(40), t0 - TimeSpan.FromMinutes(35) };
        foreach (var at in drained) share.Add(at, 50);

        await Eventually.UntilAsync(() => scenario.Fcm.DeliveredOf("urgent-low").Count >= 2, "alerts for the drained lows");
        Assert.Equal(drained.Select(d => d.ToUnixTimeMilliseconds()),
            scenario.Fcm.DeliveredOf("urgent-low").Select(p => p.ReadingTime.ToUnixTimeMilliseconds()).Order());
    }

    [Fact]
    public async Task After_SessionIdNotFound_it_logs_in_again_only_at_the_next_poll()
    {
        await using var scenario = await FollowScenario.StartAsync();
        var share = scenario.Share;
        share.Add(scenario.Clock.Now - Minute, 120);
        share.ExpireSessionsAfterNextRead();

        await scenario.FollowAsync(scenario.Body("naive"));
        await Eventually.UntilAsync(() => share.Logins >= 2 && share.SuccessfulReads >= 2, "a second login and read");

        var calls = share.Calls.ToList();
        var expired = calls.First(c => c.ErrorCode == "SessionIdNotFound");
        var relogin = calls.Where(c => c.Endpoint == "LoginPublisherAccountById").ElementAt(1);
        Assert.True(relogin.At - expired.At >= TimeSpan.FromMinutes(4.5), $"re-login came {relogin.At - expired.At} after the error");
        var secondRead = calls.Where(c => c.Endpoint == "Read" && c.Status == 200).ElementAt(1);
        Assert.Equal(relogin.SessionId, secondRead.SessionId);
        Assert.All(calls.Where(c => c.Endpoint == "Read"), c => Assert.Equal((1440, 288), (c.Minutes!.Value, c.MaxCount!.Value)));
    }

    [Fact]
    public async Task Ignores_Nightscout_and_never_retries_a_push()
    {
        await using var scenario = await FollowScenario.StartAsync();
        scenario.Fcm.StatusForAttempt = _ => 503;
        scenario.Share.Add(scenario.Clock.Now - Minute, 65);
        scenario.Nightscout.Add(scenario.Clock.Now - Minute, 65);

        await scenario.FollowAsync(scenario.Body("naive", withNightscout: true));
        await Eventually.UntilAsync(() => !scenario.Fcm.Received.IsEmpty, "a push attempt");
        var reads = scenario.Share.SuccessfulReads;
        scenario.Share.Down = true;
        await Eventually.UntilAsync(() => scenario.Share.FailedCalls >= 3, "three failed Share polls");

        Assert.Single(scenario.Fcm.Received);       // one attempt, answered 503, never retried
        Assert.Empty(scenario.Nightscout.Calls);    // no failover
        Assert.Equal(reads, scenario.Share.SuccessfulReads);
        var state = await scenario.StateAsync();
        Assert.Equal(0, state.GetProperty("pushesSent").GetInt64());
        Assert.Equal(1, state.GetProperty("pushesFailed").GetInt64());
    }
}
