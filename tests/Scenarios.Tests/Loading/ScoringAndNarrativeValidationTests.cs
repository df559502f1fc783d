using Scenarios.Model;
using static Scenarios.Tests.Loading.ScenarioYaml;

namespace Scenarios.Tests.Loading;

public class ScoringAndNarrativeValidationTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Scoring_keys_are_optional_and_default_individually()
    {
        var scoring = Load(With("scoring: { staleAfter: 20m }")).Scoring;

        Assert.Equal(new ScoringSpec { StaleAfter = TimeSpan.FromMinutes(20) }, scoring);
    }

    [Fact]
    public void On_time_must_be_shorter_than_missed_after()
    {
        Assert.Equal(
            Error(10, 20, "scoring.onTime", "onTime (45m) must be shorter than missedAfter (30m): a delivery cannot be both on time and too late"),
            SingleError(With("scoring: { onTime: 45m }")));
    }

    [Fact]
    public void Missed_after_below_the_default_on_time_is_reported_at_missed_after()
    {
        Assert.Equal(
            Error(10, 25, "scoring.missedAfter", "onTime (5m) must be shorter than missedAfter (2m): a delivery cannot be both on time and too late"),
            SingleError(With("scoring: { missedAfter: 2m }")));
    }

    [Fact]
    public void Scoring_durations_must_be_longer_than_zero()
    {
        Assert.Equal(
            Error(10, 25, "scoring.burstWindow", "burstWindow must be longer than 0"),
            SingleError(With("scoring: { burstWindow: 0 }")));
    }

    [Fact]
    public void Unknown_scoring_key_gets_a_suggestion()
    {
        Assert.Equal(
            Error(10, 12, "scoring.ontime", "unknown key 'ontime' (did you mean 'onTime'?)"),
            SingleError(With("scoring: { ontime: 4m }")));
    }

    [Fact]
    public void Narrative_at_may_be_an_offset_or_an_instant()
    {
        var narrative = Load(With("""
            narrative:
              - { at: 2024-01-01T02:00:00+01:00, text: first }
              - { at: 6h, text: at the very end }
            """)).Narrative;

        Assert.Equal([new NarrativeEntry(Start.AddHours(1), "first"), new NarrativeEntry(Start.AddHours(6), "at the very end")], narrative);
    }

    [Fact]
    public void Narrative_outside_the_run_is_rejected()
    {
        Assert.Equal(
            Error(11, 11, "narrative[0].at", "2024-01-01T07:00:00Z is outside the run (2024-01-01T00:00:00Z to 2024-01-01T06:00:00Z), so no timeline can show it; move it inside or widen the run"),
            SingleError(With("narrative:\n  - { at: 7h, text: too late }")));
    }

    [Fact]
    public void Narrative_needs_at_and_text()
    {
        Assert.Equal(
            [
                Error(11, 5, "narrative[0].text", "missing required key 'text'; add e.g. text: \"Dexcom posts a notice\""),
                Error(12, 5, "narrative[1].at", "missing required key 'at'; add e.g. at: 3h"),
            ],
            Errors(With("narrative:\n  - { at: 1h }\n  - { text: hello }")));
    }
}
