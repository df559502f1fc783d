using ReferenceSystem.Tests.Support;

namespace ReferenceSystem.Tests.Follow;

public class FollowJobTests
{
    [Theory]
    [InlineData("naive")]
    [InlineData("resilient")]
    public async Task Following_starts_by_checking_each_followers_push_token_without_delivering_anything(string profile)
    {
        await using var scenario = await FollowScenario.StartAsync();
        var t0 = scenario.Clock.Now;
        scenario.Share.AddSeries(t0 - TimeSpan.FromMinutes(30), t0, _ => 120);

        await scenario.FollowAsync(scenario.Body(profile, followers: 2));
        await Eventually.UntilAsync(() => scenario.Fcm.Validated.Count >= 2, "a validate_only check per follower");
        await Eventually.UntilAsync(() => scenario.Share.SuccessfulReads >= 1, "polling after the check");

        Assert.Equal(["parent-1", "parent-2"], scenario.Fcm.Validated.Select(p => p.Follower).Order());
        Assert.All(scenario.Fcm.Validated, p => Assert.Equal(FakeFcm.ProjectId, p.Path.Split('/')[3]));
        Assert.Empty(scenario.Fcm.Delivered);
    }
}
