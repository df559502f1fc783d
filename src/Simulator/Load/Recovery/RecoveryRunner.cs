using Simulator.Runs;

namespace Simulator.Load.Recovery;

/// <summary>What a recovery run came to, and where its files are.</summary>
public sealed record RecoveryResult(RecoveryReport Report, IReadOnlyList<string> Files);

/// <summary>
/// A backlog-recovery rehearsal: a seeded population and its glucose are generated once; then each profile under test
/// gets a world of its own (fakes, journal, the outage fast-forwarded, the live phase), is analysed at once (so only one
/// profile's journal is ever in memory), and the report and its files are written.
/// </summary>
public static class RecoveryRunner
{
    /// <param name="startSut">Starts the follower system under test (the built-in ReferenceSystem), once per profile.</param>
    /// <param name="real">Real time, for the live phase's scheduling and every real duration reported.</param>
    /// <param name="progress">One line per step, for a person watching a long run.</param>
    /// <exception cref="RunFailedException">An option is out of range, or a part of the run could not be started.</exception>
    public static async Task<RecoveryResult> RunAsync(RecoveryOptions options, Func<CancellationToken, Task<IBuiltinSut>> startSut, TimeProvider real,
        IProgress<string>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var setupStarted = real.GetTimestamp();
        var timeline = new RecoveryTimeline(RecoveryTimeline.DefaultOutageStart, options.Outage, options.Lead, options.Patients);
        var slots = SlotsNeeded(options);
        progress?.Report($"generating {options.Patients} patients and their glucose ({slots} readings each)");
        var population = RecoveryPopulation.Generate(options.Patients, options.Followers, options.Seed, timeline.HistoryStart,
            TimeSpan.FromTicks(RecoveryTimeline.ReadingInterval.Ticks * slots));
        var traces = RecoveryTraces.Generate(population, timeline, slots);
        Directory.CreateDirectory(options.OutputDirectory);
        EnsureThreadPoolHeadroom();
        var inputs = new RecoveryInputs(options, timeline, population, traces, startSut, real);
        var setupSeconds = Math.Round(real.GetElapsedTime(setupStarted).TotalSeconds, 2);

        var profiles = new List<ProfileReport>();
        foreach (var profile in options.Profiles)
        {
            progress?.Report($"{ProfileRun.ProfileName(profile)}: fast-forwarding the outage, then the live phase at {options.Speed}x");
            profiles.Add(await RunProfileAsync(inputs, profile, ct));
            // The profile's world (12 million journal events at 10,000 patients) is garbage now: hand the memory back
            // before the next world is built, so two profiles peak no higher than one.
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        var report = new RecoveryReport
        {
            Run = new RecoveryRunFacts(options.Patients, population.FollowerCount, population.Followed.Count, Scenarios.Loading.HumanDuration.Format(options.Outage),
                options.Release.ToString(), options.NewUploads.ToString().ToLowerInvariant(), options.Speed, options.Seed, timeline.OutageStart,
                timeline.Recovery, timeline.LiveStart, "uva-padova", setupSeconds),
            Definitions = RecoveryDefinitions.All,
            Profiles = profiles,
            ExitCode = profiles.Any(p => p.Asserted && !p.Passed) ? 2 : 0,
        };
        var files = await RecoveryReportFiles.WriteAsync(options.OutputDirectory, report, ct);
        return new RecoveryResult(report, [.. files, .. profiles.Where(p => p.Journal is not null).Select(p => Path.Combine(options.OutputDirectory, p.Journal!))]);
    }

    /// <summary>Runs and analyses one profile; its journal is garbage once this returns.</summary>
    private static async Task<ProfileReport> RunProfileAsync(RecoveryInputs inputs, RecoveryProfile profile, CancellationToken ct)
    {
        var data = await ProfileRun.RunAsync(inputs, profile, ct);
        return ProfileAnalysis.Analyze(data, inputs, inputs.Options.Asserted.Contains(profile));
    }

    /// <summary>Readings per patient: the day before the outage, the outage, and the longest the live phase can run.</summary>
    internal static int SlotsNeeded(RecoveryOptions options)
    {
        var interval = RecoveryTimeline.ReadingInterval;
        var withheld = options.Patients * ((options.Outage.Ticks + options.Lead.Ticks) / interval.Ticks);
        var afterRecovery = options.Release.DrainDuration(withheld) + options.MaxAfterDrain + options.Settle + 2 * interval;
        var span = RecoveryTimeline.History + options.Outage + afterRecovery;
        return (int)Math.Ceiling(span.Ticks / (double)interval.Ticks);
    }

    /// <summary>
    /// The fakes answer on WireMock's synchronous callbacks and a thousand follower loops wake on timers: a thread pool
    /// that adds threads slowly would show up as latency that is the harness's own, not the follower system's.
    /// </summary>
    private static void EnsureThreadPoolHeadroom()
    {
        const int Wanted = 64;
        ThreadPool.GetMinThreads(out var workers, out var io);
        if (workers < Wanted || io < Wanted) ThreadPool.SetMinThreads(Math.Max(workers, Wanted), Math.Max(io, Wanted));
    }
}
