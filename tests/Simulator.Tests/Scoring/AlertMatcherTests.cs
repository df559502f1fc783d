using Scenarios.Model;
using Simulator.Scoring;
using Simulator.Tests.Support;

namespace Simulator.Tests.Scoring;

public class AlertMatcherTests
{
    private static readonly AlertEpisode Urgent = new("child-1", AlertTypes.UrgentLow, TestScenario.At(3), TestScenario.At(4), TestScenario.At(3), 52);
    private static readonly AlertEpisode Gap = new("child-1", AlertTypes.NoData, TestScenario.At(1), TestScenario.At(5), TestScenario.At(1) + TimeSpan.FromMinutes(20), null);

    private static Delivery Push(string type, double atHours, double? readingHours, string follower = "parent-1") =>
        new(follower, "child-1", type, TestScenario.At(atHours), readingHours is { } r ? TestScenario.At(r) : null, "fcm");

    private static (IReadOnlyList<JudgedExpected> Expected, IReadOnlyList<JudgedDelivery> Deliveries) Match(params Delivery[] deliveries) =>
        AlertMatcher.Match([new ExpectedAlert(Urgent, "parent-1"), new ExpectedAlert(Gap, "parent-1")], deliveries, new ScoringSpec());

    [Fact]
    public void A_delivery_within_the_on_time_limit_is_on_time_with_its_latency()
    {
        var (expected, deliveries) = Match(Push(AlertTypes.UrgentLow, 3, 3) with { DeliveredAt = TestScenario.At(3) + TimeSpan.FromMinutes(2) });

        var urgent = expected.Single(e => e.Expected.AlertType == AlertTypes.UrgentLow);
        Assert.Equal(ExpectedOutcome.OnTime, urgent.Outcome);
        Assert.Equal(TimeSpan.FromMinutes(2), urgent.Latency);
        Assert.Equal(DeliveryClass.Matched, Assert.Single(deliveries).Class);
    }

    [Fact]
    public void A_delivery_between_on_time_and_missed_after_is_late()
    {
        var (expected, _) = Match(Push(AlertTypes.UrgentLow, 3.25, 3.1));

        Assert.Equal(ExpectedOutcome.Late, expected.Single(e => e.Expected.AlertType == AlertTypes.UrgentLow).Outcome);
    }

    [Fact]
    public void A_delivery_hours_late_counts_the_alert_as_missed_and_itself_as_too_late()
    {
        var (expected, deliveries) = Match(Push(AlertTypes.UrgentLow, 30, 3.2));

        var urgent = expected.Single(e => e.Expected.AlertType == AlertTypes.UrgentLow);
        Assert.Equal(ExpectedOutcome.Missed, urgent.Outcome);
        Assert.NotNull(urgent.Delivery);
        Assert.Equal(DeliveryClass.TooLate, Assert.Single(deliveries).Class);
    }

    [Fact]
    public void Further_deliveries_for_the_same_episode_are_duplicates_and_unrelated_ones_false()
    {
        var (_, deliveries) = Match(
            Push(AlertTypes.UrgentLow, 3.01, 3),
            Push(AlertTypes.UrgentLow, 3.1, 3.0833),
            Push(AlertTypes.UrgentLow, 5, 4.5),     // reading outside any episode
            Push(AlertTypes.High, 3, 3));           // nothing high was due

        DeliveryClass ClassOf(string type, double atHours) =>
            deliveries.Single(d => d.Delivery.AlertType == type && d.Delivery.DeliveredAt == TestScenario.At(atHours)).Class;
        Assert.Equal(DeliveryClass.Matched, ClassOf(AlertTypes.UrgentLow, 3.01));
        Assert.Equal(DeliveryClass.Duplicate, ClassOf(AlertTypes.UrgentLow, 3.1));
        Assert.Equal(DeliveryClass.False, ClassOf(AlertTypes.UrgentLow, 5));
        Assert.Equal(DeliveryClass.False, ClassOf(AlertTypes.High, 3));
    }

    [Fact]
    public void A_no_data_notice_pairs_with_the_gap_it_arrived_in()
    {
        var (expected, deliveries) = Match(Push(AlertTypes.NoData, 1, 1) with { DeliveredAt = Gap.DueAt + TimeSpan.FromSeconds(30) });

        var gap = expected.Single(e => e.Expected.AlertType == AlertTypes.NoData);
        Assert.Equal(ExpectedOutcome.OnTime, gap.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(30), gap.Latency);
        Assert.Equal(DeliveryClass.Matched, Assert.Single(deliveries).Class);
    }

    [Fact]
    public void An_alert_for_one_follower_does_not_count_for_another()
    {
        var (expected, deliveries) = Match(Push(AlertTypes.UrgentLow, 3.01, 3, follower: "parent-2"));

        Assert.All(expected, e => Assert.Equal(ExpectedOutcome.Missed, e.Outcome));
        Assert.Equal(DeliveryClass.False, Assert.Single(deliveries).Class);
    }

    [Fact]
    public void Nothing_delivered_means_every_expected_alert_is_missed()
    {
        var (expected, deliveries) = Match();

        Assert.Equal(2, expected.Count(e => e.Outcome == ExpectedOutcome.Missed));
        Assert.Empty(deliveries);
    }

    [Fact]
    public void A_notice_in_a_second_gap_soon_after_the_first_belongs_to_the_second()
    {
        // A sensor dropout 01:25–01:50, then an outage from 02:00: the second notice (02:15) is inside the first
        // gap's grace period, but it is about the second gap.
        var dropout = new AlertEpisode("child-1", AlertTypes.NoData, TestScenario.At(1 + 25 / 60.0), TestScenario.At(1 + 50 / 60.0), TestScenario.At(1.75), null);
        var outage = new AlertEpisode("child-1", AlertTypes.NoData, TestScenario.At(1 + 55 / 60.0), TestScenario.At(3), TestScenario.At(2.25), null);

        var (expected, deliveries) = AlertMatcher.Match(
            [new ExpectedAlert(dropout, "parent-1"), new ExpectedAlert(outage, "parent-1")],
            [Push(AlertTypes.NoData, 1.75, 1 + 25 / 60.0), Push(AlertTypes.NoData, 2.25 + 10 / 3600.0, 1 + 55 / 60.0)],
            new ScoringSpec());

        Assert.All(expected, e => Assert.Equal(ExpectedOutcome.OnTime, e.Outcome));
        Assert.All(deliveries, d => Assert.Equal(DeliveryClass.Matched, d.Class));
    }
}
