using LoadDriver.Histograms;
using LoadDriver.Models;
using LoadDriver.Reports;
using LoadDriver.Running;
using LoadDriver.Sharding;
using LoadDriver.Targets;
using LoadDriver.Tests.Support;
using LoadDriver.Thresholds;
using Microsoft.AspNetCore.Http;

namespace LoadDriver.Tests.Sharding;

public sealed class ShardMergeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("shard-merge-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Two_shards_merged_give_the_same_histogram_counts_as_one_process_doing_the_whole_load()
    {
        // Request k's answer depends on k only (every 5th fails with 500, other 7ths are 404), so error counts are a
        // property of the schedule, not of timing, and must come out identical however the load is split.
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            ctx.Response.StatusCode = ctx.Request.Path.Value switch { "/fail" => 500, "/missing" => 404, _ => 200 };
            await ctx.Response.WriteAsync("x");
        });
        using var client = new HttpClient();
        await server.WarmUpAsync(client);
        var model = new ConstantRate(200, TimeSpan.FromSeconds(1), maxRequests: 10_000);
        Task<Outcome> Send(long index, CancellationToken ct) =>
            HttpTargets.Get(client, server.Url(index % 5 == 0 ? "fail" : index % 7 == 0 ? "missing" : "ok"))(ct);
        var runner = new LoadRunner(TimeProvider.System);
        var ct = CancellationToken.None;

        var whole = await runner.RunAsync(model, server.BaseUrl, Send, Shard.Whole, ct);
        // The shards run side by side, as two processes would, and each writes its own interval log.
        Shard first = new(0, 2), second = new(1, 2);
        var shards = await Task.WhenAll(runner.RunAsync(model, server.BaseUrl, Send, first, ct), runner.RunAsync(model, server.BaseUrl, Send, second, ct));
        var none = ThresholdVerdict.Evaluate(shards[0], []);
        var logs = new[]
        {
            (await ReportFiles.WriteAsync(Path.Combine(_dir, "0"), shards[0], none, first, ReportFiles.RunLogName, ct)).Log,
            (await ReportFiles.WriteAsync(Path.Combine(_dir, "1"), shards[1], none, second, ReportFiles.RunLogName, ct)).Log,
        };
        var merged = RunMerge.Merge([.. logs.Select(ReadLog)]);

        // Every scheduled request was sent exactly once: by the whole run, and by exactly one of the shards.
        const int scheduled = 200;
        Assert.Equal(scheduled, model.Schedule().Count());
        Assert.Equal([100L, 100L], shards.Select(s => s.Requests));
        Assert.Equal(scheduled, whole.Requests);
        Assert.Equal(scheduled, merged.Requests);
        Assert.Equal(whole.Corrected.TotalCount, merged.Corrected.TotalCount);
        Assert.Equal(whole.Raw.TotalCount, merged.Raw.TotalCount);
        Assert.Equal(server.Received - 5, whole.Requests + shards.Sum(s => s.Requests));

        // Errors by kind: 40 multiples of 5 below 200; 29 multiples of 7, of which 6 are also multiples of 5.
        var expected = new Dictionary<ErrorKind, long> { [ErrorKind.Status5xx] = 40, [ErrorKind.Status4xx] = 23 };
        Assert.Equal(Sorted(expected), Sorted(whole.ErrorsByKind));
        Assert.Equal(Sorted(expected), Sorted(merged.ErrorsByKind));

        // Exact: the merged histograms are, bucket for bucket, the shards' histograms added, after a trip through the logs.
        Assert.Equal(HistogramCounts.Pairs(HistogramMerge.Sum(shards.Select(s => s.Corrected))), HistogramCounts.Pairs(merged.Corrected));
        Assert.Equal(HistogramCounts.Pairs(HistogramMerge.Sum(shards.Select(s => s.Raw))), HistogramCounts.Pairs(merged.Raw));
        // And the merged seconds partition the merged totals, as a single run's do.
        Assert.Equal(merged.Requests, merged.Intervals.Sum(i => i.Requests));
        Assert.Equal(merged.Errors, merged.Intervals.Sum(i => i.Errors));
        foreach (var (kind, count) in expected)
            Assert.Equal(count, merged.Intervals.Sum(i => i.ErrorsByKind.GetValueOrDefault(kind)));
    }

    private static LoadResult ReadLog(string path)
    {
        using var stream = File.OpenRead(path);
        return RunLog.Read(stream);
    }

    private static List<KeyValuePair<ErrorKind, long>> Sorted(IReadOnlyDictionary<ErrorKind, long> counts) => [.. counts.OrderBy(c => c.Key)];
}
