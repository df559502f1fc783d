using Scenarios.Model;
using Simulator.Glucose.Generation;
using Simulator.Runs;
using Simulator.Tests.Support;

namespace Simulator.Tests.Glucose.Generation;

public class ScenarioPopulationTests
{
    private static Scenario WithCohort(int seed = 7) => TestScenario.Create(TimeSpan.FromHours(6)) with
    {
        Seed = seed,
        Cohort = new CohortSpec
        {
            Adults = 3,
            Children = 2,
            MinFollowers = 2,
            MaxFollowers = 2,
            UploadsTo = [VendorIds.DexcomShare],
            FollowVia = [VendorIds.DexcomShare],
        },
    };

    [Fact]
    public void A_cohort_becomes_virtual_patients_with_named_followers_beside_the_written_ones()
    {
        var population = ScenarioPopulation.Expand(WithCohort());
        var patients = population.Scenario.Patients;

        Assert.Equal(6, patients.Count);
        Assert.Equal("child-1", patients[0].Id);
        var generated = patients.Skip(1).ToList();
        Assert.Equal(2, generated.Count(p => ((UvaPadovaTraceSpec)p.Trace).Patient.StartsWith("child#", StringComparison.Ordinal)));
        Assert.Equal(3, generated.Count(p => ((UvaPadovaTraceSpec)p.Trace).Patient.StartsWith("adult#", StringComparison.Ordinal)));
        Assert.All(generated, p => Assert.Equal(2, p.Followers.Count));
        Assert.All(generated, p => Assert.Equal("g6", p.Sensor!.Kind));   // a cohort wears a realistic sensor by default
        Assert.All(generated, p => Assert.Equal([VendorIds.DexcomShare], p.FollowVia));
        Assert.Equal(generated.Count, generated.Select(p => p.Id).Distinct().Count());
        Assert.Equal(generated.Select(p => p.Id).Order(), population.Lives.Keys.Order());
    }

    [Fact]
    public void Generated_followers_phones_carry_their_own_device_tokens_into_the_run()
    {
        var population = ScenarioPopulation.Expand(WithCohort());
        var credentials = new RunCredentials(population.Scenario, population.DeviceTokens);

        var member = population.Cohort!.Members[0];
        foreach (var follower in member.Followers)
            Assert.Equal(follower.DeviceToken, credentials.FcmTokens[(member.Id, follower.Id)]);
        Assert.StartsWith("fcm-parent-1-", credentials.FcmTokens[("child-1", "parent-1")], StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_people_log_in_to_share_under_their_own_names()
    {
        var population = ScenarioPopulation.Expand(WithCohort());
        var credentials = new RunCredentials(population.Scenario, population.DeviceTokens, population.AccountNames);

        var member = population.Cohort!.Members[2];
        var account = credentials.Share[member.Id].AccountName;
        Assert.Matches("^[a-z]+\\.[a-z]+\\.3$", account);
        Assert.StartsWith(new string([.. member.Person.FirstName.Where(char.IsAsciiLetter).Select(char.ToLowerInvariant)]), account, StringComparison.Ordinal);
        Assert.Equal("child-1", credentials.Share["child-1"].AccountName);   // written patients keep their id
        Assert.Equal(credentials.Share.Count, credentials.Share.Values.Select(a => a.AccountName).Distinct().Count());
    }

    [Fact]
    public void The_cohort_follows_the_scenario_seed()
    {
        string Names(int seed) => string.Join(",", ScenarioPopulation.Expand(WithCohort(seed)).Cohort!.Members.Select(m => $"{m.Id}:{m.Person.FirstName}"));

        Assert.Equal(Names(3), Names(3));
        Assert.NotEqual(Names(3), Names(4));
    }

    [Fact]
    public void Without_a_cohort_the_scenario_is_unchanged()
    {
        var scenario = TestScenario.Create();
        Assert.Same(scenario, ScenarioPopulation.Expand(scenario).Scenario);
    }
}
