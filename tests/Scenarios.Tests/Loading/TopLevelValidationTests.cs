using static Scenarios.Tests.Loading.ScenarioYaml;

namespace Scenarios.Tests.Loading;

/// <summary>name, title, start, duration, speed, seed, version, vendors, and keys at the top level.</summary>
public class TopLevelValidationTests
{
    private static string Replace(string oldLine, string newLine) => Base.Replace(oldLine, newLine, StringComparison.Ordinal);

    [Fact]
    public void Missing_required_keys_are_reported_at_the_top_of_the_file_with_an_example()
    {
        var errors = Errors(Base.Replace("name: t\n", "", StringComparison.Ordinal).Replace("start: 2024-01-01T00:00:00Z\n", "", StringComparison.Ordinal));

        Assert.Equal(
            [
                Error(1, 1, "name", "missing required key 'name'; add e.g. name: dexcom-share-2019"),
                Error(1, 1, "start", "missing required key 'start'; add e.g. start: 2019-11-29T22:00:00-05:00"),
            ],
            errors);
    }

    [Fact]
    public void Required_key_without_a_value_is_reported_at_the_key()
    {
        Assert.Equal(
            Error(2, 1, "title", "'title' has no value; write e.g. title: Dexcom Share outage, Nov 2019"),
            SingleError(Replace("title: Test scenario", "title:")));
    }

    [Fact]
    public void Unknown_key_suggests_the_closest_allowed_key()
    {
        Assert.Equal(
            Error(10, 1, "descripton", "unknown key 'descripton' (did you mean 'description'?)"),
            SingleError(With("descripton: hello")));
    }

    [Fact]
    public void Misspelt_required_key_is_reported_once_as_unknown_not_also_as_missing()
    {
        Assert.Equal(
            Error(2, 1, "titel", "unknown key 'titel' (did you mean 'title'?)"),
            SingleError(Replace("title: Test scenario", "titel: Test scenario")));
    }

    [Fact]
    public void Unknown_key_with_nothing_close_lists_the_allowed_keys()
    {
        Assert.Equal(
            Error(10, 1, "colour", "unknown key 'colour'; allowed keys here: version, name, title, description, source, start, duration, speed, seed, vendors, patients, cohort, sut, policy, faults, slo, scoring, narrative"),
            SingleError(With("colour: red")));
    }

    [Fact]
    public void Wrong_type_says_what_was_expected_and_found()
    {
        Assert.Equal(
            Error(2, 8, "title", "expected text, found a list"),
            SingleError(Replace("title: Test scenario", "title: [a, b]")));
    }

    [Theory]
    [InlineData("Dexcom")]
    [InlineData("-leading-dash")]
    [InlineData("under_score")]
    public void Name_must_be_lowercase_letters_digits_and_dashes(string name)
    {
        Assert.Equal(
            Error(1, 7, "name", $"'{name}' is not a valid name; use lowercase letters, digits and dashes, starting with a letter or digit, e.g. dexcom-share-2019"),
            SingleError(Replace("name: t", $"name: {name}")));
    }

    [Fact]
    public void Blank_title_is_rejected()
    {
        Assert.Equal(
            Error(2, 8, "title", "the title is blank; write a short human-readable title"),
            SingleError(Replace("title: Test scenario", "title: '  '")));
    }

    [Fact]
    public void Start_without_offset_is_rejected_with_how_to_add_one()
    {
        Assert.Equal(
            Error(3, 8, "start", "'2024-01-01T00:00:00' has no UTC offset, so the instant is ambiguous; add one, e.g. 2024-01-01T00:00:00-05:00 or 2024-01-01T00:00:00Z"),
            SingleError(Replace("start: 2024-01-01T00:00:00Z", "start: 2024-01-01T00:00:00")));
    }

    [Fact]
    public void Start_that_is_not_an_instant_is_rejected()
    {
        Assert.Equal(
            Error(3, 8, "start", "'yesterday' is not an ISO-8601 instant; write e.g. 2019-11-29T22:00:00-05:00"),
            SingleError(Replace("start: 2024-01-01T00:00:00Z", "start: yesterday")));
    }

    [Fact]
    public void Start_on_a_date_that_does_not_exist_is_rejected()
    {
        Assert.Equal(
            Error(3, 8, "start", "'2024-02-30T00:00:00Z' is not a real date and time; check the month, day and hour"),
            SingleError(Replace("start: 2024-01-01T00:00:00Z", "start: 2024-02-30T00:00:00Z")));
    }

    [Fact]
    public void Start_keeps_the_offset_written_in_the_file()
    {
        var s = Load(Replace("start: 2024-01-01T00:00:00Z", "start: 2024-01-01T09:30:00+05:30"));

        Assert.Equal(new DateTimeOffset(2024, 1, 1, 9, 30, 0, new TimeSpan(5, 30, 0)), s.Start);
    }

