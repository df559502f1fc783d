using System.CommandLine;
using System.Globalization;
using LoadDriver.Histograms;
using LoadDriver.Models;
using LoadDriver.Running;
using LoadDriver.Targets;
using LoadDriver.Targets.Raw;
using Simulator.Cli.Output;
using Simulator.Runs;

namespace Simulator.Cli.Commands;

/// <summary>What <c>bench http</c> is asked to do.</summary>
internal sealed record BenchHttpSettings(int Seconds, int Connections, int Threads, string Wrk, string? PathVariable);

/// <summary>
/// <c>simulator bench http</c>: wrk and the load driver against the same minimal loopback endpoint in one process
/// run, for the figure in docs/benchmarks.md. The driver runs closed with wrk's connection count (same shape as wrk),
/// then open at 80% of wrk's rate to show it holds a rate with corrected percentiles.
/// </summary>
internal static class BenchHttpCommand
{
    /// <summary>The open run's rate as a share of wrk's: the issue's bar for "sustains".</summary>
    public const double OpenShare = 0.8;

    /// <summary>Far above what 2 cores answer in 10 minutes on loopback; the duration is the real bound.</summary>
    private const long MaxRequests = 100_000_000;

    public static Command Create()
    {
        var seconds = new Option<int>("--seconds") { Description = "Length of each measured run (wrk, driver closed, driver open).", DefaultValueFactory = _ => 10 };
        var connections = new Option<int>("--connections") { Description = "Connections for wrk and for the driver's closed run.", DefaultValueFactory = _ => 64 };
        var threads = new Option<int>("--threads") { Description = "wrk threads.", DefaultValueFactory = _ => 2 };
        var wrk = new Option<string>("--wrk") { Description = "The wrk binary: a name looked up on PATH, or a path.", DefaultValueFactory = _ => "wrk" };
        var command = new Command("http", "Compare the load driver's request rate with wrk's on a minimal loopback endpoint.") { seconds, connections, threads, wrk };
        command.SetAction((parse, ct) => Failure.Guard(() => RunAsync(
            new BenchHttpSettings(parse.GetValue(seconds), parse.GetValue(connections), parse.GetValue(threads), parse.GetValue(wrk)!,
                Environment.GetEnvironmentVariable("PATH")),
            Console.Out, ct)));
        return command;
    }

    public static async Task<int> RunAsync(BenchHttpSettings settings, TextWriter output, CancellationToken ct)
    {
        if (settings.Seconds is < 1 or > 600)
            throw new RunFailedException($"--seconds {settings.Seconds} is out of range; give 1 to 600.");
        if (settings.Connections is < 1 or > 10_000)
            throw new RunFailedException($"--connections {settings.Connections} is out of range; give 1 to 10000.");
        if (settings.Threads < 1 || settings.Threads > settings.Connections)
            throw new RunFailedException($"--threads {settings.Threads} is out of range; give 1 to --connections ({settings.Connections}), as wrk needs a connection per thread.");
        // Before anything starts: without wrk there is nothing to compare with.
        var wrk = BenchHttpWrk.Locate(settings.Wrk, settings.PathVariable);

        await using var endpoint = await BenchHttpEndpoint.StartAsync(ct);
        var url = endpoint.Url;
        var duration = TimeSpan.FromSeconds(settings.Seconds);
        var runner = new LoadRunner(TimeProvider.System); // clock-ok: the benchmark measures real latency, so it reads the real clock
        await using var client = RawHttpTargets.Get(url, settings.Connections);

        // Warm both paths (JIT, connections, Kestrel's pools) so neither tool pays for the first second of the process.
        await BenchHttpWrk.RunAsync(wrk, url, settings.Threads, settings.Connections, 1, ct);
        await runner.RunAsync(new ClosedModel(settings.Connections, TimeSpan.FromSeconds(1), MaxRequests), url, client.SendAsync, ct);

        var w = await BenchHttpWrk.RunAsync(wrk, url, settings.Threads, settings.Connections, settings.Seconds, ct);
        var closed = await runner.RunAsync(new ClosedModel(settings.Connections, duration, MaxRequests), url, client.SendAsync, ct);
        // HttpClient with the same connections, for the record: it is why the raw client exists.
        using var httpClient = HttpTargets.CreateClient(settings.Connections);
        var viaHttpClient = await runner.RunAsync(new ClosedModel(settings.Connections, duration, MaxRequests), url, HttpTargets.Get(httpClient, url), ct);
        var openRate = Math.Max(1, Math.Round(w.RequestsPerSecond * OpenShare));
        var open = await runner.RunAsync(new ConstantRate(openRate, duration, MaxRequests, maxInFlight: settings.Connections), url, client.SendAsync, ct);

        Print(output, settings, url, w, closed, viaHttpClient, open, openRate);
        return 0;
    }

