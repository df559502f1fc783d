using Scenarios.Model;
using static Scenarios.Tests.Loading.Faults.FaultYaml;
using static Scenarios.Tests.Loading.ScenarioYaml;

namespace Scenarios.Tests.Loading.Faults;

public class FlappingFaultParserTests
{
    private static FlappingFaultOptions Options(string options) =>
        Assert.IsType<FlappingFaultOptions>(Assert.Single(Load(Fault("flapping", options)).Faults).Options);

    [Fact]
    public void Up_and_down_with_defaults_for_the_rest()
    {
        Assert.Equal(
            new FlappingFaultOptions
            {
                Up = TimeSpan.FromMinutes(10), Down = TimeSpan.FromMinutes(2), Jitter = TimeSpan.Zero, StartWith = FlappingStart.Down,
                Response = OutageResponse.Status, StatusCode = 503,
            },
            Options("    up: 10m\n    down: 2m"));
    }

    [Fact]
    public void Jitter_start_and_the_down_answer_are_read()
    {
        var options = Options("    up: 10m\n    down: 2m\n    jitter: 30s\n    start: up\n    response: reset");

        Assert.Equal((TimeSpan.FromSeconds(30), FlappingStart.Up, OutageResponse.Reset), (options.Jitter, options.StartWith, options.Response));
    }

    [Fact]
    public void Up_and_down_are_required()
    {
        Assert.Equal(
            [Error(11, 5, "faults[0].up", "missing required key 'up'; add e.g. up: 10m"), Error(11, 5, "faults[0].down", "missing required key 'down'; add e.g. down: 2m")],
            Errors(Fault("flapping", "")));
    }

    [Fact]
    public void Jitter_must_be_shorter_than_both_phases()
    {
        Assert.Equal(
            Error(17, 13, "faults[0].jitter", "jitter (2m) must be shorter than both up (10m) and down (2m), so no phase shrinks to nothing"),
            SingleError(Fault("flapping", "    up: 10m\n    down: 2m\n    jitter: 2m")));
    }

    [Fact]
    public void Down_must_be_longer_than_zero()
    {
        Assert.Equal(
            Error(16, 11, "faults[0].down", "down is how long each failure lasts, so it must be longer than 0, e.g. down: 2m, not 0s"),
            SingleError(Fault("flapping", "    up: 10m\n    down: 0s")));
    }

    [Fact]
    public void A_down_status_must_be_an_error()
    {
        Assert.Equal(
            Error(17, 15, "faults[0].response", "302 is not an error status; use an HTTP status 400..599 (e.g. 503), reset, timeout, empty or malformed"),
            SingleError(Fault("flapping", "    up: 10m\n    down: 2m\n    response: 302")));
    }

    [Fact]
    public void Misspelt_start_gets_a_suggestion()
    {
        Assert.Equal(
            Error(17, 12, "faults[0].start", "unknown start 'dwn' (did you mean 'down'?)"),
            SingleError(Fault("flapping", "    up: 10m\n    down: 2m\n    start: dwn")));
    }
}
