using Scenarios.Model;
using Simulator.Journal;
using Simulator.Tests.Support;
using Simulator.Tests.Vendors.Fcm;
using Simulator.Time;

namespace Simulator.Tests.Faults.Auth;

/// <summary>Authentication breaking the three ways it has in real incidents, each in the vendor's own words.</summary>
public sealed class AuthFaultTests
{
    private static readonly DateTimeOffset At = Rig.T0.AddHours(1);
    private static readonly DateTimeOffset Until = At.AddHours(1);

    private static FaultSpec Auth(string vendor, string? endpoint, AuthFaultOptions options) => Rig.Fault(vendor, endpoint, At, Until, options);

    [Fact]
    public async Task Share_logins_fail_as_a_wrong_password_while_open_sessions_keep_reading()
    {
        var clock = new ManualClock(At.AddTicks(-1));
        using var share = new ShareHarness(clock, Auth("dexcom-share", null, new AuthFaultOptions { Mode = AuthMode.LoginFails }));
        var session = await share.LoginAsync();
        clock.Set(At);

        using var authenticate = await share.AuthenticateAsync(ShareHarness.Account.AccountName, ShareHarness.Account.Password);
        using var byId = await share.LoginByIdAsync(ShareHarness.Account.AccountId.ToString(), ShareHarness.Account.Password);
        using var read = await share.ReadAsync(session);

        foreach (var refused in new[] { authenticate, byId })
        {
            Assert.Equal(500, (int)refused.StatusCode);
            Assert.Equal("application/json", refused.Content.Headers.ContentType?.MediaType);
            var error = await refused.JsonAsync();
            Assert.Equal(("AccountPasswordInvalid", "Publisher account password failed"), (error.Str("Code"), error.Str("Message")));
        }
        Assert.Equal(200, (int)read.StatusCode);
        await Eventually.UntilAsync(() => share.Journal.OfType<RequestServed>().Count == 5, "five journaled requests");
        Assert.Equal([null, null, "auth", "auth", null], share.Journal.OfType<RequestServed>().Select(r => r.Fault));
    }

    [Fact]
    public async Task Share_sessions_opened_before_the_window_are_revoked_for_good_new_ones_work()
    {
        var clock = new ManualClock(At.AddMinutes(-10));
        using var share = new ShareHarness(clock, Auth("dexcom-share", "read", new AuthFaultOptions { Mode = AuthMode.SessionsRevoked }));
        var used = await share.LoginAsync();
        var unused = await share.LoginAsync();

        async Task<int> ReadAt(DateTimeOffset t, string session)
        {
            clock.Set(t);
            using var response = await share.ReadAsync(session);
            return (int)response.StatusCode;
        }

        Assert.Equal(200, await ReadAt(At.AddTicks(-1), used));
        clock.Set(At);
        using (var revoked = await share.ReadAsync(used))
        {
            Assert.Equal(500, (int)revoked.StatusCode);
            var error = await revoked.JsonAsync();
            Assert.Equal("SessionIdNotFound", error.Str("Code"));
            Assert.Equal($"Failed to find session object. [SessionId = {used}]", error.Str("Message"));
        }
        var fresh = await share.LoginAsync();
        Assert.Equal(200, await ReadAt(At.AddMinutes(1), fresh));
        Assert.Equal(500, await ReadAt(Until.AddTicks(-1), unused));
        Assert.Equal(500, await ReadAt(Until, used));
        var other = await LoginAtAsync(share, clock, At.AddMinutes(-1));
        Assert.Equal(200, await ReadAt(Until, other));
    }

    private static async Task<string> LoginAtAsync(ShareHarness share, ManualClock clock, DateTimeOffset t)
    {
        var now = clock.GetUtcNow();
        clock.Set(t);
        var session = await share.LoginAsync();
        clock.Set(now);
        return session;
    }

