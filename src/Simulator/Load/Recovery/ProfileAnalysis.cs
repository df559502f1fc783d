namespace Simulator.Load.Recovery;

/// <summary>Turns one profile's run into its report: the journal is read once, then each figure comes from its own analysis.</summary>
internal static class ProfileAnalysis
{
    public static ProfileReport Analyze(ProfileRunData data, RecoveryInputs inputs, bool asserted)
    {
        var started = inputs.Real.GetTimestamp();
        var (timeline, population) = (inputs.Timeline, inputs.Population);
        var digest = JournalDigest.Read(data.Journal, population.Followed.Select(p => p.Id).ToHashSet(StringComparer.Ordinal));
        var drain = new DrainAnalysis(digest);
        var freshness = new FreshnessAnalysis(digest, population.Followed.Select(p => (p.Id, p.Followers.Count)), timeline.Recovery, data.LiveEnd);
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var follower in population.Followed.SelectMany(p => p.Followers))
            tokens.TryAdd(follower.Token, follower.Id);
        var alerts = new AlertAnalysis(digest.Pushes, tokens);
        var traffic = new TrafficAnalysis(timeline.Recovery, data.LiveEnd, data.Calls, data.Uploads, inputs.Options.Speed);
        var audit = ReadingAudit.Audit(digest, data.Ingest, population.Followed.Select(p => p.Id), timeline.LiveStart, data.LiveEnd, alerts.DuplicatePushes);

        var curves = new List<MinuteRow>();
        // Every minute the live phase touched; the last row is the partial minute it ended in.
        for (var minute = traffic.MinuteOf(timeline.LiveStart); minute <= traffic.MinuteOf(data.LiveEnd); minute++)
        {
            var at = timeline.Recovery + TimeSpan.FromMinutes(minute);
            var polls = traffic.PollsIn(minute);
            var uploads = traffic.UploadsIn(minute);
            var (pushes, maxToOne) = alerts.InMinute(at);
            curves.Add(new MinuteRow(
                (int)minute,
                drain.QueueAt(at),
                freshness.FreshFollowersAt(at),
                polls?.Requests ?? 0,
                polls?.Errors ?? 0,
                Ms(polls, 50),
                Ms(polls, 99),
                uploads?.Requests ?? 0,
                uploads?.Errors ?? 0,
                Ms(uploads, 50),
                Ms(uploads, 99),
                pushes,
                maxToOne));
        }

        var drainFigures = drain.Figures(digest, timeline.Recovery, data.LiveEnd);
        return new ProfileReport
        {
            Profile = ProfileRun.ProfileName(data.Profile),
            Asserted = asserted,
            Passed = audit.Lost == 0 && audit.KeptTwice == 0 && audit.AlertedTwice == 0 && audit.DuplicatePushes == 0,
            Timing = new ProfileTiming(timeline.LiveStart, data.LiveEnd, Seconds(data.RealFastForward), data.FastForwarded, Seconds(data.RealLive),
                Seconds(inputs.Real.GetElapsedTime(started)), data.EndedBecause, Seconds(data.Gc.Pause), data.Gc.FullCollections),
            Drain = drainFigures,
            Freshness = freshness.Figures(timeline.Recovery),
            Polls = traffic.PollFigures,
            Uploads = traffic.UploadFigures,
            Alerts = alerts.Figures(timeline.Recovery),
            Audit = audit,
            Curves = curves,
            Journal = data.JournalPath is null ? null : Path.GetFileName(data.JournalPath),
        };
    }

    private static double Ms(TrafficMinute? minute, double percentile) =>
        minute is null || minute.Latency.TotalCount == 0 ? 0 : Math.Round(minute.Latency.GetValueAtPercentile(percentile) / 1000.0, 3);

    private static double Seconds(TimeSpan span) => Math.Round(span.TotalSeconds, 2);
}
