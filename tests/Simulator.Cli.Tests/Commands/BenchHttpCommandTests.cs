using Simulator.Cli.Commands;
using Simulator.Runs;

namespace Simulator.Cli.Tests.Commands;

public sealed class BenchHttpCommandTests : IDisposable
{
    private readonly string _emptyPath = Directory.CreateTempSubdirectory("no-wrk-").FullName;

    public void Dispose() => Directory.Delete(_emptyPath, recursive: true);

    [Fact]
    public async Task Without_wrk_on_PATH_it_says_how_to_install_it_before_starting_anything()
    {
        var e = await Assert.ThrowsAsync<RunFailedException>(() =>
            BenchHttpCommand.RunAsync(new BenchHttpSettings(1, 4, 1, "wrk", _emptyPath), TextWriter.Null, CancellationToken.None));

        Assert.Equal(
            "wrk is not on PATH, and bench http measures the load driver against wrk on the same endpoint. " +
            "Install it with `apt-get install -y wrk` (Debian/Ubuntu; use sudo if you are not root) and run again, or name its binary with --wrk PATH.",
            e.Message);
    }

    [Fact]
    public async Task Out_of_range_settings_are_refused()
    {
        var e = await Assert.ThrowsAsync<RunFailedException>(() =>
            BenchHttpCommand.RunAsync(new BenchHttpSettings(1, 4, 8, "wrk", _emptyPath), TextWriter.Null, CancellationToken.None));

        Assert.Equal("--threads 8 is out of range; give 1 to --connections (4), as wrk needs a connection per thread.", e.Message);
    }

    [Fact]
    public void Wrk_output_gives_its_rate_latency_distribution_and_errors()
    {
        const string output = """
            Running 10s test @ http://127.0.0.1:40123/
              2 threads and 64 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     1.46ms    2.01ms  41.84ms   89.43%
                Req/Sec    22.51k     2.05k   27.92k    69.50%
              Latency Distribution
                 50%  812.00us
                 75%    1.43ms
                 90%    3.48ms
                 99%    9.81ms
              448028 requests in 10.01s, 49.41MB read
              Socket errors: connect 0, read 3, write 0, timeout 2
              Non-2xx or 3xx responses: 7
            Requests/sec:  44772.52
            Transfer/sec:      4.94MB
            """;

        var result = BenchHttpWrk.Parse(output);

        Assert.Equal(44772.52, result.RequestsPerSecond);
        Assert.Equal(448028, result.Requests);
        Assert.Equal(new Dictionary<double, double> { [50] = 0.812, [75] = 1.43, [90] = 3.48, [99] = 9.81 }, result.LatencyMs);
        Assert.Equal(12, result.Errors);
    }
}
