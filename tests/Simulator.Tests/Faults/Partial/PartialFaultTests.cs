using Scenarios.Model;
using Simulator.Journal;
using Simulator.Tests.Support;
using Simulator.Time;

namespace Simulator.Tests.Faults.Partial;

/// <summary>
/// A partial fault is any request fault with a <c>where:</c>: it reaches only some accounts, user agents or platforms
/// ("a less common issue where some users could not log in", Dexcom 2019; "iOS only", LibreLink UK 2023).
/// </summary>
public sealed class PartialFaultTests
{
    private static readonly DateTimeOffset At = Rig.T0.AddHours(1);

    private static FaultSpec Outage(string vendor, string? endpoint, RequestFaultFilter where) =>
        Rig.Fault(vendor, endpoint, At, new OutageFaultOptions { StatusCode = 503, Where = where });

    private const string ShareIosApp = "Dexcom Share/3.0.2.11 CFNetwork/711.2.23 Darwin/14.0.0";
    private const string Pydexcom = "python-requests/2.31.0";

    [Fact]
    public async Task Only_the_listed_nightscout_site_fails()
    {
        using var nightscout = new NightscoutHarness(new ManualClock(At), ["child-1", "child-2"], seed: 7,
            Outage("nightscout", "read", new RequestFaultFilter { Accounts = ["child-2"] }));

        using var healthy = await nightscout.ReadAsync("child-1");
        using var failing = await nightscout.ReadAsync("child-2");

        Assert.Equal(200, (int)healthy.StatusCode);
        Assert.Equal(503, (int)failing.StatusCode);
        Assert.Equal("""{"status":503,"message":"Internal Server Error"}""", await failing.Content.ReadAsStringAsync());
        await Eventually.UntilAsync(() => nightscout.Journal.OfType<RequestServed>().Count == 2, "both reads journaled");
        Assert.Equal([null, "outage"], nightscout.Journal.OfType<RequestServed>().Select(r => r.Fault));
    }

    [Fact]
    public async Task A_share_account_is_known_by_its_login_body_and_by_its_session()
    {
        using var share = new ShareHarness(new ManualClock(At),
            Outage("dexcom-share", null, new RequestFaultFilter { Accounts = [ShareHarness.Account.Patient] }));
        using var otherShare = new ShareHarness(new ManualClock(At),
            Outage("dexcom-share", null, new RequestFaultFilter { Accounts = ["child-9"] }));

        using var login = await share.AuthenticateAsync(ShareHarness.Account.AccountName, ShareHarness.Account.Password);
        var session = await otherShare.LoginAsync();
        using var read = await otherShare.ReadAsync(session);

        Assert.Equal(503, (int)login.StatusCode);
        Assert.Equal(200, (int)read.StatusCode);
    }

    [Fact]
    public async Task Only_requests_from_the_listed_user_agents_or_platforms_fail()
    {
        using var byAgent = new NightscoutHarness(new ManualClock(At), Outage("nightscout", null, new RequestFaultFilter { UserAgents = ["python-requests"] }));
        using var byPlatform = new NightscoutHarness(new ManualClock(At), Outage("nightscout", null, new RequestFaultFilter { Platforms = [ClientPlatform.Ios] }));

        async Task<(int, int)> Statuses(NightscoutHarness harness)
        {
            using var python = await harness.ReadAsync(userAgent: Pydexcom);
            using var ios = await harness.ReadAsync(userAgent: ShareIosApp);
            return ((int)python.StatusCode, (int)ios.StatusCode);
        }

        Assert.Equal((503, 200), await Statuses(byAgent));
        Assert.Equal((200, 503), await Statuses(byPlatform));
    }

    [Fact]
    public async Task A_ratio_picks_a_seeded_share_of_sites_each_in_or_out_for_the_whole_run()
    {
        var sites = Enumerable.Range(1, 40).Select(i => $"child-{i}").ToList();

        async Task<List<string>> FailingSites(int seed)
        {
            using var nightscout = new NightscoutHarness(new ManualClock(At), sites, seed, Outage("nightscout", "read", new RequestFaultFilter { Ratio = 0.3 }));
            var failing = new List<string>();
            foreach (var site in sites)
            {
                using var first = await nightscout.ReadAsync(site);
                using var again = await nightscout.ReadAsync(site);
                Assert.Equal(first.StatusCode, again.StatusCode);
                if ((int)first.StatusCode == 503) failing.Add(site);
            }
            return failing;
        }

        var failing = await FailingSites(seed: 11);

        Assert.InRange(failing.Count, 5, 20);
        Assert.Equal(failing, await FailingSites(seed: 11));
        Assert.NotEqual(failing, await FailingSites(seed: 12));
    }

    [Fact]
    public async Task A_partial_fault_starts_and_ends_on_the_virtual_clock_at_speed_1()
    {
        var clock = new VirtualClock(Rig.T0, speed: 1);
        var (at, until) = WindowProbe.Window(Rig.T0);
        using var nightscout = new NightscoutHarness(clock, ["child-1", "child-2"], seed: 7,
            Rig.Fault("nightscout", "read", at, until, new OutageFaultOptions { Where = new RequestFaultFilter { Accounts = ["child-2"] } }));

        await WindowProbe.AssertFollowsWindowAsync(clock, nightscout.Journal, "outage", async () =>
        {
            using var response = await nightscout.ReadAsync("child-2");
        });
    }
}
