using Scenarios.Model;
using static Scenarios.Tests.Loading.Faults.FaultYaml;
using static Scenarios.Tests.Loading.ScenarioYaml;

namespace Scenarios.Tests.Loading.Faults;

public class LatencyFaultParserTests
{
    private static LatencyFaultOptions Options(string options) =>
        Assert.IsType<LatencyFaultOptions>(Assert.Single(Load(Fault("latency", options)).Faults).Options);

    [Fact]
    public void A_single_delay_is_fixed()
    {
        Assert.Equal(
            new LatencyFaultOptions { Distribution = LatencyDistribution.Fixed, Delay = TimeSpan.FromSeconds(90), MaxDelay = TimeSpan.FromSeconds(90) },
            Options("    delay: 1m30s"));
    }

    [Fact]
    public void A_min_max_range_is_uniform()
    {
        Assert.Equal(
            new LatencyFaultOptions { Distribution = LatencyDistribution.Uniform, Delay = TimeSpan.FromSeconds(5), MaxDelay = TimeSpan.FromMinutes(2) },
            Options("    delay: { min: 5s, max: 2m }"));
    }

    [Fact]
    public void A_range_may_start_at_zero()
    {
        Assert.Equal(TimeSpan.Zero, Options("    delay: { min: 0s, max: 10s }").Delay);
    }

    [Fact]
    public void Delay_is_required()
    {
        Assert.Equal(
            Error(11, 5, "faults[0].delay", "missing required key 'delay'; add e.g. delay: 30s or delay: { min: 5s, max: 2m }, or dribble: 64/s for a slow body"),
            SingleError(Fault("latency", "")));
    }

    [Fact]
    public void Fixed_delay_must_be_longer_than_zero()
    {
        Assert.Equal(
            Error(15, 12, "faults[0].delay", "a latency fault needs a delay longer than 0, e.g. delay: 30s"),
            SingleError(Fault("latency", "    delay: 0s")));
    }

    [Fact]
    public void Delay_needs_a_unit()
    {
        Assert.Equal(
            Error(15, 12, "faults[0].delay", "'30' has no unit; write e.g. 30s, 30m or 30h"),
            SingleError(Fault("latency", "    delay: 30")));
    }

    [Fact]
    public void Range_min_must_be_below_max()
    {
        Assert.Equal(
            Error(15, 28, "faults[0].delay.max", "max (5s) must be longer than min (2m); for a fixed delay write delay: 2m"),
            SingleError(Fault("latency", "    delay: { min: 2m, max: 5s }")));
    }

    [Fact]
    public void Range_needs_both_ends()
    {
        Assert.Equal(
            Error(15, 12, "faults[0].delay.max", "missing required key 'max'; add e.g. max: 2m"),
            SingleError(Fault("latency", "    delay: { min: 5s }")));
    }

    [Fact]
    public void Unknown_range_key_gets_a_suggestion()
    {
        Assert.Equal(
            Error(15, 23, "faults[0].delay.mx", "unknown key 'mx' (did you mean 'max'?)"),
            SingleError(Fault("latency", "    delay: { min: 5s, mx: 2m, max: 3m }")));
    }

    [Fact]
    public void Delay_as_a_list_is_rejected()
    {
        Assert.Equal(
            Error(15, 12, "faults[0].delay", "expected a duration such as 30s or a range such as { min: 5s, max: 2m }, found a list"),
            SingleError(Fault("latency", "    delay: [5s, 2m]")));
    }

    [Fact]
    public void Median_and_sigma_are_lognormal()
    {
        Assert.Equal(
            new LatencyFaultOptions { Distribution = LatencyDistribution.Lognormal, Delay = TimeSpan.FromSeconds(2), Sigma = 0.8 },
            Options("    delay: { median: 2s, sigma: 0.8 }"));
    }

    [Fact]
    public void P50_and_p99_are_lognormal_with_the_sigma_that_puts_p99_there()
    {
        var options = Options("    delay: { p50: 2s, p99: 30s }");

        Assert.Equal(LatencyDistribution.Lognormal, options.Distribution);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Delay);
        Assert.Equal(Math.Log(15) / 2.3263478740408408, options.Sigma, 12);
    }

    [Fact]
    public void P99_must_be_above_p50()
    {
        Assert.Equal(
            Error(15, 28, "faults[0].delay.p99", "p99 (1s) must be longer than p50 (2s); for the same delay every time write delay: 2s"),
            SingleError(Fault("latency", "    delay: { p50: 2s, p99: 1s }")));
    }

    [Fact]
    public void Percentiles_too_far_apart_are_reported_at_p99()
    {
        Assert.Equal(
            Error(15, 28, "faults[0].delay.p99", "sigma (the spread of ln(delay)) must be more than 0 and at most 3, not 3.267311198105294; for the same delay every time write delay: 1s"),
            SingleError(Fault("latency", "    delay: { p50: 1s, p99: 2000s }")));
    }

    [Fact]
    public void Sigma_must_be_more_than_zero_and_at_most_three()
    {
        Assert.Equal(
            Error(15, 33, "faults[0].delay.sigma", "sigma (the spread of ln(delay)) must be more than 0 and at most 3, not 0; for the same delay every time write delay: 2s"),
            SingleError(Fault("latency", "    delay: { median: 2s, sigma: 0 }")));
    }

    [Fact]
    public void Median_must_be_longer_than_zero()
    {
        Assert.Equal(
            Error(15, 22, "faults[0].delay.median", "the median delay must be longer than 0, e.g. median: 2s, not 0s"),
            SingleError(Fault("latency", "    delay: { median: 0s, sigma: 1 }")));
    }

    [Fact]
    public void Distribution_forms_do_not_mix()
    {
        Assert.Equal(
            Error(15, 12, "faults[0].delay", "give the delay as { min, max } (uniform), { median, sigma } or { p50, p99 } (lognormal), not a mix of them"),
            SingleError(Fault("latency", "    delay: { min: 1s, median: 2s }")));
    }

    [Fact]
    public void Dribble_is_bytes_per_virtual_second_and_may_stand_alone()
    {
        var options = Options("    dribble: 64/s");

        Assert.Equal(64, options.DribbleBytesPerSecond);
        Assert.Equal(TimeSpan.Zero, options.Delay);
    }

    [Theory]
    [InlineData("16B/s", 16.0)]
    [InlineData("2.5 bytes/s", 2.5)]
    public void Dribble_may_name_its_unit(string pace, double bytesPerSecond)
    {
        Assert.Equal(bytesPerSecond, Options($"    delay: 1s\n    dribble: {pace}").DribbleBytesPerSecond);
    }

    [Fact]
    public void Dribble_must_be_a_pace()
    {
        Assert.Equal(
            Error(15, 14, "faults[0].dribble", "'slow' is not a pace; write bytes per virtual second, e.g. dribble: 64/s"),
            SingleError(Fault("latency", "    dribble: slow")));
    }

    [Fact]
    public void Dribble_must_be_more_than_zero()
    {
        Assert.Equal(
            Error(15, 14, "faults[0].dribble", "dribble is the body's pace in bytes per virtual second, so it must be more than 0, e.g. dribble: 64/s, not 0"),
            SingleError(Fault("latency", "    dribble: 0/s")));
    }
}
