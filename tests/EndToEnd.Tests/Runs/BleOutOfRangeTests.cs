using Scenarios.Catalog;
using Scenarios.Model;
using EndToEnd.Tests.Support;
using Simulator.Journal;
using Simulator.Reports;
using Simulator.Runs;

namespace EndToEnd.Tests.Runs;

/// <summary>
/// The built-in <c>ble-out-of-range</c> scenario end to end with the resilient profile: the harness plays the G6
/// transmitter over the real TCP link, the ReferenceSystem's receiver reads it, backfills the 45 minutes the phone
/// was out of range, uploads to the Share and Nightscout fakes and alarms locally; the follower role reads the
/// fakes and pushes through FCM.
/// </summary>
public sealed class BleOutOfRangeFixture : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "e2e-ble-" + Guid.NewGuid().ToString("N"));

    public Scenario Scenario { get; } = ScenarioCatalog.Load("ble-out-of-range");
    public RunReport Report { get; private set; } = null!;
    public IReadOnlyList<JournalEvent> Journal { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var result = await RunOrchestrator.RunAsync(new RunOptions
        {
            Scenario = Scenario,
            OutputDirectory = _dir,
            StartBuiltinSut = InProcessSut.StartAsync,
        });
        Report = result.Report;
        Journal = RunJournal.ReadFile(result.JournalPath);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class BleOutOfRangeTests(BleOutOfRangeFixture run) : IClassFixture<BleOutOfRangeFixture>
{
    private DateTimeOffset Start => run.Scenario.Start;
    private DateTimeOffset OutOfRangeFrom => Start + run.Scenario.Patients[0].Ble!.Radio.OutOfRange[0].Offset;
    private DateTimeOffset OutOfRangeUntil => OutOfRangeFrom + run.Scenario.Patients[0].Ble!.Radio.OutOfRange[0].Duration;

    [Theory]
    [InlineData(VendorIds.DexcomShare)]
    [InlineData(VendorIds.Nightscout)]
    public void Every_reading_reaches_the_vendor_exactly_once(string vendor)
    {
        // The last reading may still be on the transmitter when the run ends (it leaves at the next window).
        var generated = run.Journal.OfType<ReadingGenerated>().Select(r => r.At).Where(t => t < run.Scenario.End - TimeSpan.FromMinutes(5)).ToList();
        var accepted = run.Journal.OfType<ReadingAccepted>().Where(a => a.Vendor == vendor).OrderBy(a => a.Seq).ToList();

        Assert.Equal(generated, accepted.Select(a => a.SensorTime).Where(t => t < run.Scenario.End - TimeSpan.FromMinutes(5)).Order());
        Assert.Equal(accepted.Count, accepted.Select(a => a.SensorTime).Distinct().Count());
    }

    [Fact]
    public void The_readings_measured_out_of_range_arrive_by_backfill_after_the_phone_is_back()
    {
        var missed = run.Journal.OfType<ReadingGenerated>().Where(r => r.At >= OutOfRangeFrom && r.At < OutOfRangeUntil).Select(r => r.At).ToList();
        var backfilled = run.Journal.OfType<ReadingAccepted>()
            .Where(a => a.Vendor == VendorIds.Nightscout && a.SensorTime >= OutOfRangeFrom && a.SensorTime < OutOfRangeUntil)
            .OrderBy(a => a.Seq).ToList();

        Assert.Equal(9, missed.Count);   // 45 minutes of 5-minute readings
        Assert.Equal(missed, backfilled.Select(a => a.SensorTime));   // in journal order: uploaded once each, oldest first
        Assert.All(backfilled, a => Assert.True(a.At >= OutOfRangeUntil, $"{a.SensorTime:O} was uploaded at {a.At:O}, while the phone was out of range"));
        Assert.All(backfilled, a => Assert.True(a.At - OutOfRangeUntil < TimeSpan.FromMinutes(6), $"{a.SensorTime:O} uploaded only at {a.At:O}"));
        Assert.Equal(9, run.Journal.OfType<BleWindowClosed>().Count(w => w.Outcome == "out-of-range"));
    }

    [Fact]
    public void The_phone_alarms_on_time_through_the_share_outage_and_the_scorecard_sets_it_beside_the_followers()
    {
        var local = run.Report.Scorecard.LocalAlarms!;

        Assert.Equal(["kid"], local.Patients);
        Assert.Equal((1, 1), (local.Alerts["urgent-low"].Expected, local.Alerts["urgent-low"].OnTime));
        // Two lows: the one at practice, out of range, no phone can sound; the evening one, on time.
        Assert.Equal((2, 1, 1), (local.Alerts["low"].Expected, local.Alerts["low"].OnTime, local.Alerts["low"].Missed));
        Assert.True(local.Alerts["urgent-low"].Latency.MaxSeconds < 120, $"phone urgent-low after {local.Alerts["urgent-low"].Latency.MaxSeconds} s");
        Assert.Equal(6, local.Followers.Expected);   // the same three alerts, for each of two followers
        Assert.Equal(1, local.SignalLossAlarms);      // at practice, 20 minutes after the last reading
        var signalLoss = Assert.Single(run.Journal.OfType<LocalAlarmRaised>(), a => a.Alert == "signal-loss");
        Assert.InRange(signalLoss.At, OutOfRangeFrom + TimeSpan.FromMinutes(15), OutOfRangeFrom + TimeSpan.FromMinutes(27));
    }

    [Fact]
    public void The_resilient_followers_meet_every_slo_of_the_scenario()
    {
        Assert.All(run.Report.Slos, s => Assert.True(s.Met, $"{s.Expression}: {s.Measured}"));
    }
}
