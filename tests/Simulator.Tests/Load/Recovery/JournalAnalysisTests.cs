using Simulator.Journal;
using Simulator.Load.Recovery;

namespace Simulator.Tests.Load.Recovery;

/// <summary>
/// The recovery figures read from a small hand-made journal, where every answer can be worked out by hand: the queue,
/// the drain time, when each follower is fresh, the alert storm, and which readings are lost, duplicated or
/// unreachable.
/// </summary>
public sealed class JournalAnalysisTests
{
    private static readonly DateTimeOffset Recovery = new(2019, 12, 3, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FollowFrom = Recovery.AddMinutes(-15);
    private static readonly DateTimeOffset LiveEnd = Recovery.AddMinutes(60);

    private static ReadingAccepted Accepted(string patient, DateTimeOffset sensor, DateTimeOffset visible, DateTimeOffset? at = null) => new()
    {
        At = at ?? sensor, Vendor = "dexcom-share", Patient = patient, SensorTime = sensor, Mgdl = 100, VisibleAt = visible,
    };

    private static ReadingsServed Served(string patient, DateTimeOffset at, DateTimeOffset? newest) => new()
    {
        At = at, Vendor = "dexcom-share", Patient = patient, Count = newest is null ? 0 : 1, NewestSensorTime = newest,
    };

    private static PushReceived Push(DateTimeOffset at, string token, string alert, DateTimeOffset reading) => new()
    {
        At = at,
        Channel = "fcm",
        Payload = System.Text.Json.JsonSerializer.Serialize(new { message = new { token, data = new { patient = "p", alert, readingAt = reading.ToString("O") } } }),
    };

    [Fact]
    public void The_queue_grows_through_the_outage_and_drains_at_the_release_instants()
    {
        JournalEvent[] journal =
        [
            Accepted("a", Recovery.AddHours(-3), Recovery.AddSeconds(1)),
            Accepted("b", Recovery.AddHours(-2), Recovery.AddSeconds(2)),
            Accepted("a", Recovery.AddHours(-1), Recovery.AddSeconds(3)),
            Accepted("b", Recovery.AddHours(-30), Recovery.AddHours(-30)),      // visible at once: never queued
            Accepted("a", Recovery.AddMinutes(1), Recovery.AddMinutes(2)),      // after recovery, waited behind the backlog
        ];
        var digest = JournalDigest.Read(journal, new HashSet<string>());
        var drain = new DrainAnalysis(digest);

        Assert.Equal(0, drain.QueueAt(Recovery.AddHours(-4)));
        Assert.Equal(2, drain.QueueAt(Recovery.AddHours(-2)));
        Assert.Equal(3, drain.QueueAt(Recovery.AddTicks(-1)));
        Assert.Equal(1, drain.QueueAt(Recovery.AddSeconds(2)));
        Assert.Equal(0, drain.QueueAt(Recovery.AddSeconds(3)));
        Assert.Equal(1, drain.QueueAt(Recovery.AddMinutes(1.5)));

        var figures = drain.Figures(digest, Recovery, LiveEnd);
        Assert.Equal(3, figures.WithheldAtRecovery);
        Assert.Equal(3, figures.PeakQueue);
        Assert.Equal(3.0, figures.DrainSeconds);
        Assert.Equal(1, figures.HeldAfterRecovery);
        Assert.Equal(Recovery.AddMinutes(2), figures.QueueEmptyAt);
    }

    [Fact]
    public void A_follower_is_fresh_from_the_first_answer_after_recovery_whose_newest_reading_is_at_most_ten_minutes_old()
    {
        JournalEvent[] journal =
        [
            Served("a", Recovery.AddMinutes(-10), Recovery.AddDays(-3)),
            Served("a", Recovery.AddMinutes(4), Recovery.AddMinutes(-20)),       // backlog data: not fresh yet
            Served("a", Recovery.AddMinutes(9), Recovery.AddMinutes(3)),         // fresh
            Served("a", Recovery.AddMinutes(12), null),                          // an empty answer forgets nothing
            Served("b", Recovery.AddMinutes(30), Recovery.AddMinutes(25)),
            Served("c", Recovery.AddMinutes(5), Recovery.AddHours(-1)),          // never fresh
        ];
        var digest = JournalDigest.Read(journal, new HashSet<string> { "a", "b", "c" });
        var freshness = new FreshnessAnalysis(digest, [("a", 2), ("b", 1), ("c", 1)], Recovery, LiveEnd);

        Assert.Equal(0, freshness.FreshFollowersAt(Recovery.AddMinutes(8)));
        Assert.Equal(2, freshness.FreshFollowersAt(Recovery.AddMinutes(12)));
        Assert.Equal(0, freshness.FreshFollowersAt(Recovery.AddMinutes(14)));      // a's newest (R+3) is now 11 min old
        Assert.Equal(1, freshness.FreshFollowersAt(Recovery.AddMinutes(31)));
        var figures = freshness.Figures(Recovery);
        Assert.Equal((4, 3), (figures.Followers, figures.FreshByEnd));
        Assert.Null(figures.AllFreshAfterSeconds);
        Assert.Equal(9 * 60, figures.P50Seconds);
        Assert.Equal(30 * 60, figures.MaxSeconds);
    }

    [Fact]
    public void Readings_are_lost_kept_unreachable_or_not_counted_by_their_reachable_span()
    {
        var kept = Recovery.AddHours(-1);
        var lost = Recovery.AddHours(-2);
        var unreachable = Recovery.AddHours(-24).AddMinutes(-5);      // visible 5 min after it left the 24 h window
        var briefly = Recovery.AddHours(-24).AddMinutes(8);            // visible for only 8 min of the window
        var late = Recovery.AddMinutes(55);                            // visible 5 min before the end
        var history = Recovery.AddHours(-30);                          // left the window long before following began
        JournalEvent[] journal =
        [
            Accepted("a", history, history),
            Accepted("a", unreachable, Recovery, unreachable),
            Accepted("a", briefly, Recovery, briefly),
            Accepted("a", lost, Recovery.AddSeconds(1), lost),
            Accepted("a", kept, Recovery.AddSeconds(2), kept),
            Accepted("a", late, late),
        ];
        var digest = JournalDigest.Read(journal, new HashSet<string> { "a" });
        long[] times = [kept.ToUnixTimeMilliseconds(), late.ToUnixTimeMilliseconds(), Recovery.AddHours(-5).ToUnixTimeMilliseconds()];
        var ingest = new Dictionary<string, PatientIngestData>
        {
            ["a"] = new(times, Received: [3, 1, 1], Kept: [2, 1, 1], Alerts: [1, 0, 0], RepeatedAlerts: [1, 0, 0]),
        };

        var audit = ReadingAudit.Audit(digest, ingest, ["a"], FollowFrom, LiveEnd, duplicatePushes: 4);

        Assert.Equal((2L, 1L, 1L), (audit.Reachable, audit.Kept, audit.Lost));
        Assert.Equal(new LostReading("a", lost, Recovery.AddSeconds(1)), Assert.Single(audit.LostExamples));
        Assert.Equal((2L, 1L, 1L), (audit.Unreachable, audit.VisibleTooLate, audit.BeforeFollowing));
        Assert.Equal((1L, 1L, 4L), (audit.KeptTwice, audit.AlertedTwice, audit.DuplicatePushes));
        Assert.Equal(1, audit.UnknownToVendor);      // kept a sensor time the vendor never had
    }

    [Fact]
    public void An_alert_storm_is_counted_per_follower_per_five_minutes_and_a_repeated_push_is_a_duplicate()
    {
        var tokens = new Dictionary<string, string> { ["tok-1"] = "f1", ["tok-2"] = "f2" };
        var reading = Recovery.AddHours(-2);
        PushReceived[] pushes =
        [
            Push(Recovery.AddMinutes(-20), "tok-1", "no-data", reading),
            Push(Recovery.AddMinutes(1), "tok-1", "low", reading),
            Push(Recovery.AddMinutes(2), "tok-1", "low", reading.AddMinutes(5)),
            Push(Recovery.AddMinutes(3), "tok-1", "low", reading.AddMinutes(5)),   // the same alert about the same reading again
            Push(Recovery.AddMinutes(4), "tok-2", "urgent-low", reading),
            Push(Recovery.AddMinutes(6), "tok-2", "low", reading),
            new() { At = Recovery, Channel = "fcm", Payload = "not json" },
        ];

        var alerts = new AlertAnalysis(pushes, tokens);
        var figures = alerts.Figures(Recovery);

        Assert.Equal((6L, 5L), (figures.Pushes, figures.PushesAfterRecovery));
        Assert.Equal(3, figures.MaxPerFollowerPer5Min);
        Assert.Equal(1, figures.FollowersWithMoreThanOnePer5Min);
        Assert.Equal(new Dictionary<string, long> { ["low"] = 4, ["no-data"] = 1, ["urgent-low"] = 1 }, figures.ByAlert);
        Assert.Equal(1, figures.Unreadable);
        Assert.Equal(1, alerts.DuplicatePushes);
        Assert.Equal((1L, 1), alerts.InMinute(Recovery.AddMinutes(2)));
    }
}
