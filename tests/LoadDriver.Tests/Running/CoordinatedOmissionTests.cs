using HdrHistogram;
using LoadDriver.Models;
using LoadDriver.Running;
using LoadDriver.Targets;
using LoadDriver.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace LoadDriver.Tests.Running;

public class CoordinatedOmissionTests
{
    /// <summary>The server's one injected stall: the behaviour under test, not a wait for a condition.</summary>
    private static readonly TimeSpan Stall = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task A_single_stall_is_charged_to_every_request_queued_behind_it_in_the_corrected_histogram_only()
    {
        // 100/s for 2 s through one connection slot: request 50 (due at ~0.49 s) stalls 500 ms, all others answer at once.
        var measured = 0;
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            if (ctx.Request.Path == "/co" && Interlocked.Increment(ref measured) == 50) await Task.Delay(Stall);
            await ctx.Response.WriteAsync("ok");
        });
        using var client = new HttpClient();
        await server.WarmUpAsync(client);
        var model = new ConstantRate(100, TimeSpan.FromSeconds(2), maxRequests: 1000, maxInFlight: 1);

        var result = await new LoadRunner(TimeProvider.System).RunAsync(model, server.Url("co"), HttpTargets.Get(client, server.Url("co")), CancellationToken.None);

        Assert.Equal(200, result.Requests);
        Assert.Equal(200, result.Corrected.TotalCount);
        Assert.Equal(200, result.Raw.TotalCount);

        // Raw (service time) sees one slow request: the stalled one. The ~50 requests due during the stall waited for the
        // slot, but their own service time was instant, so raw says "1 in 200 was slow" and its p95 is fast.
        // (Up to a few more may be slow for their own reasons on a shared machine: a GC pause, a descheduled thread.)
        var slowRaw = HistogramCounts.AtLeastMs(result.Raw, 200);
        Assert.InRange(slowRaw, 1, 5);
        Assert.True(result.Raw.GetValueAtPercentile(95) < 100_000, $"raw p95 {result.Raw.GetValueAtPercentile(95)} us");

        // Corrected (from the intended send time) charges the queue: the request due 10 ms after the stall began waited
        // ~490 ms, the next ~480 ms, ... so about 30 requests (15%) are >= 200 ms: p95 is in the hundreds of milliseconds
        // and p99 is near the full stall.
        var slowCorrected = HistogramCounts.AtLeastMs(result.Corrected, 200);
        Assert.True(slowCorrected >= 20, $"only {slowCorrected} corrected latencies >= 200 ms");
        Assert.True(result.Corrected.GetValueAtPercentile(95) >= 300_000, $"corrected p95 {result.Corrected.GetValueAtPercentile(95)} us");
        Assert.True(result.Corrected.GetValueAtPercentile(99) >= 400_000, $"corrected p99 {result.Corrected.GetValueAtPercentile(99)} us");
        Assert.True(result.Corrected.GetMaxValue() >= 480_000, $"corrected max {result.Corrected.GetMaxValue()} us");

        // The relationship itself: the stall hides from raw many times over what it shows.
        Assert.True(slowCorrected > 4 * slowRaw, $"corrected {slowCorrected} vs raw {slowRaw} latencies >= 200 ms");
    }
}