    [Fact]
    public void Duration_without_unit_suggests_units()
    {
        Assert.Equal(
            Error(4, 11, "duration", "'90' has no unit; write e.g. 90s, 90m or 90h"),
            SingleError(Replace("duration: 6h", "duration: 90")));
    }

    [Fact]
    public void Duration_with_a_fraction_suggests_whole_units()
    {
        Assert.Equal(
            Error(4, 11, "duration", "'1.5h' has a fraction; use whole numbers with units instead, e.g. 1h30m rather than 1.5h"),
            SingleError(Replace("duration: 6h", "duration: 1.5h")));
    }

    [Fact]
    public void Duration_in_an_unknown_format_explains_the_format()
    {
        Assert.Equal(
            Error(4, 11, "duration", "'6 hours' is not a duration; write whole numbers with units d, h, m, s (largest first), e.g. 90s, 20m, 1h30m, 1d12h"),
            SingleError(Replace("duration: 6h", "duration: 6 hours")));
    }

    [Fact]
    public void Duration_must_be_more_than_zero()
    {
        Assert.Equal(
            Error(4, 11, "duration", "the run must last longer than 0; write e.g. duration: 6h"),
            SingleError(Replace("duration: 6h", "duration: 0s")));
    }

    [Fact]
    public void Duration_may_not_exceed_30_days()
    {
        Assert.Equal(
            Error(4, 11, "duration", "30d1h is longer than the 30d maximum; shorten the run"),
            SingleError(Replace("duration: 6h", "duration: 30d1h")));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("100001")]
    public void Speed_must_be_more_than_0_and_at_most_100000(string speed)
    {
        Assert.Equal(
            Error(10, 8, "speed", $"speed must be more than 0 and at most 100000 (virtual seconds per real second), not {speed}"),
            SingleError(With($"speed: {speed}")));
    }

    [Theory]
    [InlineData("0.5", 0.5)]
    [InlineData("100000", 100000)]
    public void Speed_accepts_fractions_and_the_maximum(string text, double speed)
    {
        Assert.Equal(speed, Load(With($"speed: {text}")).Speed);
    }

    [Fact]
    public void Speed_must_be_a_number()
    {
        Assert.Equal(Error(10, 8, "speed", "'fast' is not a number"), SingleError(With("speed: fast")));
    }

    [Fact]
    public void Seed_must_be_a_whole_number()
    {
        Assert.Equal(
            Error(10, 7, "seed", "'1.5' is not a whole number between -2147483648 and 2147483647; write e.g. seed: 20191130"),
            SingleError(With("seed: 1.5")));
    }

    [Fact]
    public void Only_format_version_1_is_supported()
    {
        Assert.Equal(
            Error(10, 10, "version", "format version '2' is not supported; this harness reads version 1 (or leave 'version' out)"),
            SingleError(With("version: 2")));
    }

    [Fact]
    public void Unknown_vendor_suggests_the_closest_one()
    {
        Assert.Equal(
            Error(5, 11, "vendors[0]", "unknown vendor 'dexcom-shar' (did you mean 'dexcom-share'?)"),
            SingleError(Replace("vendors: [dexcom-share, nightscout, fcm]", "vendors: [dexcom-shar, nightscout, fcm]")));
    }

    [Fact]
    public void Unknown_vendor_with_nothing_close_lists_the_known_ones()
    {
        Assert.Equal(
            Error(5, 42, "vendors[3]", "unknown vendor 'libre-view'; known vendors: dexcom-share, nightscout, librelinkup, dexcom-api, fcm, apns, twilio, webhook"),
            SingleError(Replace("vendors: [dexcom-share, nightscout, fcm]", "vendors: [dexcom-share, nightscout, fcm, libre-view]")));
    }

    [Fact]
    public void A_vendor_listed_twice_is_rejected()
    {
        Assert.Equal(
            Error(5, 37, "vendors[2]", "'nightscout' is listed twice; list each vendor once"),
            SingleError(Replace("vendors: [dexcom-share, nightscout, fcm]", "vendors: [dexcom-share, nightscout, nightscout, fcm]")));
    }

    [Fact]
    public void Vendors_must_include_a_data_vendor()
    {
        Assert.Equal(
            Error(5, 10, "vendors", "no data vendor in play, so there is no glucose data to follow; add one of dexcom-share, nightscout, librelinkup, dexcom-api"),
            SingleError(Replace("vendors: [dexcom-share, nightscout, fcm]", "vendors: [fcm]")));
    }

    [Fact]
    public void Vendors_must_be_a_list()
    {
        Assert.Equal(
            Error(5, 10, "vendors", "expected a list, e.g. [dexcom-share, nightscout, fcm], found 'dexcom-share'"),
            SingleError(Replace("vendors: [dexcom-share, nightscout, fcm]", "vendors: dexcom-share")));
    }
}
