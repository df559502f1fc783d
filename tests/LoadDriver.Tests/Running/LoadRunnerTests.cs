using System.Net;
using System.Net.Sockets;
using LoadDriver.Histograms;
using LoadDriver.Models;
using LoadDriver.Running;
using LoadDriver.Targets;
using LoadDriver.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace LoadDriver.Tests.Running;

public class LoadRunnerTests
{
    private static readonly LoadRunner Runner = new(TimeProvider.System);

    [Fact]
    public async Task An_open_model_at_200_per_second_for_2_seconds_sends_the_intended_400_requests_on_time()
    {
        await using var server = await LoopbackServer.StartOkAsync();
        using var client = new HttpClient();
        await server.WarmUpAsync(client);
        var url = server.Url("ok");

        var result = await Runner.RunAsync(new ConstantRate(200, TimeSpan.FromSeconds(2), 10_000), url, HttpTargets.Get(client, url), CancellationToken.None);

        // The schedule is exact (k / 200 s for k < 400) and every scheduled request completes before the run returns.
        Assert.Equal(400, result.Requests);
        Assert.Equal(405, server.Received); // plus the 5 warm-up requests
        Assert.Equal(0, result.Errors);
        // The last request is due at 1.995 s; a generous upper bound for a noisy shared machine.
        Assert.InRange(result.Elapsed, TimeSpan.FromSeconds(1.99), TimeSpan.FromSeconds(3));
        // Completions fall in seconds 0 and 1, and the last one may tip into second 2.
        Assert.InRange(result.Intervals.Count, 2, 3);
    }

    [Fact]
    public async Task The_maximum_request_count_bounds_an_open_model_before_its_duration()
    {
        await using var server = await LoopbackServer.StartOkAsync();
        using var client = new HttpClient();
        var url = server.Url("ok");

        var result = await Runner.RunAsync(new ConstantRate(500, TimeSpan.FromSeconds(60), maxRequests: 50), url, HttpTargets.Get(client, url), CancellationToken.None);

        Assert.Equal(50, result.Requests);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(5), $"took {result.Elapsed}");
    }

    [Fact]
    public async Task A_closed_model_with_concurrency_4_never_has_more_than_4_requests_at_the_server()
    {
        // Each answer takes ~2 ms, so four workers overlap at the server most of the time.
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            await Task.Delay(2);
            await ctx.Response.WriteAsync("ok");
        });
        using var client = new HttpClient();
        var url = server.Url("slowish");

        var result = await Runner.RunAsync(new ClosedModel(4, TimeSpan.FromSeconds(1), 100_000), url, HttpTargets.Get(client, url), CancellationToken.None);

        Assert.InRange(server.MaxInFlight, 2, 4);
        Assert.Equal(server.Received, result.Requests);
        Assert.True(result.Requests > 20, $"only {result.Requests} requests");
        // No intended schedule in a closed model: both histograms hold the same service times.
        Assert.Equal(HistogramCounts.Pairs(result.Raw), HistogramCounts.Pairs(result.Corrected));
        Assert.Equal(0, result.Errors);
    }

    [Fact]
    public async Task A_closed_model_stops_at_its_maximum_request_count()
    {
        await using var server = await LoopbackServer.StartOkAsync();
        using var client = new HttpClient();
        var url = server.Url("ok");

        var result = await Runner.RunAsync(new ClosedModel(4, TimeSpan.FromSeconds(30), maxRequests: 37), url, HttpTargets.Get(client, url), CancellationToken.None);

        Assert.Equal(37, result.Requests);
        Assert.Equal(37, server.Received);
    }

    [Fact]
    public async Task Errors_are_counted_by_kind_and_the_per_second_buckets_add_up_to_the_totals()
    {
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            switch (ctx.Request.Path.Value)
            {
                case "/fail": ctx.Response.StatusCode = 500; break;
                case "/hang": await Task.Delay(TimeSpan.FromSeconds(15), ctx.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default); return;
                case "/ok": break;
                default: ctx.Response.StatusCode = 404; break;
            }
            await ctx.Response.WriteAsync("x");
        });
        using var client = new HttpClient();
        var closedPort = FreePort();
        // Five kinds in turn: ok, 500, 404, timeout (runner timeout 3 s: far above any answer on a loaded CI box, far below the hang), refused connection.
        Uri[] urls = [server.Url("ok"), server.Url("fail"), server.Url("missing"), server.Url("hang"), new Uri($"http://127.0.0.1:{closedPort}/")];
        var n = -1;
        Task<Outcome> Send(CancellationToken ct) => HttpTargets.Get(client, urls[Interlocked.Increment(ref n) % urls.Length])(ct);
        // Warm every answering path first: a first request that pays for JIT must not be mistaken for a timeout.
        foreach (var path in new[] { "ok", "fail", "missing" }) (await client.GetAsync(server.Url(path))).Dispose();
        var runner = new LoadRunner(TimeProvider.System, requestTimeout: TimeSpan.FromSeconds(3));

        var result = await runner.RunAsync(new ConstantRate(100, TimeSpan.FromSeconds(1.5), 10_000), server.BaseUrl, Send, CancellationToken.None);

        Assert.Equal(150, result.Requests);
        Assert.True(result.ErrorsByKind.Values.All(v => v == 30), string.Join(", ", result.ErrorsByKind));
        Assert.Equal(30, result.ErrorsByKind[ErrorKind.Status5xx]);
        Assert.Equal(30, result.ErrorsByKind[ErrorKind.Status4xx]);
        Assert.Equal(30, result.ErrorsByKind[ErrorKind.Timeout]);
        Assert.Equal(30, result.ErrorsByKind[ErrorKind.Connection]);
        Assert.False(result.ErrorsByKind.ContainsKey(ErrorKind.Other));
        Assert.Equal(120, result.Errors);
        Assert.Equal(80, result.ErrorPercent, 6);

        // Buckets partition the run: requests, errors of each kind and latency counts all sum to the totals...
        Assert.True(result.Intervals.Count >= 2);
        Assert.Equal(result.Requests, result.Intervals.Sum(i => i.Requests));
        Assert.Equal(result.Errors, result.Intervals.Sum(i => i.Errors));
        foreach (var (kind, count) in result.ErrorsByKind)
            Assert.Equal(count, result.Intervals.Sum(i => i.ErrorsByKind.GetValueOrDefault(kind)));
        // ...and the per-second histograms merge back into the whole-run corrected histogram exactly.
        Assert.Equal(HistogramCounts.Pairs(result.Corrected), HistogramCounts.Pairs(HistogramMerge.Sum(result.Intervals.Select(i => i.Latency))));
    }

    [Fact]
    public async Task A_non_loopback_target_is_refused_before_anything_is_sent()
    {
        var sent = false;
        Task<Outcome> Send(CancellationToken _) { sent = true; return Task.FromResult(Outcome.FromStatus(200)); }

        var e = await Assert.ThrowsAsync<ArgumentException>(() =>
            Runner.RunAsync(new ClosedModel(1, TimeSpan.FromSeconds(1), 1), new Uri("http://example.com/api"), Send, CancellationToken.None));

        Assert.Equal(
            "Refusing to send load to 'http://example.com/api': the load driver only targets loopback hosts (127.0.0.0/8, ::1, localhost).",
            e.Message);
        Assert.False(sent);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
