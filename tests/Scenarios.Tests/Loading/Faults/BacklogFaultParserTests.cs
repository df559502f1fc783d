using Scenarios.Loading.Faults;
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
            Error(11, 13, "faults[0].target", "a backlog withholds glucose data, so it applies only to data vendors (dexcom-share, nightscout, librelinkup, dexcom-api), not 'fcm'"),
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
    public void Unknown_release_explains_every_form()
    {
        Assert.Equal(
            Error(15, 14, "faults[0].release", "unknown release 'slow'; write release: burst, release: { drainRate: 40/s } or release: { reorder: 30m }"),
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

    [Fact]
    public void Reorder_spreads_the_backlog_over_a_span_and_keeps_new_uploads_bypassing_by_default()
    {
        Assert.Equal(
            new BacklogFaultOptions { Release = BacklogRelease.Reorder, ReorderOver = TimeSpan.FromMinutes(30) },
            Options("    release: { reorder: 30m }"));
    }

    [Theory]
    [InlineData("    release: { drainRate: 40/s, newUploads: wait }", BacklogRelease.DrainRate, BacklogNewUploads.Wait)]
    [InlineData("    release: { drainRate: 40/s, newUploads: bypass }", BacklogRelease.DrainRate, BacklogNewUploads.Bypass)]
    [InlineData("    release: { reorder: 1h, newUploads: wait }", BacklogRelease.Reorder, BacklogNewUploads.Wait)]
    public void New_uploads_may_wait_behind_the_backlog(string release, BacklogRelease mode, BacklogNewUploads newUploads)
    {
        var options = Options(release);

        Assert.Equal(mode, options.Release);
        Assert.Equal(newUploads, options.NewUploads);
    }

    [Fact]
    public void Existing_forms_keep_new_uploads_bypassing()
    {
        Assert.Equal(BacklogNewUploads.Bypass, Options("    release: { drainRate: 40/s }").NewUploads);
        Assert.Equal(BacklogNewUploads.Bypass, Options("    release: burst").NewUploads);
    }

    [Fact]
    public void Unknown_new_uploads_value_says_both_choices()
    {
        Assert.Equal(
            Error(15, 45, "faults[0].release.newUploads", "unknown newUploads 'wiat' (did you mean 'wait'?); write newUploads: bypass " +
                "(readings uploaded after the window are visible at once, the default) or newUploads: wait (they queue behind the backlog)"),
            SingleError(Fault("backlog", "    release: { drainRate: 40/s, newUploads: wiat }")));
    }

    [Fact]
    public void A_release_map_needs_a_drain_rate_or_a_reorder_span()
    {
        Assert.Equal(
            Error(15, 14, "faults[0].release", "a release map needs drainRate or reorder; write release: burst, release: { drainRate: 40/s } or release: { reorder: 30m }"),
            SingleError(Fault("backlog", "    release: { newUploads: wait }")));
    }

    [Fact]
    public void Drain_rate_and_reorder_exclude_each_other()
    {
        Assert.Equal(
            Error(15, 42, "faults[0].release.reorder", "give either drainRate (out in the order accepted) or reorder (out in a seeded random order), not both; e.g. release: { reorder: 30m }"),
            SingleError(Fault("backlog", "    release: { drainRate: 40/s, reorder: 30m }")));
    }

    [Fact]
    public void Reorder_must_be_a_duration_longer_than_zero()
    {
        Assert.Equal(
            Error(15, 25, "faults[0].release.reorder", "reorder is the span over which the backlog comes out, so it must be longer than 0, e.g. reorder: 30m; for everything at once write release: burst"),
            SingleError(Fault("backlog", "    release: { reorder: 0 }")));
        Assert.Equal("faults[0].release.reorder", SingleError(Fault("backlog", "    release: { reorder: soon }")).Field);
    }

    [Fact]
    public void Misspelt_reorder_key_gets_a_suggestion_and_no_separate_missing_key_error()
    {
        Assert.Equal(
            Error(15, 16, "faults[0].release.reoder", "unknown key 'reoder' (did you mean 'reorder'?)"),
            SingleError(Fault("backlog", "    release: { reoder: 30m }")));
    }

    [Theory]
    [InlineData("40/s", 40.0)]
    [InlineData("5000/s", 5000.0)]
    [InlineData("2/min", 2.0 / 60)]
    public void The_drain_rate_text_is_shared_with_the_command_line(string text, double perSecond)
    {
        Assert.True(DrainRate.TryParse(text, out var parsed));
        Assert.Equal(perSecond, parsed, 12);
        Assert.True(DrainRate.TryParse("0/s", out parsed));
        Assert.Equal(0, parsed);
        Assert.False(DrainRate.TryParse("fast", out _));
    }

    [Fact]
    public void Options_built_in_code_get_the_same_checks_all_at_once()
    {
        var bad = new BacklogFaultOptions { Release = BacklogRelease.Reorder, ReorderOver = TimeSpan.Zero, NewUploads = (BacklogNewUploads)7 };

        var e = Assert.Throws<FaultOptionsValidationException>(() => FaultOptionsValidation.ThrowIfInvalid(bad));

        Assert.Equal(["release.reorder", "release.newUploads"], e.Errors.Select(x => x.Key));
        Assert.Equal("reorder is the span over which the backlog comes out, so it must be longer than 0, e.g. reorder: 30m; for everything at once write release: burst", e.Errors[0].Message);
        Assert.Equal("release.drainRate", Assert.Single(new BacklogFaultOptions { Release = BacklogRelease.DrainRate }.Validate()).Key);
        Assert.Empty(new BacklogFaultOptions().Validate());
    }
}
