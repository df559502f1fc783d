using LoadDriver.Models;
using LoadDriver.Options;

namespace LoadDriver.Tests.Options;

public class ModelOptionsTests
{
    private static ModelOptions With(string? rate = null, string? ramp = null, string? bursts = null, int? concurrency = null,
        string duration = "2s", long maxRequests = ModelOptions.DefaultMaxRequests, int? maxInFlight = null) =>
        new(rate, ramp, bursts, concurrency, duration, maxRequests, maxInFlight);

    private static LoadModel Build(ModelOptions options)
    {
        Assert.True(options.TryBuild(out var model, out var error), error);
        return model!;
    }

    [Fact]
    public void Each_model_option_builds_its_model()
    {
        var constant = Assert.IsType<ConstantRate>(Build(With(rate: "200", maxInFlight: 8)));
        Assert.Equal(200, constant.PerSecond);
        Assert.Equal(8, constant.MaxInFlight);
        Assert.Equal(400, constant.Schedule().Count());

        var ramp = Assert.IsType<RampingRate>(Build(With(ramp: "10..500")));
        Assert.Equal((10, 500), (ramp.FromPerSecond, ramp.ToPerSecond));

        var closed = Assert.IsType<ClosedModel>(Build(With(concurrency: 64, maxRequests: 1000)));
        Assert.Equal((64, 1000L), (closed.Concurrency, closed.MaxRequests));
    }

    [Fact]
    public void Bursts_of_SIZE_every_interval_fill_the_duration()
    {
        var bursts = Assert.IsType<Bursts>(Build(With(bursts: "500:500ms", duration: "2s")));

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(1500)], bursts.Items.Select(b => b.At));
        Assert.All(bursts.Items, b => Assert.Equal(500, b.Count));
        Assert.Equal(2000, bursts.Schedule().Count());
    }

    [Theory]
    [InlineData(null, null, null, null, "no load model given; add one of --rate N (requests per second), --ramp FROM..TO, --bursts SIZE:EVERY (e.g. 500:1s) or --concurrency N (closed model).")]
    [InlineData("100", null, null, 4, "--rate and --concurrency both pick a load model; give only one of --rate, --ramp, --bursts and --concurrency.")]
    [InlineData("0", null, null, null, "--rate '0' is not a rate; give requests per second above 0, e.g. --rate 200.")]
    [InlineData("fast", null, null, null, "--rate 'fast' is not a rate; give requests per second above 0, e.g. --rate 200.")]
    [InlineData(null, "10-500", null, null, "--ramp '10-500' is not a ramp; write FROM..TO in requests per second, e.g. --ramp 10..500.")]
    [InlineData(null, null, "500", null, "--bursts '500' is not a burst pattern; write SIZE:EVERY, e.g. --bursts 500:1s for 500 requests at once every second.")]
    [InlineData(null, null, null, 0, "--concurrency 0 is below 1; give the number of workers of the closed model, e.g. --concurrency 64.")]
    public void A_bad_model_names_the_option_and_what_to_write(string? rate, string? ramp, string? bursts, int? concurrency, string message)
    {
        Assert.False(With(rate, ramp, bursts, concurrency).TryBuild(out _, out var error));
        Assert.Equal(message, error);
    }

    [Fact]
    public void Bounds_are_checked_too()
    {
        Assert.False(With(rate: "10", maxRequests: 0).TryBuild(out _, out var e1));
        Assert.Equal("--max-requests 0 is below 1; give the most requests the run may send, e.g. --max-requests 100000.", e1);
        Assert.False(With(concurrency: 4, maxInFlight: 8).TryBuild(out _, out var e2));
        Assert.Equal("--max-in-flight applies to open models (--rate, --ramp, --bursts); in a closed model --concurrency is the number in flight.", e2);
        Assert.False(With(rate: "10", duration: "10").TryBuild(out _, out var e3));
        Assert.Equal("--duration '10' has no unit; write e.g. --duration 10s or --duration 10ms.", e3);
    }
}
