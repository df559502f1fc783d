using System.Text.Json;

namespace EndToEnd.Tests.Runs;

public sealed class DexcomShare2019Tests(DexcomShare2019Fixture run) : IClassFixture<DexcomShare2019Fixture>
{
    private static JsonElement Alerts(JsonElement report, string type) => report.GetProperty("scorecard").GetProperty("alerts").GetProperty(type);

    private static IEnumerable<JsonElement> Gaps(JsonElement report) =>
        report.GetProperty("scorecard").GetProperty("noData").GetProperty("gaps").EnumerateArray();

    [Fact]
    public void Naive_reports_both_overnight_lows_as_missed()
    {
        var urgent = Alerts(run.Naive, "urgent-low");

        Assert.Equal(4, urgent.GetProperty("expected").GetInt32());   // two lows × two parents
        Assert.Equal(4, urgent.GetProperty("missed").GetInt32());
        Assert.Equal(Alerts(run.Naive, "low").GetProperty("expected").GetInt32(), Alerts(run.Naive, "low").GetProperty("missed").GetInt32());
    }

    [Fact]
    public void Naive_never_tells_followers_that_data_stopped()
    {
        var gaps = Gaps(run.Naive).ToList();

        Assert.NotEmpty(gaps);
        Assert.All(gaps, g => Assert.Equal(JsonValueKind.Null, g.GetProperty("toldAt").ValueKind));
        Assert.Equal(0, Alerts(run.Naive, "no-data").GetProperty("onTime").GetInt32() + Alerts(run.Naive, "no-data").GetProperty("late").GetInt32());
        Assert.True(run.Naive.GetProperty("scorecard").GetProperty("staleExposure").GetProperty("followerMinutes").GetDouble() > 24 * 60,
            "followers looked at frozen data for more than a day without being told");
    }

    [Fact]
    public void Naive_floods_followers_with_hours_old_alerts_when_the_backlog_drains()
    {
        var total = run.Naive.GetProperty("scorecard").GetProperty("total");

        Assert.True(total.GetProperty("tooLate").GetInt32() > 0, "old lows arrive after the backlog drains, too late to help");
        Assert.True(run.Naive.GetProperty("scorecard").GetProperty("alertBurst").GetProperty("max").GetInt32() > 3);
        Assert.Equal("breached", run.Naive.GetProperty("verdict").GetString());
    }

    [Fact]
    public void Resilient_delivers_both_lows_through_the_second_source()
    {
        var urgent = Alerts(run.Resilient, "urgent-low");
        Assert.Equal(4, urgent.GetProperty("expected").GetInt32());
        Assert.Equal(0, urgent.GetProperty("missed").GetInt32());
        Assert.Equal(0, Alerts(run.Resilient, "low").GetProperty("missed").GetInt32());

        // The lows happened while Share withheld everything, so the pushes must name Nightscout as their source.
        var urgentPushes = File.ReadLines(run.ResilientJournal)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("type").GetString() == "push-received")
            .Select(e => JsonDocument.Parse(e.GetProperty("payload").GetString()!).RootElement.GetProperty("message").GetProperty("data"))
            .Where(d => d.GetProperty("alert").GetString() == "urgent-low")
            .ToList();
        Assert.Equal(4, urgentPushes.Count);
        Assert.All(urgentPushes, d => Assert.Equal("nightscout", d.GetProperty("source").GetString()));
    }

    [Fact]
    public void Resilient_tells_every_follower_within_a_virtual_minute_of_the_policys_delay()
    {
        var gaps = Gaps(run.Resilient).ToList();

        Assert.NotEmpty(gaps);
        Assert.All(gaps, g =>
        {
            var due = g.GetProperty("dueAt").GetDateTimeOffset();
            var told = g.GetProperty("toldAt").GetDateTimeOffset();
            Assert.Equal(TimeSpan.FromMinutes(20), due - g.GetProperty("lastReadingAt").GetDateTimeOffset());
            Assert.InRange((told - due).TotalSeconds, -60, 60);
        });
    }

    [Fact]
    public void Resilient_meets_every_slo_of_the_scenario()
    {
        Assert.All(run.Resilient.GetProperty("slos").EnumerateArray(), s => Assert.True(s.GetProperty("met").GetBoolean(), s.GetProperty("expression").GetString()));
        Assert.Equal("met", run.Resilient.GetProperty("verdict").GetString());
    }

    [Fact]
    public void The_report_records_the_scenario_the_seed_and_the_latency_resolution_of_its_speed()
    {
        var scenario = run.Resilient.GetProperty("scenario");
        Assert.Equal(1, run.Resilient.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("dexcom-share-2019", scenario.GetProperty("name").GetString());
        Assert.Equal(20191130, scenario.GetProperty("seed").GetInt32());
        Assert.Equal(DexcomShare2019Fixture.Speed, scenario.GetProperty("speed").GetDouble());
        var runInfo = run.Resilient.GetProperty("run");
        Assert.True(runInfo.GetProperty("jitterSamples").GetInt64() > 800);
        Assert.Equal(Math.Round(runInfo.GetProperty("jitterP99Ms").GetDouble() / 1000 * DexcomShare2019Fixture.Speed, 1),
            runInfo.GetProperty("latencyResolutionSeconds").GetDouble(), precision: 0);
    }
}
