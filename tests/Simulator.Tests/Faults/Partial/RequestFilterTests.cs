using Scenarios.Model;
using Simulator.Faults.Partial;

namespace Simulator.Tests.Faults.Partial;

public sealed class RequestFilterTests
{
    [Theory]
    [InlineData("Dexcom Share/3.0.2.11 CFNetwork/711.2.23 Darwin/14.0.0", ClientPlatform.Ios)]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)", ClientPlatform.Ios)]
    [InlineData("okhttp/4.12.0", ClientPlatform.Android)]
    [InlineData("Dalvik/2.1.0 (Linux; U; Android 14; Pixel 8)", ClientPlatform.Android)]
    [InlineData("Mozilla/5.0 (Linux; Android 14) Chrome/120", ClientPlatform.Android)]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0", ClientPlatform.Web)]
    [InlineData("python-requests/2.31.0", null)]
    [InlineData("", null)]
    public void A_user_agent_betrays_its_platform(string userAgent, ClientPlatform? platform)
    {
        Assert.Equal(platform, ClientPlatforms.FromUserAgent(userAgent));
    }

    private static RequestIdentity Client(string? account, string userAgent = "okhttp/4.12.0") =>
        new(account, userAgent, ClientPlatforms.FromUserAgent(userAgent));

    [Fact]
    public void Every_criterion_given_must_hold()
    {
        var filter = new RequestFilter(new RequestFaultFilter { Accounts = ["child-1"], Platforms = [ClientPlatform.Android] }, "7/0");

        Assert.True(filter.Matches(Client("child-1")));
        Assert.False(filter.Matches(Client("child-2")));
        Assert.False(filter.Matches(Client(null)));
        Assert.False(filter.Matches(Client("child-1", "Darwin/14.0.0")));
    }

    [Fact]
    public void No_where_matches_everyone()
    {
        Assert.True(RequestFilter.Everyone.Matches(Client(null, "")));
    }

    [Fact]
    public void A_ratio_draws_each_client_once_from_the_seed_and_the_faults_position()
    {
        var where = new RequestFaultFilter { Ratio = 0.25 };
        var clients = Enumerable.Range(0, 4000).Select(i => Client($"p{i}")).ToList();
        List<bool> Draw(string salt) { var f = new RequestFilter(where, salt); return [.. clients.Select(f.Matches)]; }

        var picked = Draw("7/0");

        Assert.InRange(picked.Count(p => p), 900, 1100);
        Assert.Equal(picked, Draw("7/0"));
        Assert.NotEqual(picked, Draw("7/1"));
        Assert.NotEqual(picked, Draw("8/0"));
    }
}
