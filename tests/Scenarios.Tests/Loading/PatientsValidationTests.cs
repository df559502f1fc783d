using Scenarios.Model;
using static Scenarios.Tests.Loading.ScenarioYaml;

namespace Scenarios.Tests.Loading;

/// <summary>patients: ids, traces and their points, followers, uploads and follow.</summary>
public class PatientsValidationTests
{
    /// <summary>A patient block starting on line 6 whose trace points (line 10) and followers (line 11) are given.</summary>
    private static string Patient(string points = "{ 0h: 120, 6h: 60 }", string followers = "[parent-1]", string extra = "") =>
        WithPatients($"""
            patients:
              - id: child-1
                trace:
                  source: scripted
                  points: {points}
                followers: {followers}
            {extra}
            """);

    [Fact]
    public void Patients_must_not_be_empty()
    {
        Assert.Equal(
            Error(6, 11, "patients", "no patients listed; add at least one, each with an id, a trace and followers"),
            SingleError(WithPatients("patients: []")));
    }

    [Fact]
    public void Patient_id_must_be_lowercase_letters_digits_and_dashes()
    {
        Assert.Equal(
            Error(7, 9, "patients[0].id", "'Child 1' is not a valid patient id; use lowercase letters, digits and dashes, e.g. child-1"),
            SingleError(Patient().Replace("id: child-1", "id: Child 1", StringComparison.Ordinal)));
    }

    [Fact]
    public void Patient_ids_must_be_unique()
    {
        var yaml = WithPatients("""
            patients:
              - { id: kid, trace: { source: scripted, points: { 0h: 120, 6h: 60 } }, followers: [mum] }
              - { id: kid, trace: { source: scripted, points: { 0h: 120, 6h: 60 } }, followers: [dad] }
            """);

        Assert.Equal(
            Error(8, 11, "patients[1].id", "patient id 'kid' is already used by patients[0]; give each patient its own id"),
            SingleError(yaml));
    }

    [Fact]
    public void Missing_trace_and_followers_are_reported_at_the_patient()
    {
        Assert.Equal(
            [
                Error(7, 5, "patients[0].trace", "missing required key 'trace'; add e.g. trace: { source: scripted, points: { 0h: 140, 2h: 60 } }"),
                Error(7, 5, "patients[0].followers", "missing required key 'followers'; add e.g. followers: [parent-1]"),
            ],
            Errors(WithPatients("patients:\n  - id: child-1")));
    }

    [Fact]
    public void Unknown_patient_key_suggests_the_closest()
    {
        Assert.Equal(
            Error(12, 5, "patients[0].uplods", "unknown key 'uplods' (did you mean 'uploads'?)"),
            SingleError(Patient(extra: "    uplods: [nightscout]")));
    }

    [Fact]
    public void Unknown_trace_source_names_the_known_ones()
    {
        Assert.Equal(
            Error(9, 15, "patients[0].trace.source", "unknown trace source 'nightscout-replay'; this version knows: scripted, uva-padova, replay"),
            SingleError(Patient().Replace("source: scripted", "source: nightscout-replay", StringComparison.Ordinal)));
    }

