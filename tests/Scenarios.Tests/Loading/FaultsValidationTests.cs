using Scenarios.Model;
using static Scenarios.Tests.Loading.ScenarioYaml;

namespace Scenarios.Tests.Loading;

/// <summary>What every fault has: kind, target, window; and the checks across faults. Start 2024-01-01T00:00:00Z, 6h.</summary>
public class FaultsValidationTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>One fault in block style: target on line 11, at 12, window line 13, kind 14, <paramref name="extra"/> from 15.</summary>
    private static string Fault(string target = "dexcom-share", string at = "1h", string window = "for: 1h", string kind = "outage", string extra = "") =>
        With($"""
            faults:
              - target: {target}
                at: {at}
                {window}
                kind: {kind}
            {extra}
            """);

    [Fact]
    public void Unknown_kind_suggests_the_closest_kind()
    {
        Assert.Equal(
            Error(14, 11, "faults[0].kind", "unknown fault kind 'outag' (did you mean 'outage'?)"),
            SingleError(Fault(kind: "outag")));
    }

    [Fact]
    public void Unknown_kind_with_nothing_close_lists_the_known_kinds()
    {
        Assert.Equal(
            Error(14, 11, "faults[0].kind", "unknown fault kind 'meteor'; known kinds: outage, latency, backlog, stale, auth, rate-limit, flapping, push-failure"),
            SingleError(Fault(kind: "meteor")));
    }

    [Fact]
    public void Missing_kind_is_reported_at_the_fault()
    {
        Assert.Equal(
            Error(11, 5, "faults[0].kind", "missing required key 'kind'; add e.g. kind: outage (one of outage, latency, backlog, stale, auth, rate-limit, flapping, push-failure)"),
            SingleError(With("faults:\n  - { target: dexcom-share, at: 1h, for: 1h }")));
    }

    [Fact]
    public void Unknown_fault_key_suggests_the_closest_key()
    {
        Assert.Equal(
            Error(15, 5, "faults[0].ratoi", "unknown key 'ratoi' (did you mean 'ratio'?)"),
            SingleError(Fault(extra: "    ratoi: 0.5")));
    }

    [Fact]
    public void Misspelt_kind_key_is_reported_once_as_unknown_not_also_as_missing()
    {
        Assert.Equal(
            Error(11, 46, "faults[0].kindd", "unknown key 'kindd' (did you mean 'kind'?)"),
            SingleError(With("faults:\n  - { target: dexcom-share, at: 1h, for: 1h, kindd: outage }")));
    }

    [Fact]
    public void A_key_of_another_kind_says_which_kind_it_belongs_to()
    {
        Assert.Equal(
            Error(15, 5, "faults[0].delay", "'delay' is not an option of outage faults (it belongs to latency faults); outage faults take response, status, ratio, where"),
            SingleError(Fault(extra: "    delay: 30s")));
    }

    [Fact]
    public void Fault_aimed_at_a_vendor_not_in_play_is_rejected()
    {
        var yaml = Fault(target: "nightscout")
            .Replace("vendors: [dexcom-share, nightscout, fcm]", "vendors: [dexcom-share, fcm]", StringComparison.Ordinal);

        Assert.Equal(
            Error(11, 13, "faults[0].target", "this fault aims at 'nightscout', which is not in vendors; add it to vendors or remove the fault"),
            SingleError(yaml));
    }

    [Fact]
    public void Unknown_target_vendor_gets_a_suggestion()
    {
        Assert.Equal(
            Error(11, 13, "faults[0].target", "unknown vendor 'dexcomshare' (did you mean 'dexcom-share'?)"),
            SingleError(Fault(target: "dexcomshare/read")));
    }

    [Fact]
    public void Unknown_endpoint_gets_a_suggestion()
    {
        Assert.Equal(
            Error(11, 13, "faults[0].target", "unknown dexcom-share endpoint 'reed' (did you mean 'read'?)"),
            SingleError(Fault(target: "dexcom-share/reed")));
    }

    [Fact]
    public void Unknown_endpoint_with_nothing_close_lists_the_vendors_endpoints()
    {
        Assert.Equal(
            Error(11, 13, "faults[0].target", "unknown dexcom-share endpoint 'graph'; dexcom-share has: login, read, upload"),
            SingleError(Fault(target: "dexcom-share/graph")));
    }

    [Fact]
    public void Malformed_target_explains_the_format()
    {
        Assert.Equal(
            Error(11, 13, "faults[0].target", "'dexcom-share/read/x' is not a target; write a vendor or vendor/endpoint, e.g. dexcom-share or dexcom-share/read"),
            SingleError(Fault(target: "dexcom-share/read/x")));
    }

    [Fact]
    public void Both_until_and_for_is_rejected_at_for()
    {
        Assert.Equal(
            Error(14, 5, "faults[0].for", "give either 'until' or 'for', not both"),
            SingleError(Fault(window: "until: 2h\n    for: 1h")));
    }

    [Fact]
    public void Neither_until_nor_for_is_rejected_at_the_fault()
    {
        Assert.Equal(
            Error(11, 5, "faults[0]", "say when the fault ends with 'until' (an instant or offset) or 'for' (a duration), e.g. for: 1h"),
            SingleError(Fault(window: "")));
    }

    [Fact]
    public void Until_must_be_after_at()
    {
        Assert.Equal(
            Error(13, 12, "faults[0].until", "until (2024-01-01T02:00:00Z) must be after at (2024-01-01T03:00:00Z); a fault needs a window that moves forward"),
            SingleError(Fault(at: "3h", window: "until: 2h")));
    }

    [Fact]
    public void For_must_be_longer_than_zero()
    {
        Assert.Equal(
            Error(13, 10, "faults[0].for", "a fault must last longer than 0; write e.g. for: 1h"),
            SingleError(Fault(window: "for: 0s")));
    }

    [Fact]
    public void At_that_is_neither_instant_nor_offset_is_rejected()
    {
        Assert.Equal(
            Error(12, 9, "faults[0].at", "'soon' is neither an ISO-8601 instant with offset (e.g. 2019-11-29T22:00:00-05:00) nor an offset from start (e.g. 3h or 1d2h30m)"),
            SingleError(Fault(at: "soon")));
    }

    [Theory]
    [InlineData("7h", "for: 1h", "2024-01-01T07:00:00Z", "2024-01-01T08:00:00Z")]
    [InlineData("6h", "for: 1h", "2024-01-01T06:00:00Z", "2024-01-01T07:00:00Z")]
    [InlineData("2023-12-31T20:00:00Z", "until: 2024-01-01T00:00:00Z", "2023-12-31T20:00:00Z", "2024-01-01T00:00:00Z")]
    public void Fault_entirely_outside_the_run_is_rejected(string at, string window, string from, string to)
    {
        Assert.Equal(
            Error(11, 5, "faults[0]", $"this fault runs from {from} to {to}, entirely outside the run (2024-01-01T00:00:00Z to 2024-01-01T06:00:00Z); move it into the run or remove it"),
            SingleError(Fault(at: at, window: window)));
    }

    [Fact]
    public void Fault_partly_inside_the_run_is_kept_as_written()
    {
        var fault = Assert.Single(Load(Fault(at: "5h", window: "for: 2h")).Faults);

        Assert.Equal((Start.AddHours(5), Start.AddHours(7)), (fault.At, fault.Until));
    }

    [Fact]
    public void Absolute_times_in_another_offset_resolve_to_the_same_instants()
    {
        var fault = Assert.Single(Load(Fault(at: "2023-12-31T20:00:00-05:00", window: "until: 2024-01-01T03:30:00+02:00")).Faults);

        Assert.Equal(Start.AddHours(1), fault.At);
        Assert.Equal(Start.AddHours(1.5), fault.Until);
        Assert.Equal(11, fault.Line);
    }

    [Fact]
    public void Same_kind_on_the_same_target_with_overlapping_windows_contradicts_and_names_both()
    {
        var yaml = With("""
            faults:
              - { target: dexcom-share/read, at: 1h, for: 2h, kind: outage }
              - { target: dexcom-share/read, at: 2h, for: 2h, kind: outage, response: reset }
            """);

        Assert.Equal(
            Error(12, 5, "faults[1]", "contradicts faults[0] (line 11): both are outage faults on dexcom-share/read and their windows overlap from 2024-01-01T02:00:00Z to 2024-01-01T03:00:00Z; merge them into one fault or make the windows not overlap"),
            SingleError(yaml));
    }

    [Fact]
    public void A_vendor_wide_fault_overlaps_a_fault_on_one_of_its_endpoints()
    {
        var yaml = With("""
            faults:
              - { target: dexcom-share, at: 1h, for: 2h, kind: latency, delay: 10s }
              - { target: nightscout, at: 1h, for: 2h, kind: latency, delay: 10s }
              - { target: dexcom-share/login, at: 2h30m, for: 2h, kind: latency, delay: 30s }
            """);

        Assert.Equal(
            Error(13, 5, "faults[2]", "contradicts faults[0] (line 11): both are latency faults on dexcom-share and dexcom-share/login and their windows overlap from 2024-01-01T02:30:00Z to 2024-01-01T03:00:00Z; merge them into one fault or make the windows not overlap"),
            SingleError(yaml));
    }

    [Fact]
    public void Different_kinds_different_endpoints_and_back_to_back_windows_do_not_contradict()
    {
        var s = Load(With("""
            faults:
              - { target: dexcom-share/read, at: 1h, for: 2h, kind: outage }
              - { target: dexcom-share/read, at: 1h, for: 2h, kind: backlog }
              - { target: dexcom-share/read, at: 1h, for: 2h, kind: latency, delay: 5s }
              - { target: dexcom-share/login, at: 1h, for: 2h, kind: outage }
              - { target: dexcom-share/read, at: 3h, for: 1h, kind: outage }
            """));

        Assert.Equal(5, s.Faults.Count);
    }

    [Fact]
    public void Faults_must_be_a_list()
    {
        Assert.Equal(
            Error(10, 9, "faults", "expected a list, e.g. - { target: dexcom-share/read, at: 3h, for: 1h, kind: outage }, found a mapping"),
            SingleError(With("faults: { target: dexcom-share, at: 1h, for: 1h, kind: outage }")));
    }

    [Fact]
    public void Every_broken_fault_is_reported_not_just_the_first()
    {
        var errors = Errors(With("""
            faults:
              - { target: dexcom-share, at: 1h, for: 1h, kind: outag }
              - { target: nightscout/reed, at: 1h, for: 1h, kind: outage }
              - { target: fcm, at: 1h, kind: outage }
            """));

        Assert.Equal(["faults[0].kind", "faults[1].target", "faults[2]"], errors.Select(e => e.Field));
        Assert.Equal([11, 12, 13], errors.Select(e => e.Line));
    }

    [Fact]
    public void Fault_kinds_are_exposed_on_the_spec()
    {
        var fault = Assert.Single(Load(Fault()).Faults);

        Assert.Equal("outage", fault.Kind);
        Assert.IsType<OutageFaultOptions>(fault.Options);
        Assert.Equal(new FaultTarget("dexcom-share", null), fault.Target);
    }
}
