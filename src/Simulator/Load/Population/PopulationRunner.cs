using System.Net;
using LoadDriver.Running;
using LoadDriver.Thresholds;
using Simulator.Faults;
using Simulator.Journal;
using Simulator.Time;
using Simulator.Vendors;

namespace Simulator.Load.Population;

/// <summary>What a population load came to, and where its files are.</summary>
public sealed record PopulationRunResult(PopulationReport Report, IReadOnlyDictionary<string, LoadResult> Streams, IReadOnlyList<string> Files);

/// <summary>
/// Runs a planned population load: starts the targets (fakes on a virtual clock at the load's compression, or the
/// external endpoints), warms the fakes up, starts the clock and all streams together, then checks the journal and
/// writes the reports. Real time is measured with <see cref="TimeProvider.System"/>; virtual sensor times come from the
/// plan, on the same virtual clock the fakes read.
/// </summary>
public static class PopulationRunner
{
    public static async Task<PopulationRunResult> RunAsync(PopulationLoad load, IReadOnlyList<StreamThreshold> thresholds, string outputDirectory,
        TimeSpan buildTime, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(thresholds);
        var options = load.Options;
        // Before any traffic: a team's service needs the accounts and tokens it is about to be sent.
        var files = new List<string>();
        if (options.Endpoints.AnyExternal) files.Add(await PopulationCredentialsFile.WriteAsync(outputDirectory, load, ct));
        EnsureThreadPoolHeadroom(options.MaxInFlight);
        var clock = new VirtualClock(options.VirtualStart, options.Compression);
        // In memory only, uncapped: a file writer would compete with the load for the same two cores, and the bounded
        // load (its duration and request count) bounds the journal too.
        await using var journal = new RunJournal(memoryCap: int.MaxValue);
        using var targets = PopulationTargets.Start(load, new FakeContext(clock, journal, new FaultTimeline([], options.Seed)));
        using var http = CreateClient();
        await targets.WarmUpAsync(http, ct);
        await FakeWarmUp.RunAsync(load, targets, http, options.WarmUp, ct);

        var streams = new PopulationStreams(load, targets, http);
        await streams.LogInAsync(ct);
        var planned = streams.All();
        foreach (var t in thresholds.Where(t => t.Stream != PopulationStreams.Combined && planned.All(s => s.Name != t.Stream)))
            throw new Runs.RunFailedException($"--threshold '{t.Stream}:{t.Rule.Expression}' is about the {t.Stream} stream, which this load does not have (it needs followers, and for pushes --pushes not off; crossings may find none).");

        clock.Start();
        var runner = new LoadRunner(TimeProvider.System);
        var results = await Task.WhenAll(planned.Select(s => runner.RunAsync(s.Model, s.Target, s.Send, options.Shard, ct)));
        var check = JournalCheck.Of(targets, journal, streams);

        var byName = planned.Select(s => s.Name).Zip(results).ToDictionary(x => x.First, x => x.Second, StringComparer.Ordinal);
        var report = PopulationReportBuilder.Build(load, targets.Describe(load), byName, thresholds, check, buildTime,
            new Dictionary<string, long>(StringComparer.Ordinal)
            {
                ["publishers"] = streams.PublisherShare?.Logins ?? 0,
                ["followers"] = streams.FollowerShare?.Logins ?? 0,
            });
        files.AddRange(await PopulationReportFiles.WriteAsync(outputDirectory, load, report, byName, ct));
        return new PopulationRunResult(report, byName, files);
    }

    /// <summary>Loopback, many connections, no cookies or decompression: the client should cost as little as it can.</summary>
    private static HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    })
    {
        // The load runner's per-request timeout is the one that counts; this one only guards against a hang.
        Timeout = TimeSpan.FromMinutes(2),
    };

    /// <summary>
    /// Hundreds of requests in flight and WireMock's synchronous callbacks: a thread pool that adds threads slowly
    /// would show up as latency that is the harness's own, not the target's.
    /// </summary>
    private static void EnsureThreadPoolHeadroom(int maxInFlight)
    {
        var wanted = Math.Clamp(maxInFlight / 4, 32, 256);
        ThreadPool.GetMinThreads(out var workers, out var io);
        if (workers < wanted || io < wanted) ThreadPool.SetMinThreads(Math.Max(workers, wanted), Math.Max(io, wanted));
    }
}
