using System.Text.Json;
using Simulator.Cli.Commands;
using Simulator.Runs;

namespace Simulator.Cli.Tests.Commands;

public sealed class LoadCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("load-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("--url http://10.0.0.5:8080/ --rate 10",
        "--url: Refusing to send load to 'http://10.0.0.5:8080/': the load driver only targets loopback hosts (127.0.0.0/8, ::1, localhost). Run the system under test on this machine (in Kubernetes: as a sidecar in the driver's pod) and point --url at 127.0.0.1.")]
    [InlineData("--url not-a-url --rate 10", "--url 'not-a-url' is not an absolute http or https URL; write e.g. --url http://127.0.0.1:5080/api/v1/entries.")]
    [InlineData("--url http://127.0.0.1:1/ --rate 10 --shard 2/2", "--shard '2/2' is out of range: the index must be 0 to N-1 and N at least 1, e.g. 0/4 ... 3/4.")]
    [InlineData("--url http://127.0.0.1:1/ --rate 10 --shard half", "--shard 'half' is not of the form i/N: write the zero-based shard index and the shard count, e.g. 0/4 ... 3/4.")]
    [InlineData("--url http://127.0.0.1:1/ --rate 10 --duration 10", "--duration '10' has no unit; write e.g. --duration 10s or --duration 10ms.")]
    [InlineData("--url http://127.0.0.1:1/ --rate 10 --timeout 2", "--timeout '2' has no unit; write e.g. --timeout 2s or --timeout 2ms.")]
    [InlineData("--url http://127.0.0.1:1/", "no load model given; add one of --rate N (requests per second), --ramp FROM..TO, --bursts SIZE:EVERY (e.g. 500:1s) or --concurrency N (closed model).")]
    [InlineData("--url http://127.0.0.1:1/ --concurrency 1 --shard 1/2", "--concurrency 1 leaves shard 1/2 without a worker; give at least 2 workers, one per shard.")]
    [InlineData("--url https://127.0.0.1:1/ --rate 10 --client raw", "--client raw speaks plain HTTP/1.1 only; use --client http for the https URL 'https://127.0.0.1:1/'.")]
    [InlineData("--url http://127.0.0.1:1/ --rate 10 --client curl", "--client 'curl' is not a client; write --client http (HttpClient, any URL) or --client raw (lean HTTP/1.1, plain http only, for the highest rates).")]
    [InlineData("--url http://127.0.0.1:1/ --rate 10 --method G3T", "--method 'G3T' is not an HTTP method; write e.g. --method GET or --method POST.")]
    [InlineData("--url http://127.0.0.1:1/ --rate 10 --body-file /no/such/body.json", "--body-file '/no/such/body.json' does not exist; give the path of a file whose bytes are the request body.")]
    public void Bad_options_are_refused_with_one_sentence_naming_the_option(string args, string message)
    {
        var e = Assert.Throws<RunFailedException>(() => LoadCommand.PlanHttp(args.Split(' ')));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void A_malformed_threshold_names_the_option_and_the_grammar()
    {
        var e = Assert.Throws<RunFailedException>(() => LoadCommand.PlanHttp(["--url", "http://127.0.0.1:1/", "--rate", "10", "--threshold", "p99 < 1%"]));

        Assert.Equal("--threshold 'p99 < 1%': 'errors' takes a percentage and latencies take ms, us or s.", e.Message);
    }

    [Fact]
    public async Task A_remote_url_exits_1_before_anything_is_sent()
    {
        var exit = await LoadCommand.Create().Parse(["http", "--url", "http://192.168.1.10/", "--rate", "10", "--out", _dir]).InvokeAsync();

        Assert.Equal(1, exit);
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public async Task Merge_names_a_missing_or_malformed_log()
    {
        var garbage = Path.Combine(_dir, "latency.hlog");
        await File.WriteAllTextAsync(garbage, "this is not a histogram log\n");

        var missing = Assert.Throws<RunFailedException>(() => LoadCommand.PlanMerge([Path.Combine(_dir, "nope.hlog")], [], _dir));
        var malformed = await Assert.ThrowsAsync<RunFailedException>(() =>
            LoadCommand.RunMergeAsync(LoadCommand.PlanMerge([_dir], [], Path.Combine(_dir, "out")), Spectre.Console.AnsiConsole.Console, CancellationToken.None));

        Assert.Equal($"'{Path.Combine(_dir, "nope.hlog")}' does not exist; give the interval logs written by `simulator load http` (latency.hlog) or directories holding them.", missing.Message);
        Assert.Equal($"'{garbage}' is not an interval log the driver can merge (line 1: not an interval (start,length,max,histogram)); give the latency.hlog files written by `simulator load http`.", malformed.Message);
    }

    [Fact]
    public async Task Two_shards_run_from_the_command_line_merge_into_the_whole_load()
    {
        await using var endpoint = await BenchHttpEndpoint.StartAsync(CancellationToken.None);
        var url = endpoint.Url.ToString();
        string[] Shard(string shard, string client) =>
            ["http", "--url", url, "--rate", "100", "--duration", "1s", "--shard", shard, "--client", client, "--out", Path.Combine(_dir, "shards", shard.Replace('/', '-')), "--threshold", "errors < 1%"];

        // The two clients take the same shapes of load; one shard each keeps both paths honest.
        var exits = await Task.WhenAll(
            LoadCommand.Create().Parse(Shard("0/2", "raw")).InvokeAsync(),
            LoadCommand.Create().Parse(Shard("1/2", "http")).InvokeAsync());
        var merged = await LoadCommand.Create().Parse(["merge", Path.Combine(_dir, "shards"), "--out", Path.Combine(_dir, "merged"), "--threshold", "errors < 1%"]).InvokeAsync();
        var breached = await LoadCommand.Create().Parse(["merge", Path.Combine(_dir, "shards"), "--out", Path.Combine(_dir, "strict"), "--threshold", "max < 1us"]).InvokeAsync();

        Assert.Equal([0, 0], exits);
        Assert.Equal(0, merged);
        Assert.Equal(2, breached);
        long Requests(string dir) => JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, dir, "report.json"))).RootElement.GetProperty("totals").GetProperty("requests").GetInt64();
        Assert.Equal(50, Requests("shards/0-2"));
        Assert.Equal(50, Requests("shards/1-2"));
        Assert.Equal(100, Requests("merged"));   // the schedule: 100/s for 1 s
        Assert.True(File.Exists(Path.Combine(_dir, "merged", "report.html")));
        Assert.True(File.Exists(Path.Combine(_dir, "merged", "merged.hlog")));
        Assert.StartsWith("#[Histogram log format version 1.3]", await File.ReadAllTextAsync(Path.Combine(_dir, "shards", "0-2", "latency.hlog")), StringComparison.Ordinal);
    }
}
