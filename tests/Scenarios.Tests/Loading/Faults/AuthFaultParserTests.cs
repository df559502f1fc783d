using Scenarios.Model;
using static Scenarios.Tests.Loading.Faults.FaultYaml;
using static Scenarios.Tests.Loading.ScenarioYaml;

namespace Scenarios.Tests.Loading.Faults;

public class AuthFaultParserTests
{
    private static AuthFaultOptions Options(string options, string target = "dexcom-share") =>
        Assert.IsType<AuthFaultOptions>(Assert.Single(Load(Fault("auth", options, target)).Faults).Options);

    [Theory]
    [InlineData("login-fails", AuthMode.LoginFails, "dexcom-share/login")]
    [InlineData("login-fails", AuthMode.LoginFails, "nightscout")]
    [InlineData("login-fails", AuthMode.LoginFails, "fcm")]
    [InlineData("sessions-revoked", AuthMode.SessionsRevoked, "dexcom-share/read")]
    [InlineData("zero-session", AuthMode.ZeroSession, "dexcom-share")]
    public void Reads_each_mode(string mode, AuthMode expected, string target)
    {
        Assert.Equal(new AuthFaultOptions { Mode = expected }, Options($"    mode: {mode}", target));
    }

    [Fact]
    public void A_revoked_session_may_get_session_not_valid()
    {
        Assert.Equal(ShareSessionError.SessionNotValid, Options("    mode: sessions-revoked\n    error: SessionNotValid").SessionError);
    }

    [Fact]
    public void Mode_is_required()
    {
        Assert.Equal(
            Error(11, 5, "faults[0].mode", "missing required key 'mode'; add e.g. mode: login-fails (or sessions-revoked, zero-session)"),
            SingleError(Fault("auth", "")));
    }

    [Fact]
    public void Misspelt_mode_gets_a_suggestion()
    {
        Assert.Equal(
            Error(15, 11, "faults[0].mode", "unknown auth mode 'login-fail' (did you mean 'login-fails'?)"),
            SingleError(Fault("auth", "    mode: login-fail")));
    }

    [Fact]
    public void Error_goes_only_with_sessions_revoked()
    {
        Assert.Equal(
            Error(16, 12, "faults[0].error", "error names the Share error a revoked session gets, so it goes with mode: sessions-revoked"),
            SingleError(Fault("auth", "    mode: login-fails\n    error: SessionNotValid", "dexcom-share")));
    }

    [Fact]
    public void Unknown_session_error_lists_what_share_answers()
    {
        Assert.Equal(
            Error(16, 12, "faults[0].error", "unknown session error 'Expired'; Share answers: SessionIdNotFound, SessionNotValid"),
            SingleError(Fault("auth", "    mode: sessions-revoked\n    error: Expired")));
    }

    [Fact]
    public void Sessions_exist_only_on_share()
    {
        Assert.Equal(
            Error(11, 13, "faults[0].target", "sessions-revoked needs a vendor with login sessions (dexcom-share); nightscout checks credentials on every request, so use mode: login-fails"),
            SingleError(Fault("auth", "    mode: sessions-revoked", "nightscout")));
    }

    [Fact]
    public void Share_login_failures_aim_at_the_login_endpoint()
    {
        Assert.Equal(
            Error(11, 13, "faults[0].target", "Share logins go to dexcom-share/login, so aim login-fails at dexcom-share or dexcom-share/login, not 'dexcom-share/read'"),
            SingleError(Fault("auth", "    mode: login-fails", "dexcom-share/read")));
    }

    [Fact]
    public void Revoked_sessions_are_rejected_where_they_are_used()
    {
        Assert.Equal(
            Error(11, 13, "faults[0].target", "sessions-revoked rejects sessions where they are used, so aim it at dexcom-share, dexcom-share/read or dexcom-share/upload, not 'dexcom-share/login'"),
            SingleError(Fault("auth", "    mode: sessions-revoked", "dexcom-share/login")));
    }

    [Fact]
    public void The_zero_session_comes_from_the_login()
    {
        Assert.Equal(
            Error(11, 13, "faults[0].target", "zero-session changes what Share's login answers, so aim it at dexcom-share/login, or at dexcom-share to also answer reads made with the zero session (200, empty body), not 'dexcom-share/upload'"),
            SingleError(Fault("auth", "    mode: zero-session", "dexcom-share/upload")));
    }
}