    [Fact]
    public async Task A_revoked_share_session_may_get_session_not_valid()
    {
        var clock = new ManualClock(At.AddMinutes(-1));
        using var share = new ShareHarness(clock, Auth("dexcom-share", null, new AuthFaultOptions { Mode = AuthMode.SessionsRevoked, SessionError = ShareSessionError.SessionNotValid }));
        var session = await share.LoginAsync();
        clock.Set(At);

        using var response = await share.ReadAsync(session);

        Assert.Equal(500, (int)response.StatusCode);
        var error = await response.JsonAsync();
        Assert.Equal(("SessionNotValid", $"Session not active or timed out. [SessionId = {session}]"), (error.Str("Code"), error.Str("Message")));
    }

    [Fact]
    public async Task Share_logins_answer_the_all_zeros_session_whatever_the_password_and_reads_with_it_come_back_empty()
    {
        using var share = new ShareHarness(new ManualClock(At), Auth("dexcom-share", null, new AuthFaultOptions { Mode = AuthMode.ZeroSession }));

        using var byId = await share.LoginByIdAsync(ShareHarness.Account.AccountId.ToString(), "not-the-password");
        using var byName = await share.LoginByNameAsync(ShareHarness.Account.AccountName, ShareHarness.Account.Password);
        using var read = await share.ReadAsync(AuthFaultOptions.ZeroSessionId);

        foreach (var login in new[] { byId, byName })
        {
            Assert.Equal(200, (int)login.StatusCode);
            Assert.Equal("\"00000000-0000-0000-0000-000000000000\"", await login.Content.ReadAsStringAsync());
        }
        Assert.Equal(200, (int)read.StatusCode);
        Assert.Equal("application/json", read.Content.Headers.ContentType?.MediaType);
        Assert.Equal("", await read.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Nightscout_refuses_its_api_secret_but_still_serves_anonymous_reads()
    {
        using var nightscout = new NightscoutHarness(new ManualClock(At), Auth("nightscout", null, new AuthFaultOptions { Mode = AuthMode.LoginFails }));

        using var upload = await nightscout.UploadAsync("child-1", At, 100);
        using var secretRead = await nightscout.ReadAsync(withSecret: true);
        using var anonymous = await nightscout.ReadAsync();

        foreach (var refused in new[] { upload, secretRead })
        {
            Assert.Equal(401, (int)refused.StatusCode);
            Assert.Equal("""{"status":401,"message":"Unauthorized","description":"Invalid/Missing"}""", await refused.Content.ReadAsStringAsync());
        }
        Assert.Equal(200, (int)anonymous.StatusCode);
        Assert.Empty(nightscout.Journal.OfType<ReadingAccepted>());
    }

    [Fact]
    public async Task Fcm_refuses_the_senders_credentials()
    {
        using var fcm = new FcmHarness(new ManualClock(At), Auth("fcm", null, new AuthFaultOptions { Mode = AuthMode.LoginFails }));

        using var response = await fcm.SendAsync(FcmHarness.Alert());

        // What a revoked OAuth token gets: UNAUTHENTICATED with no FcmError detail, and the OAuth challenge.
        Assert.Equal(401, (int)response.StatusCode);
        var error = (await response.JsonAsync()).GetProperty("error");
        Assert.Equal("UNAUTHENTICATED", error.GetProperty("status").GetString());
        Assert.False(error.TryGetProperty("details", out _));
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Empty(fcm.Journal.OfType<PushReceived>());
    }

    [Fact]
    public async Task Login_failures_start_and_end_on_the_virtual_clock_at_speed_1()
    {
        var clock = new VirtualClock(Rig.T0, speed: 1);
        var (at, until) = WindowProbe.Window(Rig.T0);
        using var share = new ShareHarness(clock, Rig.Fault("dexcom-share", "login", at, until, new AuthFaultOptions { Mode = AuthMode.LoginFails }));

        await WindowProbe.AssertFollowsWindowAsync(clock, share.Journal, "auth", async () =>
        {
            using var response = await share.AuthenticateAsync(ShareHarness.Account.AccountName, ShareHarness.Account.Password);
        });
    }
}
