using Scenarios.Model;
using static Scenarios.Tests.Loading.Faults.FaultYaml;
using static Scenarios.Tests.Loading.ScenarioYaml;

namespace Scenarios.Tests.Loading.Faults;

public class RateLimitFaultParserTests
{
    private static RateLimitFaultOptions Options(string options) =>
        Assert.IsType<RateLimitFaultOptions>(Assert.Single(Load(Fault("rate-limit", options)).Faults).Options);

    [Fact]
    public void Without_a_limit_every_request_is_refused()
    {
        Assert.Equal(new RateLimitFaultOptions { Limit = null, RetryAfter = null, Scope = RateLimitScope.Client }, Options(""));
    }

    [Theory]
    [InlineData("60/min", 60, 60)]
    [InlineData("60/m", 60, 60)]
    [InlineData("5/s", 5, 1)]
    [InlineData("100/h", 100, 3600)]
    [InlineData("100/10m", 100, 600)]
    [InlineData("3 / 30s", 3, 30)]
    public void Limit_is_requests_per_window(string limit, int requests, int windowSeconds)
    {
        var options = Options($"    limit: {limit}");

        Assert.Equal(requests, options.Limit);
        Assert.Equal(TimeSpan.FromSeconds(windowSeconds), options.Window);
    }

    [Fact]
    public void Scope_and_retry_after_are_read()
    {
        var options = Options("    limit: 10/min\n    scope: global\n    retryAfter: 30s");

        Assert.Equal((RateLimitScope.Global, TimeSpan.FromSeconds(30)), (options.Scope, options.RetryAfter));
    }

    [Fact]
    public void Limit_must_allow_a_request()
    {
        Assert.Equal(
            Error(15, 12, "faults[0].limit", "limit must allow at least 1 request per window, e.g. limit: 60/min, not 0; to refuse every request leave limit out"),
            SingleError(Fault("rate-limit", "    limit: 0/min")));
    }

    [Fact]
    public void Limit_must_be_a_rate()
    {
        Assert.Equal(
            Error(15, 12, "faults[0].limit", "'lots' is not a rate; write requests per window, e.g. limit: 60/min, 5/s or 100/10m"),
            SingleError(Fault("rate-limit", "    limit: lots")));
    }

    [Fact]
    public void Limit_needs_a_window()
    {
        Assert.Equal(
            Error(15, 12, "faults[0].limit", "'fortnight' is not a window; write requests per window, e.g. limit: 60/min, 5/s or 100/10m"),
            SingleError(Fault("rate-limit", "    limit: 5/fortnight")));
    }

    [Fact]
    public void Limit_counts_whole_requests()
    {
        Assert.Equal(
            Error(15, 12, "faults[0].limit", "a limit counts whole requests, so write e.g. limit: 60/min, not 1.5/s"),
            SingleError(Fault("rate-limit", "    limit: 1.5/s")));
    }

    [Fact]
    public void Scope_goes_with_a_limit()
    {
        Assert.Equal(
            Error(15, 12, "faults[0].scope", "scope says who shares a limit, so it goes with limit (e.g. limit: 60/min); without a limit every request is refused"),
            SingleError(Fault("rate-limit", "    scope: global")));
    }

    [Fact]
    public void Misspelt_scope_gets_a_suggestion()
    {
        Assert.Equal(
            Error(16, 12, "faults[0].scope", "unknown scope 'globl' (did you mean 'global'?)"),
            SingleError(Fault("rate-limit", "    limit: 1/s\n    scope: globl")));
    }
}
