using Scenarios.Model;
using static Scenarios.Tests.Loading.Faults.FaultYaml;
using static Scenarios.Tests.Loading.ScenarioYaml;

namespace Scenarios.Tests.Loading.Faults;

/// <summary>The <c>where:</c> filter any request fault can carry, which makes it a partial fault.</summary>
public class WhereFilterParserTests
{
    private static RequestFaultFilter Where(string where, string kind = "outage", string target = "dexcom-share/read") =>
        Assert.IsAssignableFrom<RequestFaultOptions>(Assert.Single(Load(Fault(kind, $"    where: {where}", target)).Faults).Options).Where!;

    [Fact]
    public void Reads_accounts_user_agents_platforms_and_ratio()
    {
        var where = Where("{ accounts: [child-1, child-2], userAgents: [python-requests], platforms: [ios, android], ratio: 0.3 }");

        Assert.Equal(["child-1", "child-2"], where.Accounts);
        Assert.Equal(["python-requests"], where.UserAgents);
        Assert.Equal([ClientPlatform.Ios, ClientPlatform.Android], where.Platforms);
        Assert.Equal(0.3, where.Ratio);
    }

    [Theory]
    [InlineData("latency", "dexcom-share/read", "    delay: 5s")]
    [InlineData("stale", "nightscout", "")]
    [InlineData("auth", "dexcom-share/login", "    mode: login-fails")]
    [InlineData("rate-limit", "dexcom-share", "")]
    [InlineData("flapping", "nightscout", "    up: 1m\n    down: 1m")]
    [InlineData("push-failure", "fcm", "")]
    public void Every_request_fault_can_carry_it(string kind, string target, string options)
    {
        var fault = Assert.Single(Load(Fault(kind, $"{options}\n    where: {{ accounts: [child-1] }}".TrimStart('\n'), target)).Faults);

        Assert.Equal(["child-1"], Assert.IsAssignableFrom<RequestFaultOptions>(fault.Options).Where!.Accounts);
    }

    [Fact]
    public void A_backlog_cannot_be_partial()
    {
        var error = SingleError(Fault("backlog", "    where: { accounts: [child-1] }"));

        // The tail lists the backlog's own options, which are the backlog parser's business.
        Assert.Equal((15, 5, "faults[0].where"), (error.Line, error.Column, error.Field));
        Assert.StartsWith(
            "'where' is not an option of backlog faults (it belongs to outage and latency and stale and auth and rate-limit and flapping and push-failure faults); backlog faults take ",
            error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_where_is_rejected()
    {
        Assert.Equal(
            Error(15, 12, "faults[0].where", "where needs at least one of accounts, userAgents, platforms or ratio; without one, leave where out and the fault reaches every request"),
            SingleError(Fault("outage", "    where: {}")));
    }

    [Fact]
    public void Ratio_must_be_more_than_0_and_at_most_1()
    {
        Assert.Equal(
            Error(15, 21, "faults[0].where.ratio", "where.ratio is the share of clients the fault reaches, so it must be more than 0 and at most 1, not 0"),
            SingleError(Fault("outage", "    where: { ratio: 0 }")));
    }

    [Fact]
    public void Misspelt_platform_gets_a_suggestion()
    {
        Assert.Equal(
            Error(15, 26, "faults[0].where.platforms[0]", "unknown platform 'iso' (did you mean 'ios'?)"),
            SingleError(Fault("outage", "    where: { platforms: [iso] }")));
    }

    [Fact]
    public void Misspelt_filter_key_gets_a_suggestion()
    {
        Assert.Equal(
            Error(15, 14, "faults[0].where.account", "unknown key 'account' (did you mean 'accounts'?)"),
            SingleError(Fault("outage", "    where: { account: [child-1] }")));
    }

    [Fact]
    public void Accounts_must_be_a_list()
    {
        Assert.Equal(
            Error(15, 24, "faults[0].where.accounts", "expected a list, e.g. accounts: [child-1], found 'child-1'"),
            SingleError(Fault("outage", "    where: { accounts: child-1 }")));
    }
}
