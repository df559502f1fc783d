using System.Text.Json;
using Scenarios.Model;
using Simulator.Faults;
using Simulator.Journal;
using Simulator.Scoring;
using Simulator.Tests.Support;

namespace Simulator.Tests.Scoring;

public class ScorerTests
{
    private static readonly Dictionary<string, (string, string)> Tokens = new()
    {
        ["tok-1"] = ("child-1", "parent-1"),
        ["tok-2"] = ("child-1", "parent-2"),
    };

    private static PushReceived Push(double atHours, string token, string alert, double readingHours) => new()
    {
        At = TestScenario.At(atHours), Channel = "fcm",
        Payload = JsonSerializer.Serialize(new { message = new { token, data = new { patient = "child-1", alert, readingAt = TestScenario.At(readingHours).ToString("O") } } }),
    };

    private static ReadingsServed Served(double atHours, double? newestHours) => new()
    {
        At = TestScenario.At(atHours), Vendor = VendorIds.DexcomShare, Patient = "child-1", Count = newestHours is null ? 0 : 1,
        NewestSensorTime = newestHours is { } h ? TestScenario.At(h) : null,
    };

    [Fact]
    public void Stale_exposure_counts_time_past_the_stale_limit_until_a_no_data_notice_arrives()
    {
        // The follower is served a reading from 1h at 1h, then only that same reading until 3h.
        var journal = new List<JournalEvent> { Served(1, 1), Served(2, 1), Served(3, 3), Push(1.75, "tok-1", AlertTypes.NoData, 1) };

        var card = Scorer.Score(TestScenario.Create(TimeSpan.FromHours(3.25)), journal, new FaultTimeline([], 1), Tokens);

        // Run ends at 3h15, when the 3h reading is just turning stale. Stale from 1h15 (1h + 15 min). parent-1 was told at 1h45 → 30 min; parent-2 never → 1h15..3h = 105 min.
        Assert.Equal(30, card.StaleExposure.MinutesByFollower["child-1/parent-1"]);
        Assert.Equal(105, card.StaleExposure.MinutesByFollower["child-1/parent-2"]);
        Assert.Equal(135, card.StaleExposure.FollowerMinutes);
    }

    [Fact]
    public void The_alert_burst_is_the_most_notifications_one_follower_got_within_the_window()
    {
        var journal = new List<JournalEvent>();
        for (var i = 0; i < 6; i++) journal.Add(Push(2 + i / 120.0, "tok-1", AlertTypes.Low, 1));   // 6 in 2.5 min
        journal.Add(Push(4, "tok-2", AlertTypes.Low, 1));

        var card = Scorer.Score(TestScenario.Create(), journal, new FaultTimeline([], 1), Tokens);

        Assert.Equal(6, card.AlertBurst.Max);
        Assert.Equal("child-1/parent-1", card.AlertBurst.Follower);
        Assert.Equal(TestScenario.At(2), card.AlertBurst.At);
    }

    [Fact]
    public void A_push_the_mapping_cannot_read_is_reported_not_dropped()
    {
        var journal = new List<JournalEvent>
        {
            new PushReceived { At = TestScenario.At(1), Channel = "fcm", Payload = "{\"message\":{\"token\":\"unknown\"}}" },
            new PushReceived { At = TestScenario.At(1), Channel = "fcm", Payload = "not json" },
            Push(1, "tok-1", "wobbly", 1),
        };

        var card = Scorer.Score(TestScenario.Create(), journal, new FaultTimeline([], 1), Tokens);

        Assert.Equal(3, card.Deliveries.Total);
        Assert.Equal(3, card.Deliveries.Unreadable);
        Assert.Contains(card.Deliveries.UnreadableReasons, r => r.Contains("device token", StringComparison.Ordinal));
        Assert.Contains("payload is not JSON", card.Deliveries.UnreadableReasons);
        Assert.Contains(card.Deliveries.UnreadableReasons, r => r.Contains("'wobbly', not a known alert type", StringComparison.Ordinal));
    }

    [Fact]
    public void Latency_percentiles_use_the_nearest_rank()
    {
        double[] sorted = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

        Assert.Equal(50, Scorer.Percentile(sorted, 50));
        Assert.Equal(100, Scorer.Percentile(sorted, 95));
        Assert.Equal(10, Scorer.Percentile(sorted, 1));
        Assert.Null(Scorer.Percentile([], 50));
    }

    [Fact]
    public void A_reading_in_a_ble_patients_last_five_minutes_is_in_flight_not_lost_but_earlier_ones_count()
    {
        var scenario = TestScenario.Create(TimeSpan.FromHours(1));
        ReadingGenerated Reading(double minutes) => new() { At = TestScenario.Start.AddMinutes(minutes), Patient = "child-1", Mgdl = 120, Trend = "Flat" };
        var journal = new JournalEvent[] { Reading(50), Reading(55) };   // neither reached a vendor

        var overBle = scenario with { Patients = [scenario.Patients[0] with { Ble = new BleSpec { Transmitter = "g6" } }] };

        Assert.Equal(2, Scorer.Score(scenario, journal, new FaultTimeline([], 1), Tokens).Readings.NeverVisibleToFollowers);
        Assert.Equal(1, Scorer.Score(overBle, journal, new FaultTimeline([], 1), Tokens).Readings.NeverVisibleToFollowers);
    }
}
