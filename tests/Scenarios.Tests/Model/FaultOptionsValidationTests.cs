using Scenarios.Model;

namespace Scenarios.Tests.Model;

/// <summary>
/// Options built in code are checked by the options records themselves: every message names the key to change and how.
/// The scenario loader reports the same messages at the key's line (see Loading/Faults).
/// </summary>
public class FaultOptionsValidationTests
{
    private static FaultOptionError Single(FaultOptions options) => Assert.Single(options.Validate());

    [Fact]
    public void Valid_defaults_have_nothing_to_say()
    {
        Assert.Empty(new OutageFaultOptions().Validate());
        Assert.Empty(new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(1) }.Validate());
        Assert.Empty(new StaleFaultOptions().Validate());
        Assert.Empty(new AuthFaultOptions().Validate());
        Assert.Empty(new RateLimitFaultOptions().Validate());
        Assert.Empty(new FlappingFaultOptions().Validate());
        Assert.Empty(new PushFailureFaultOptions().Validate());
    }

    [Theory]
    [InlineData(OutageResponse.Status, 302, "response", "302 is not an error status; use an HTTP status 400..599 (e.g. 503), reset, timeout, empty or malformed")]
    [InlineData(OutageResponse.Empty, 600, "status", "an empty answer needs an HTTP status 200..599 (default 200), not 600")]
    [InlineData(OutageResponse.Malformed, 304, "status", "a malformed answer needs a status that carries a body: 200..599 other than 204, 205 and 304 (default 200), not 304")]
    public void Outage_answers_need_a_fitting_status(OutageResponse response, int status, string key, string message)
    {
        Assert.Equal(new FaultOptionError(key, message), Single(new OutageFaultOptions { Response = response, StatusCode = status }));
    }

    [Fact]
    public void Outage_ratio_is_a_share()
    {
        Assert.Equal(
            new FaultOptionError("ratio", "ratio is the share of requests that fail, so it must be more than 0 and at most 1, not 1.5"),
            Single(new OutageFaultOptions { Ratio = 1.5 }));
    }

    [Fact]
    public void Latency_messages_name_the_key_of_each_distribution()
    {
        Assert.Equal(
            new FaultOptionError("delay", "a latency fault needs a delay longer than 0, e.g. delay: 30s"),
            Single(new LatencyFaultOptions()));
        Assert.Equal(
            new FaultOptionError("delay.min", "min must be 0s or longer, not -5s"),
            Single(new LatencyFaultOptions { Distribution = LatencyDistribution.Uniform, Delay = TimeSpan.FromSeconds(-5), MaxDelay = TimeSpan.FromSeconds(5) }));
        Assert.Equal(
            new FaultOptionError("delay.max", "max (5s) must be longer than min (2m); for a fixed delay write delay: 2m"),
            Single(new LatencyFaultOptions { Distribution = LatencyDistribution.Uniform, Delay = TimeSpan.FromMinutes(2), MaxDelay = TimeSpan.FromSeconds(5) }));
        Assert.Equal(
            [
                new FaultOptionError("delay.median", "the median delay must be longer than 0, e.g. median: 2s, not 0s"),
                new FaultOptionError("delay.sigma", "sigma (the spread of ln(delay)) must be more than 0 and at most 3, not 4; for the same delay every time write delay: 0s"),
            ],
            new LatencyFaultOptions { Distribution = LatencyDistribution.Lognormal, Sigma = 4 }.Validate());
        Assert.Equal(
            new FaultOptionError("dribble", "dribble is the body's pace in bytes per virtual second, so it must be more than 0, e.g. dribble: 64/s, not -1"),
            Single(new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(1), DribbleBytesPerSecond = -1 }));
    }

    [Fact]
    public void A_dribble_needs_no_delay()
    {
        Assert.Empty(new LatencyFaultOptions { DribbleBytesPerSecond = 16 }.Validate());
    }

    [Fact]
    public void Stale_interval_must_be_positive()
    {
        Assert.Equal(
            new FaultOptionError("interval", "interval is how far apart the re-stamped readings look, so it must be longer than 0, e.g. interval: 5m, not 0s"),
            Single(new StaleFaultOptions { Interval = TimeSpan.Zero }));
    }

    [Fact]
    public void Auth_modes_must_be_known()
    {
        Assert.Equal(
            [
                new FaultOptionError("mode", "unknown auth mode 9; use login-fails, sessions-revoked or zero-session"),
                new FaultOptionError("error", "unknown session error 7; use SessionIdNotFound or SessionNotValid"),
            ],
            new AuthFaultOptions { Mode = (AuthMode)9, SessionError = (ShareSessionError)7 }.Validate());
    }

    [Fact]
    public void Rate_limit_messages()
    {
        Assert.Equal(
            [
                new FaultOptionError("limit", "limit must allow at least 1 request per window, e.g. limit: 60/min, not 0; to refuse every request leave limit out"),
                new FaultOptionError("limit", "the rate window must be longer than 0, e.g. limit: 60/min, not 0s"),
                new FaultOptionError("retryAfter", "Retry-After is sent in whole seconds, 0 or more, so write e.g. retryAfter: 30s, not 1.5s"),
            ],
            new RateLimitFaultOptions { Limit = 0, Window = TimeSpan.Zero, RetryAfter = TimeSpan.FromSeconds(1.5) }.Validate());
    }

    [Fact]
    public void Flapping_messages()
    {
        Assert.Equal(
            [
                new FaultOptionError("up", "up is how long service lasts between failures, so it must be longer than 0, e.g. up: 10m, not 0s"),
                new FaultOptionError("jitter", "jitter must be 0s or longer, not -1s"),
            ],
            new FlappingFaultOptions { Up = TimeSpan.Zero, Jitter = TimeSpan.FromSeconds(-1) }.Validate());
        Assert.Equal(
            new FaultOptionError("jitter", "jitter (2m) must be shorter than both up (10m) and down (2m), so no phase shrinks to nothing"),
            Single(new FlappingFaultOptions { Jitter = TimeSpan.FromMinutes(2) }));
    }

    [Fact]
    public void Push_failure_checks_the_answer_only_when_it_fails()
    {
        Assert.Empty(new PushFailureFaultOptions { Mode = PushFailureMode.Drop, StatusCode = 200 }.Validate());
        Assert.Equal(
            new FaultOptionError("response", "200 is not an error status; use an HTTP status 400..599 (e.g. 503), reset, timeout, empty or malformed"),
            Single(new PushFailureFaultOptions { Mode = PushFailureMode.Fail, StatusCode = 200 }));
        Assert.Equal(
            new FaultOptionError("ratio", "ratio is the share of messages that are lost, so it must be more than 0 and at most 1, not 0"),
            Single(new PushFailureFaultOptions { Ratio = 0 }));
    }

    [Fact]
    public void Where_filter_messages()
    {
        Assert.Equal(
            new FaultOptionError("where", "where needs at least one of accounts, userAgents, platforms or ratio; without one, leave where out and the fault reaches every request"),
            Single(new OutageFaultOptions { Where = new RequestFaultFilter() }));
        Assert.Equal(
            [
                new FaultOptionError("where.accounts", "an account cannot be blank; list patient ids, e.g. accounts: [child-1]"),
                new FaultOptionError("where.userAgents", "a user agent fragment cannot be blank (it would match every request); write e.g. userAgents: [python-requests]"),
                new FaultOptionError("where.ratio", "where.ratio is the share of clients the fault reaches, so it must be more than 0 and at most 1, not -0.5"),
            ],
            new StaleFaultOptions { Where = new RequestFaultFilter { Accounts = [" "], UserAgents = [""], Ratio = -0.5 } }.Validate());
    }

    [Fact]
    public void ThrowIfInvalid_lists_every_problem_polly_style()
    {
        var thrown = Assert.Throws<FaultOptionsValidationException>(() =>
            FaultOptionsValidation.ThrowIfInvalid(new OutageFaultOptions { StatusCode = 200, Ratio = 0 }));

        Assert.Equal("outage", thrown.Kind);
        Assert.Equal(2, thrown.Errors.Count);
        Assert.Equal(
            string.Join(Environment.NewLine,
                "The 'outage' fault options are invalid.",
                "",
                "Validation errors:",
                "- response: 200 is not an error status; use an HTTP status 400..599 (e.g. 503), reset, timeout, empty or malformed",
                "- ratio: ratio is the share of requests that fail, so it must be more than 0 and at most 1, not 0"),
            thrown.Message);
    }

    [Fact]
    public void ThrowIfInvalid_passes_valid_options()
    {
        FaultOptionsValidation.ThrowIfInvalid(new OutageFaultOptions());
    }
}
