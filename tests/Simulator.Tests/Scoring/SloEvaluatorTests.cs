using Scenarios.Model;
using Simulator.Faults;
using Simulator.Journal;
using Simulator.Scoring;
using Simulator.Tests.Support;

namespace Simulator.Tests.Scoring;

public class SloEvaluatorTests
{
    private static Scorecard CardWithOneUntoldGapAndAMissedLow()
    {
        var truth = new[] { 80, 60, 50, 90 }.Select((v, i) => (JournalEvent)new ReadingGenerated { At = TestScenario.At(i / 12.0), Patient = "child-1", Mgdl = v, Trend = "Flat" });
        var accepted = new JournalEvent[]
        {
            new ReadingAccepted { At = TestScenario.At(0), Vendor = VendorIds.DexcomShare, Patient = "child-1", SensorTime = TestScenario.At(0), Mgdl = 80, VisibleAt = TestScenario.At(0) },
        };
        return Scorer.Score(TestScenario.Create(), [.. truth, .. accepted], new FaultTimeline([], 1), new Dictionary<string, (string, string)>());
    }

    private static SloSpec Slo(string metric, SloOperator op, double threshold, string text) =>
        new() { Metric = metric, Operator = op, Threshold = threshold, IsDuration = SloMetrics.IsDuration(metric), Text = text };

    [Fact]
    public void Counts_compare_against_the_threshold()
    {
        var verdicts = SloEvaluator.Evaluate(
            [Slo("missed.urgent-low", SloOperator.Equal, 0, "missed.urgent-low == 0"), Slo("missed.high", SloOperator.Equal, 0, "missed.high == 0")],
            CardWithOneUntoldGapAndAMissedLow());

        Assert.False(verdicts[0].Met);
        Assert.Equal(2, verdicts[0].Value);   // one urgent low × two followers
        Assert.True(verdicts[1].Met);
    }

    [Fact]
    public void A_gap_nobody_was_told_about_breaches_the_no_data_notice_slo_as_never()
    {
        var verdict = Assert.Single(SloEvaluator.Evaluate([Slo("no-data-notice", SloOperator.LessOrEqual, 1500, "no-data-notice <= 25m")], CardWithOneUntoldGapAndAMissedLow()));

        Assert.False(verdict.Met);
        Assert.Null(verdict.Value);
        Assert.StartsWith("never", verdict.Measured, StringComparison.Ordinal);
    }

    [Fact]
    public void Latency_with_nothing_delivered_is_breached_not_vacuously_met()
    {
        var verdict = Assert.Single(SloEvaluator.Evaluate([Slo("latency.p95", SloOperator.LessOrEqual, 300, "latency.p95 <= 5m")], CardWithOneUntoldGapAndAMissedLow()));

        Assert.False(verdict.Met);
        Assert.Equal("nothing delivered", verdict.Measured);
    }

    [Fact]
    public void Every_metric_the_scenario_format_allows_can_be_measured()
    {
        var card = CardWithOneUntoldGapAndAMissedLow();

        Assert.All(SloMetrics.All, metric => SloEvaluator.Measure(metric, card));
    }

    [Theory]
    [InlineData(42, "42s")]
    [InlineData(75, "1m15s")]
    [InlineData(3 * 3600 + 120, "3h02m")]
    [InlineData(-30, "-30s")]
    public void Durations_read_like_a_person_would_write_them(double seconds, string text) =>
        Assert.Equal(text, SloEvaluator.Duration(seconds));
}
