using System.Net;
using Scenarios.Model;
using Simulator.Faults;
using Simulator.Journal;
using Simulator.Runs;
using Simulator.Time;
using Simulator.Vendors;
using Simulator.Vendors.DexcomShare;
using Simulator.Vendors.Fcm;

namespace Simulator.Load.Recovery;

/// <summary>
/// One profile's world, from nothing to the ingest report: a fresh journal, Share and FCM fakes under the backlog
/// fault, the outage fast-forwarded into the store, then the live phase on the virtual clock (the follower system
/// following through the poll relay, every patient's phone uploading through the load driver, the backlog released at
/// recovery) until every followed patient is fresh and the backlog has drained, plus a margin, or the bound.
/// </summary>
internal static class ProfileRun
{
    /// <summary>"Fresh" for ending the live phase: the follower system shows a reading at most this old.</summary>
    public static readonly TimeSpan FreshWithin = TimeSpan.FromMinutes(10);

    public static async Task<ProfileRunData> RunAsync(RecoveryInputs inputs, RecoveryProfile profile, CancellationToken ct)
    {
        var options = inputs.Options;
        var name = ProfileName(profile);
        // In memory while the run goes: streaming the 11.5 million fast-forwarded events to disk as they come would take
        // one of the two cores for minutes, right when the live phase is being measured. Written out at the end instead.
        // Uncapped: the audit reads every event back at the end anyway, so spilling would only add the disk round trip.
        await using var journal = new RunJournal(memoryCap: int.MaxValue);
        var world = await RunWorldAsync(inputs, name, journal, ct);
        // Every fake and the follower system have stopped: nothing can be journaled any more.
        journal.Append(new RunEnded { At = world.LiveEnd, Outcome = "completed" });
        var events = journal.Snapshot();
        string? journalPath = null;
        if (options.WriteJournal)
        {
            journalPath = Path.Combine(options.OutputDirectory, $"journal-{name}.jsonl");
            await JournalFile.WriteAsync(journalPath, events, ct);
        }
        return new ProfileRunData(profile, events, world.Ingest, world.Calls, world.Segments, world.LiveEnd, world.FastForwarded,
            world.RealFastForward, world.RealLive, world.EndedBecause, journalPath, world.Gc);
    }

    private sealed record World(
        IReadOnlyDictionary<string, PatientIngestData> Ingest,
        IReadOnlyList<RelayedCall> Calls,
        IReadOnlyList<UploadSegment> Segments,
        DateTimeOffset LiveEnd,
        long FastForwarded,
        TimeSpan RealFastForward,
        TimeSpan RealLive,
        string EndedBecause,
        GcDuringLive Gc);

    /// <summary>Builds the world, runs it and takes it down again (fakes, relay, clock endpoint and follower system).</summary>
    private static async Task<World> RunWorldAsync(RecoveryInputs inputs, string name, RunJournal journal, CancellationToken ct)
    {
        var (options, timeline, population) = (inputs.Options, inputs.Timeline, inputs.Population);
        var clock = new VirtualClock(timeline.LiveStart, options.Speed, inputs.Real);
        var backlog = new FaultSpec
        {
            Target = new FaultTarget(VendorIds.DexcomShare, "read"),
            At = timeline.OutageStart,
            Until = timeline.Recovery,
            Options = options.Release.ToFaultOptions(options.NewUploads, options.Seed),
        };
        var faults = new FaultTimeline([backlog], options.Seed);
        var context = new FakeContext(clock, journal, faults);
        using var share = new DexcomShareFake(context, population.Patients.Select(p => p.Share), timeline.OutageStart.Offset, new Random(options.Seed ^ 0x5A4E));
        using var fcm = new FcmFake(context, SutFollow.FcmProject, SutFollow.FcmAccessToken);
        share.Start();
        fcm.Start();

        journal.Append(new RunStarted { At = timeline.HistoryStart, Scenario = "backlog-recovery", Seed = options.Seed, Speed = options.Speed, Sut = $"reference-system/{name}" });
        var fastForwardStarted = inputs.Real.GetTimestamp();
        var fastForwarded = FastForward.Run(share.Store, journal, backlog, population, inputs.Traces, timeline);
        var realFastForward = inputs.Real.GetElapsedTime(fastForwardStarted);

        using var http = CreateClient();
        await share.WarmUpAsync(http, ct);
        await fcm.WarmUpAsync(http, ct);
        await using var harness = await HarnessApi.StartAsync(clock, ct);
        await using var relay = await PollRelay.StartAsync(share.BaseUrl, http, clock, inputs.Real, ct);
        await using var sut = await inputs.StartSut(ct);
        var sutClient = new SutClient(http, sut.BaseUrl);
        await sutClient.PreflightAsync(options.Speed, ct);
        var follow = new SutFollow(http, sutClient);
        var uploads = await PublisherUploads.LogInAsync(http, share.ServicesUrl, population, inputs.Traces, timeline.LiveStartSlot, ct);

        var liveStarted = inputs.Real.GetTimestamp();
        var (pauseBefore, gen2Before) = (GC.GetTotalPauseDuration(), GC.CollectionCount(2));
        clock.Start();
        await follow.StartAsync(name, options.Seed, harness.ClockUrl, new Uri(relay.BaseUrl, ShareWire.BasePath), fcm.BaseUrl, population, ct);
        var live = new LivePhase(inputs, clock, uploads, follow, faults.BacklogAt(VendorIds.DexcomShare, timeline.OutageStart)!, journal, backlog);
        var (segments, endedBecause) = await live.RunAsync(share.ServicesUrl, ct);
        var liveEnd = clock.GetUtcNow();
        await sutClient.StopAsync(CancellationToken.None);
        var realLive = inputs.Real.GetElapsedTime(liveStarted);
        // The harness shares the process (and the two cores) with the follower system: its GC pauses are everyone's.
        var gc = new GcDuringLive(GC.GetTotalPauseDuration() - pauseBefore, GC.CollectionCount(2) - gen2Before);
        var ingest = await follow.IngestAsync(ct);
        return new World(ingest, relay.Calls, segments, liveEnd, fastForwarded, realFastForward, realLive, endedBecause, gc);
    }

    public static string ProfileName(RecoveryProfile profile) => profile == RecoveryProfile.Naive ? "naive" : "resilient";

    /// <summary>Loopback, many connections, no cookies or decompression: the harness's client should cost as little as it can.</summary>
    private static HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        MaxConnectionsPerServer = 512,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    })
    {
        // The load driver times each upload; this only guards the harness's own calls against a hang.
        Timeout = TimeSpan.FromMinutes(2),
    };
}
