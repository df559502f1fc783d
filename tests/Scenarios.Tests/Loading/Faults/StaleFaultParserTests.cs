using Scenarios.Model;
using static Scenarios.Tests.Loading.Faults.FaultYaml;
using static Scenarios.Tests.Loading.ScenarioYaml;

namespace Scenarios.Tests.Loading.Faults;

public class StaleFaultParserTests
{
    private static StaleFaultOptions Options(string options, string target = "dexcom-share/read") =>
        Assert.IsType<StaleFaultOptions>(Assert.Single(Load(Fault("stale", options, target)).Faults).Options);

    [Fact]
    public void Defaults_to_fresh_timestamps_on_a_five_minute_cadence()
    {
        Assert.Equal(new StaleFaultOptions { Timestamps = StaleTimestamps.Fresh, Interval = TimeSpan.FromMinutes(5) }, Options(""));
    }

    [Fact]
    public void Original_timestamps_and_an_interval_are_read()
    {
        Assert.Equal(StaleTimestamps.Original, Options("    timestamps: original").Timestamps);
        Assert.Equal(TimeSpan.FromMinutes(1), Options("    interval: 1m").Interval);
    }

    [Theory]
    [InlineData("nightscout")]
    [InlineData("dexcom-share")]
    public void May_aim_at_a_whole_data_vendor(string target)
    {
        Assert.Equal(StaleTimestamps.Fresh, Options("", target).Timestamps);
    }

    [Fact]
    public void Only_data_vendors_can_go_stale()
    {
        Assert.Equal(
            Error(11, 13, "faults[0].target", "a stale fault freezes what followers read, so it applies only to data vendors (dexcom-share, nightscout, librelinkup, dexcom-api), not 'fcm'"),
            SingleError(Fault("stale", "", "fcm")));
    }

    [Fact]
    public void Only_the_read_endpoint_can_go_stale()
    {
        Assert.Equal(
            Error(11, 13, "faults[0].target", "a stale fault freezes what followers read, so aim it at the whole vendor or its read endpoint (e.g. nightscout/read), not 'nightscout/upload'"),
            SingleError(Fault("stale", "", "nightscout/upload")));
    }

    [Fact]
    public void Misspelt_timestamps_get_a_suggestion()
    {
        Assert.Equal(
            Error(15, 17, "faults[0].timestamps", "unknown timestamps 'orignal' (did you mean 'original'?)"),
            SingleError(Fault("stale", "    timestamps: orignal")));
    }

    [Fact]
    public void Interval_goes_with_fresh_timestamps()
    {
        Assert.Equal(
            Error(16, 15, "faults[0].interval", "interval sets the cadence of re-stamped readings, so it goes with timestamps: fresh; with original timestamps nothing is re-stamped"),
            SingleError(Fault("stale", "    timestamps: original\n    interval: 5m")));
    }

    [Fact]
    public void Interval_must_be_longer_than_zero()
    {
        Assert.Equal(
            Error(15, 15, "faults[0].interval", "interval is how far apart the re-stamped readings look, so it must be longer than 0, e.g. interval: 5m, not 0s"),
            SingleError(Fault("stale", "    interval: 0s")));
    }
}