    [Fact]
    public void Misspelt_trace_source_gets_a_suggestion()
    {
        Assert.Equal(
            Error(9, 15, "patients[0].trace.source", "unknown trace source 'scriptd' (did you mean 'scripted'?)"),
            SingleError(Patient().Replace("source: scripted", "source: scriptd", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("30s")]
    [InlineData("16m")]
    public void Trace_interval_must_be_between_1_and_15_minutes(string interval)
    {
        Assert.Equal(
            Error(10, 17, "patients[0].trace.interval", $"a reading every {interval} is outside 1m..15m; CGMs read every 1 to 15 minutes (typically 5m)"),
            SingleError(Patient().Replace("      points:", $"      interval: {interval}\n      points:", StringComparison.Ordinal)));
    }

    [Fact]
    public void Trace_needs_at_least_two_points()
    {
        Assert.Equal(
            Error(10, 15, "patients[0].trace.points", "a scripted trace needs at least 2 points (a start and an end), e.g. { 0h: 140, 2h: 60 }"),
            SingleError(Patient(points: "{ 0h: 120 }")));
    }

    [Fact]
    public void Point_value_outside_what_a_cgm_reports_is_rejected_at_the_value()
    {
        Assert.Equal(
            Error(10, 30, "patients[0].trace.points.\"6h\"", "700 mg/dL is outside 20..600, the range a CGM reports; use a value in that range"),
            SingleError(Patient(points: "{ 0h: 120, 6h: 700 }")));
    }

    [Fact]
    public void Point_value_must_be_a_number()
    {
        Assert.Equal(
            Error(10, 30, "patients[0].trace.points.\"6h\"", "'low' is not a number"),
            SingleError(Patient(points: "{ 0h: 120, 6h: low }")));
    }

    [Fact]
    public void Point_key_that_is_neither_offset_nor_instant_is_rejected_at_the_key()
    {
        Assert.Equal(
            Error(10, 26, "patients[0].trace.points.\"6 hours\"", "'6 hours' is neither an ISO-8601 instant with offset (e.g. 2019-11-29T22:00:00-05:00) nor an offset from start (e.g. 3h or 1d2h30m)"),
            SingleError(Patient(points: "{ 0h: 120, 6 hours: 60 }")));
    }

    [Fact]
    public void Point_after_the_end_of_the_run_is_rejected()
    {
        Assert.Equal(
            Error(10, 26, "patients[0].trace.points.\"7h\"", "this point is 7h after the start, past the end of the run (2024-01-01T00:00:00Z to 2024-01-01T06:00:00Z); points must lie within the run (0h to 6h)"),
            SingleError(Patient(points: "{ 0h: 120, 7h: 60 }")));
    }

    [Fact]
    public void Point_before_the_start_of_the_run_is_rejected()
    {
        Assert.Equal(
            Error(10, 26, "patients[0].trace.points.\"2023-12-31T23:00:00Z\"", "this point is before the start of the run (2024-01-01T00:00:00Z to 2024-01-01T06:00:00Z); points must lie within the run"),
            SingleError(Patient(points: "{ 0h: 120, 2023-12-31T23:00:00Z: 60, 6h: 60 }")));
    }

    [Fact]
    public void Two_points_at_the_same_instant_are_rejected_even_when_written_differently()
    {
        Assert.Equal(
            Error(10, 35, "patients[0].trace.points.\"2024-01-01T01:00:00+00:00\"", "this is the same instant as the point \"60m\"; give each instant one value"),
            SingleError(Patient(points: "{ 0h: 120, 60m: 90, 2024-01-01T01:00:00+00:00: 80, 6h: 60 }")));
    }

    [Fact]
    public void Points_may_be_absolute_instants_in_any_offset_and_are_stored_sorted_as_offsets()
    {
        var s = Load(Patient(points: "{ 6h: 60, 2024-01-01T02:00:00+01:00: 90, 0h: 120 }"));

        Assert.Equal(
            [new Waypoint(TimeSpan.Zero, 120), new Waypoint(TimeSpan.FromHours(1), 90), new Waypoint(TimeSpan.FromHours(6), 60)],
            Assert.IsType<ScriptedTraceSpec>(s.Patients[0].Trace).Points);
    }

    [Fact]
    public void Followers_must_not_be_empty()
    {
        Assert.Equal(
            Error(11, 16, "patients[0].followers", "no followers listed; add at least one, e.g. [parent-1]"),
            SingleError(Patient(followers: "[]")));
    }

    [Fact]
    public void Follower_listed_twice_is_rejected()
    {
        Assert.Equal(
            Error(11, 27, "patients[0].followers[1]", "follower 'parent-1' is listed twice; list each follower once"),
            SingleError(Patient(followers: "[parent-1, parent-1]")));
    }

    [Fact]
    public void Follower_channel_gets_a_suggestion_when_misspelt()
    {
        Assert.Equal(
            Error(11, 42, "patients[0].followers[0].channel", "unknown channel 'fmc' (did you mean 'fcm'?)"),
            SingleError(Patient(followers: "[{ id: parent-1, channel: fmc }]")));
    }

    [Fact]
    public void Follower_channel_must_be_a_push_vendor()
    {
        Assert.Equal(
            Error(11, 42, "patients[0].followers[0].channel", "'nightscout' is a data vendor, not a push channel; followers are reached through a push vendor (fcm, apns, twilio, webhook)"),
            SingleError(Patient(followers: "[{ id: parent-1, channel: nightscout }]")));
    }

    [Fact]
    public void Follower_channel_must_be_in_play()
    {
        var yaml = Patient(followers: "[{ id: parent-1, channel: fcm }]")
            .Replace("vendors: [dexcom-share, nightscout, fcm]", "vendors: [dexcom-share, nightscout]", StringComparison.Ordinal);

        Assert.Equal(
            Error(11, 42, "patients[0].followers[0].channel", "follower channel 'fcm' is not in vendors; add it to vendors"),
            SingleError(yaml));
    }

    [Fact]
    public void Followers_without_a_channel_need_a_push_vendor_in_play()
    {
        var yaml = Patient(followers: "[parent-1, parent-2]")
            .Replace("vendors: [dexcom-share, nightscout, fcm]", "vendors: [dexcom-share, nightscout]", StringComparison.Ordinal);

        Assert.Equal(
            Error(11, 16, "patients[0].followers", "followers are notified through a push vendor, but none the built-in reference system sends through is in vendors; add fcm to vendors"),
            SingleError(yaml));
    }

    [Fact]
    public void Uploading_to_a_vendor_not_in_play_is_rejected()
    {
        var yaml = Patient(extra: "    uploads: [dexcom-share, nightscout]")
            .Replace("vendors: [dexcom-share, nightscout, fcm]", "vendors: [dexcom-share, fcm]", StringComparison.Ordinal);

        Assert.Equal(
            Error(12, 29, "patients[0].uploads[1]", "patient uploads to 'nightscout', which is not in vendors; add it to vendors or remove it here"),
            SingleError(yaml));
    }

    [Fact]
    public void Following_through_a_vendor_not_in_play_is_rejected()
    {
        var yaml = Patient(extra: "    follow: [nightscout, dexcom-share]")
            .Replace("vendors: [dexcom-share, nightscout, fcm]", "vendors: [dexcom-share, fcm]", StringComparison.Ordinal);

        Assert.Equal(
            Error(12, 14, "patients[0].follow[0]", "patient follows 'nightscout', which is not in vendors; add it to vendors or remove it here"),
            SingleError(yaml));
    }

    [Fact]
    public void Uploading_to_a_push_vendor_is_rejected()
    {
        Assert.Equal(
            Error(12, 29, "patients[0].uploads[1]", "'fcm' delivers notifications and holds no glucose data; list only data vendors here (dexcom-share, nightscout, librelinkup, dexcom-api)"),
            SingleError(Patient(extra: "    uploads: [dexcom-share, fcm]")));
    }

    [Fact]
    public void Unknown_upload_vendor_gets_a_suggestion()
    {
        Assert.Equal(
            Error(12, 15, "patients[0].uploads[0]", "unknown vendor 'nightscot' (did you mean 'nightscout'?)"),
            SingleError(Patient(extra: "    uploads: [nightscot]")));
    }

    [Fact]
    public void Empty_uploads_list_is_rejected()
    {
        Assert.Equal(
            Error(12, 14, "patients[0].uploads", "the list is empty; name at least one data vendor, e.g. [dexcom-share], or leave the key out to use every data vendor in play"),
            SingleError(Patient(extra: "    uploads: []")));
    }

    [Fact]
    public void Vendor_problems_do_not_cascade_into_every_patient()
    {
        var yaml = Patient(extra: "    uploads: [nightscout]")
            .Replace("vendors: [dexcom-share, nightscout, fcm]", "vendors: [dexcom-share, nightscot, fcm]", StringComparison.Ordinal);

        Assert.Equal(
            Error(5, 25, "vendors[1]", "unknown vendor 'nightscot' (did you mean 'nightscout'?)"),
            SingleError(yaml));
    }
}
