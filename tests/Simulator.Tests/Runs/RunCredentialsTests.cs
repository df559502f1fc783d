using Simulator.Runs;
using Simulator.Tests.Support;

namespace Simulator.Tests.Runs;

public class RunCredentialsTests
{
    [Fact]
    public void The_same_seed_gives_the_same_accounts_and_tokens_and_another_seed_other_ones()
    {
        var scenario = TestScenario.Create();

        var a = new RunCredentials(scenario);
        var b = new RunCredentials(scenario);
        var c = new RunCredentials(scenario with { Seed = scenario.Seed + 1 });

        Assert.Equal(a.Share["child-1"], b.Share["child-1"]);
        Assert.Equal(a.FcmTokens, b.FcmTokens);
        Assert.NotEqual(a.Share["child-1"].Password, c.Share["child-1"].Password);
        Assert.NotEqual(a.FcmTokens[("child-1", "parent-1")], c.FcmTokens[("child-1", "parent-1")]);
        Assert.NotEqual(a.FcmTokens[("child-1", "parent-1")], a.FcmTokens[("child-1", "parent-2")]);
        Assert.True(a.Nightscout["child-1"].ApiSecret.Length >= 12, "Nightscout refuses API secrets shorter than 12 characters");
    }
}
