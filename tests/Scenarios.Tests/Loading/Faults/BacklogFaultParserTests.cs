using Scenarios.Model;
using static Scenarios.Tests.Loading.Faults.FaultYaml;
using static Scenarios.Tests.Loading.ScenarioYaml;

namespace Scenarios.Tests.Loading.Faults;

public class BacklogFaultParserTests
{
    private static BacklogFaultOptions Options(string options, string target = "dexcom-share/read") =>
        Assert.IsType<BacklogFaultOptions>(Assert.Single(Load(Fault("backlog", options, target)).Faults).Options);

    [Fact]
    public void Defaults_to_releasing_everything_in_one_burst()
    {
        Assert.Equal(new BacklogFaultOptions { Release = BacklogRelease.Burst }, Options(""));
        Assert.Equal(new BacklogFaultOptions { Release = BacklogRelease.Burst }, Options("    release: burst"));
    }

    [Theory]
    [InlineData("40/s", 40.0)]
    [InlineData("2/min", 2.0 / 60)]
    [InlineData("3/m", 3.0 / 60)]
    [InlineData("720/h", 0.2)]
    [InlineData("1.5/s", 1.5)]
    [InlineData("5", 5.0)]
    public void Drain_rate_is_stored_as_readings_per_virtual_second(string rate, double perSecond)
    {
        var options = Options($"    release: {{ drainRate: {rate} }}");

        Assert.Equal(BacklogRelease.DrainRate, options.Release);
        Assert.Equal(perSecond, options.DrainPerSecond, 12);
    }

    [Theory]
    [InlineData("dexcom-share")]
    [InlineData("nightscout")]
    [InlineData("nightscout/read")]
    public void May_aim_at_a_whole_data_vendor_or_its_read_endpoint(string target)
    {
        Assert.Equal(BacklogRelease.Burst, Options("", target).Release);
    }

    [Fact]
    public void Only_data_vendors_can_hold_a_backlog()
    {
        Assert.Equal(
            Error(11, 13, "faults[0].target", "a backlog withholds glucose data, so it applies only to data vendors (dexcom-share, nightscout), not 'fcm'"),
            SingleError(Fault("backlog", "", "fcm")));
    }

    [Fact]
    public void Only_the_read_endpoint_can_hold_a_backlog()
    {
        Assert.Equal(
            Error(11, 13, "faults[0].target", "a backlog holds readings back from followers, so aim it at the whole vendor or its read endpoint (e.g. dexcom-share/read), not 'dexcom-share/upload'"),
            SingleError(Fault("backlog", "", "dexcom-share/upload")));
    }

    [Fact]
    public void Unknown_release_explains_both_forms()
    {
        Assert.Equal(
            Error(15, 14, "faults[0].release", "unknown release 'slow'; write release: burst or release: { drainRate: 40/s }"),
            SingleError(Fault("backlog", "    release: slow")));
    }

    [Fact]
    public void Drain_rate_must_be_a_rate()
    {
        Assert.Equal(
            Error(15, 27, "faults[0].release.drainRate", "'fast' is not a rate; write readings per virtual second or minute, e.g. 40/s or 2/min"),
            SingleError(Fault("backlog", "    release: { drainRate: fast }")));
    }

    [Fact]
    public void Drain_rate_must_be_more_than_zero()
    {
        Assert.Equal(
            Error(15, 27, "faults[0].release.drainRate", "the drain rate must be more than 0, or the backlog would never be released; write e.g. 40/s, or release: burst"),
            SingleError(Fault("backlog", "    release: { drainRate: 0/s }")));
    }

    [Fact]
    public void Misspelt_release_key_gets_a_suggestion_and_no_separate_missing_key_error()
    {
        Assert.Equal(
            Error(15, 16, "faults[0].release.drainrate", "unknown key 'drainrate' (did you mean 'drainRate'?)"),
            SingleError(Fault("backlog", "    release: { drainrate: 40/s }")));
    }
}
