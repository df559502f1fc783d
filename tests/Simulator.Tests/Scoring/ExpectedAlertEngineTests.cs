using Scenarios.Model;
using Simulator.Journal;
using Simulator.Scoring;
using Simulator.Tests.Support;

namespace Simulator.Tests.Scoring;

public class ExpectedAlertEngineTests
{
    private static ReadingGenerated Truth(double hours, int mgdl) => new() { At = TestScenario.At(hours), Patient = "child-1", Mgdl = mgdl, Trend = "Flat" };

    private static ReadingAccepted Accepted(double sensorHours, double visibleHours, string vendor = VendorIds.DexcomShare) => new()
    {
        At = TestScenario.At(sensorHours), Vendor = vendor, Patient = "child-1", SensorTime = TestScenario.At(sensorHours),
        Mgdl = 120, VisibleAt = TestScenario.At(visibleHours),
    };

    [Fact]
    public void A_low_episode_is_due_at_its_first_reading_at_or_below_the_threshold_and_ends_at_the_first_reading_above_it()
    {
        int[] values = [80, 71, 70, 60, 55, 52, 58, 75, 90];
        var truth = values.Select((v, i) => Truth(i / 12.0, v)).ToList();

        var episodes = ExpectedAlertEngine.ThresholdEpisodes(truth, AlertPolicySpec.DexcomDefault, TestScenario.At(6));

        var low = Assert.Single(episodes, e => e.AlertType == AlertTypes.Low);
        Assert.Equal(TestScenario.At(2 / 12.0), low.DueAt);      // 70 is "at or below 70"
        Assert.Equal(TestScenario.At(7 / 12.0), low.End);        // 75 leaves the range
        Assert.Equal(70, low.Mgdl);
        var urgent = Assert.Single(episodes, e => e.AlertType == AlertTypes.UrgentLow);
        Assert.Equal(TestScenario.At(4 / 12.0), urgent.DueAt);   // 55 is "at or below 55"
        Assert.Equal(TestScenario.At(6 / 12.0), urgent.End);     // 58 leaves it
        Assert.DoesNotContain(episodes, e => e.AlertType == AlertTypes.High);
    }

    [Fact]
    public void An_episode_still_open_at_the_end_of_the_run_ends_with_the_run()
    {
        var truth = new[] { Truth(0, 200), Truth(1, 255), Truth(2, 260) };

        var high = Assert.Single(ExpectedAlertEngine.ThresholdEpisodes(truth, AlertPolicySpec.DexcomDefault, TestScenario.At(3)));

        Assert.Equal(AlertTypes.High, high.AlertType);
        Assert.Equal(TestScenario.At(1), high.DueAt);
        Assert.Equal(TestScenario.At(3), high.End);
    }

    [Fact]
    public void A_no_data_notice_is_due_the_policys_delay_after_the_last_reading_the_follow_source_made_visible()
    {
        // Readings every 5 min; from 1h a backlog holds them back until 3h.
        var accepted = Enumerable.Range(0, 48).Select(i => i / 12.0)
            .Select(h => Accepted(h, h < 1 ? h : Math.Max(h, 3))).ToList();

        var gap = Assert.Single(ExpectedAlertEngine.NoDataGaps(TestScenario.Create(TimeSpan.FromHours(4)), accepted, _ => []));

        Assert.Equal(AlertTypes.NoData, gap.AlertType);
        Assert.Equal(TestScenario.At(55 / 60.0), gap.Start);                   // last visible reading 00:55
        Assert.Equal(TestScenario.At(55 / 60.0) + TimeSpan.FromMinutes(20), gap.DueAt);
        Assert.True(gap.End >= TestScenario.At(3), "the gap lasts until fresh data is visible again");
    }

    [Fact]
    public void Data_on_the_second_source_does_not_hide_a_gap_in_the_primary_one()
    {
        var share = Enumerable.Range(0, 12).Select(i => Accepted(i / 12.0, i / 12.0));
        var nightscout = Enumerable.Range(0, 48).Select(i => Accepted(i / 12.0, i / 12.0, VendorIds.Nightscout));

        var gaps = ExpectedAlertEngine.NoDataGaps(TestScenario.Create(), [.. share, .. nightscout], _ => []);

        var gap = Assert.Single(gaps);
        Assert.Equal(TestScenario.At(55 / 60.0) + TimeSpan.FromMinutes(20), gap.DueAt);
        Assert.Equal(TestScenario.Create().End, gap.End);
    }

    [Fact]
    public void A_total_read_outage_postpones_availability_to_its_end()
    {
        var outage = new FaultSpec
        {
            Target = new FaultTarget(VendorIds.DexcomShare, null), At = TestScenario.At(2), Until = TestScenario.At(3),
            Options = new OutageFaultOptions { StatusCode = 503 },
        };
        var accepted = Enumerable.Range(0, 60).Select(i => Accepted(i / 12.0, i / 12.0)).ToList();

        var gap = Assert.Single(ExpectedAlertEngine.NoDataGaps(TestScenario.Create(TimeSpan.FromHours(5)), accepted, _ => [outage]));

        Assert.Equal(TestScenario.At(2) - TimeSpan.FromMinutes(5), gap.Start);
        Assert.Equal(TestScenario.At(3), gap.End);
    }

    [Fact]
    public void Steady_data_has_no_gap()
    {
        var accepted = Enumerable.Range(0, 72).Select(i => Accepted(i / 12.0, i / 12.0 + 0.01)).ToList();

        Assert.Empty(ExpectedAlertEngine.NoDataGaps(TestScenario.Create(), accepted, _ => []));
    }
}
