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
            Error(11, 5, "faults[0].delay", "missing required key 'delay'; add e.g. delay: 30s or delay: { min: 5s, max: 2m }"),
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
}