    private static void Print(TextWriter o, BenchHttpSettings s, Uri url, WrkResult w, LoadResult closed, LoadResult viaHttpClient, LoadResult open, double openRate)
    {
        var c = CultureInfo.InvariantCulture;
        double Rate(LoadResult r) => r.Requests / r.Elapsed.TotalSeconds;
        static string P(HdrHistogram.HistogramBase h, double p) => LatencyHistograms.PercentileMs(h, p).ToString("0.00", CultureInfo.InvariantCulture);
        string Wp(double p) => w.LatencyMs.TryGetValue(p, out var v) ? v.ToString("0.00", c) : "-";
        var ratio = Rate(closed) / w.RequestsPerSecond;

        o.WriteLine(string.Create(c, $"bench http: {url} (Kestrel, 2-byte body), {s.Connections} connections, {s.Seconds} s per run, {Environment.ProcessorCount} cores"));
        o.WriteLine();
        o.WriteLine("run                                  requests/s   errors      p50 ms    p75 ms    p90 ms    p99 ms  p99.9 ms");
        o.WriteLine(string.Create(c, $"{$"wrk -t{s.Threads} -c{s.Connections} --latency",-36} {w.RequestsPerSecond,10:0} {w.Errors,8} {Wp(50),9} {Wp(75),9} {Wp(90),9} {Wp(99),9} {"-",9}"));
        o.WriteLine(string.Create(c, $"{$"driver closed, {s.Connections} workers (raw client)",-36} {Rate(closed),10:0} {closed.Errors,8} {P(closed.Raw, 50),9} {P(closed.Raw, 75),9} {P(closed.Raw, 90),9} {P(closed.Raw, 99),9} {P(closed.Raw, 99.9),9}"));
        o.WriteLine(string.Create(c, $"{$"driver closed, {s.Connections} workers (HttpClient)",-36} {Rate(viaHttpClient),10:0} {viaHttpClient.Errors,8} {P(viaHttpClient.Raw, 50),9} {P(viaHttpClient.Raw, 75),9} {P(viaHttpClient.Raw, 90),9} {P(viaHttpClient.Raw, 99),9} {P(viaHttpClient.Raw, 99.9),9}"));
        o.WriteLine(string.Create(c, $"{$"driver open {openRate:0}/s, corrected",-36} {Rate(open),10:0} {open.Errors,8} {P(open.Corrected, 50),9} {P(open.Corrected, 75),9} {P(open.Corrected, 90),9} {P(open.Corrected, 99),9} {P(open.Corrected, 99.9),9}"));
        o.WriteLine(string.Create(c, $"{"  same run, raw (service time)",-36} {"",10} {"",8} {P(open.Raw, 50),9} {P(open.Raw, 75),9} {P(open.Raw, 90),9} {P(open.Raw, 99),9} {P(open.Raw, 99.9),9}"));
        o.WriteLine();
        o.WriteLine(string.Create(c, $"HttpClient closed / wrk: {Rate(viaHttpClient) / w.RequestsPerSecond:0.00}"));
        o.WriteLine(string.Create(c, $"driver closed / wrk: {ratio:0.00} ({(ratio >= OpenShare ? "meets" : "below")} the {OpenShare:0.00} bar)"));
        o.WriteLine(string.Create(c, $"driver open: {open.Requests} of {open.Model switch { ConstantRate r => r.Schedule().LongCount(), _ => 0 }} scheduled requests sent, {Rate(open) / openRate:0.00} of the intended rate"));
    }
}
