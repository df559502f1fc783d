using static Scenarios.Tests.Loading.ScenarioYaml;

namespace Scenarios.Tests.Loading;

/// <summary>cohort: generated patients by age group, their followers, sensor and vendors.</summary>
public class CohortValidationTests
{
    [Fact]
    public void A_cohort_alone_is_enough_patients()
    {
        var scenario = Load(Header + "\n" + """
            cohort:
              adults: 6
              children: 4
              followers: 2..4
              sensor: { kind: g7 }
              uploads: [dexcom-share, nightscout]
              follow: [dexcom-share]
            """);

        var cohort = scenario.Cohort!;
        Assert.Empty(scenario.Patients);
        Assert.Equal((6, 0, 4, 10), (cohort.Adults, cohort.Adolescents, cohort.Children, cohort.Count));
        Assert.Equal((2, 4), (cohort.MinFollowers, cohort.MaxFollowers));
        Assert.Equal("g7", cohort.Sensor!.Kind);
        Assert.Equal(["dexcom-share", "nightscout"], cohort.UploadsTo);
        Assert.Equal(["dexcom-share"], cohort.FollowVia);
    }

    [Fact]
    public void A_cohort_defaults_to_every_data_vendor_and_one_to_three_followers()
    {
        var cohort = Load(Header + "\ncohort: { adolescents: 3 }").Cohort!;
        Assert.Equal((1, 3), (cohort.MinFollowers, cohort.MaxFollowers));
        Assert.Equal(["dexcom-share", "nightscout"], cohort.UploadsTo);
        Assert.Equal(cohort.UploadsTo, cohort.FollowVia);
    }

    [Fact]
    public void An_empty_cohort_and_bad_counts_are_reported()
    {
        Assert.Equal(
            Error(6, 9, "cohort", "the cohort has no patients; give at least one of adults, adolescents or children, e.g. adults: 10"),
            SingleError(Header + "\ncohort: { adults: 0 }"));
        Assert.Equal(
            ["2.5 is not a number of patients; write a whole number from 0 to 100000", "'5..1' is not a follower count; write a number or a range from 1 to 10, e.g. followers: 1..3"],
            Errors(Header + "\ncohort: { adults: 2.5, children: 1, followers: 5..1 }").Select(e => e.Message));
    }

    [Fact]
    public void Without_patients_or_a_cohort_the_error_mentions_both()
    {
        Assert.Equal(
            "missing required key 'patients'; add e.g. patients: [{ id: child-1, trace: ..., followers: [parent-1] }] (or a cohort: { adults: 10 })",
            SingleError(Header).Message);
    }
}
