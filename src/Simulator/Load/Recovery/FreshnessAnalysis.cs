namespace Simulator.Load.Recovery;

/// <summary>
/// When each follower sees fresh data again, from the journal: a followed patient is fresh at an instant when the newest
/// reading the vendor has served the follower system so far is at most <see cref="FreshWithin"/> old; the time to fresh
/// is from recovery to the first answer, at or after it, that made the patient fresh, and all of the patient's followers
/// count from then. The curve counts, each minute, the followers whose patient is fresh.
/// </summary>
internal sealed class FreshnessAnalysis
{
    public static readonly TimeSpan FreshWithin = ProfileRun.FreshWithin;

    private readonly IReadOnlyList<(int Followers, ServedReadings[] Served)> _patients;
    private readonly List<(int Followers, DateTimeOffset? FreshAt)> _freshAt = [];

    /// <param name="followed">Each followed patient's id and how many followers it has.</param>
    public FreshnessAnalysis(JournalDigest digest, IEnumerable<(string Id, int Followers)> followed, DateTimeOffset recoveryAt, DateTimeOffset liveEnd)
    {
        _patients = [.. followed.Select(p => (p.Followers, RunningNewest(digest.Served[p.Id], liveEnd)))];
        var recovery = recoveryAt.UtcTicks;
        foreach (var (followers, served) in _patients)
        {
            var first = served.FirstOrDefault(s => s.AtTicks >= recovery && IsFresh(s, s.AtTicks));
            _freshAt.Add((followers, first.NewestTicks is null ? null : new DateTimeOffset(first.AtTicks, TimeSpan.Zero)));
        }
    }

    public int FreshFollowersAt(DateTimeOffset at)
    {
        var t = at.UtcTicks;
        var fresh = 0;
        foreach (var (followers, served) in _patients)
        {
            var latest = LatestAtOrBefore(served, t);
            if (latest is { } s && IsFresh(s, t)) fresh += followers;
        }
        return fresh;
    }

    public FreshnessFigures Figures(DateTimeOffset recovery)
    {
        var followers = _freshAt.Sum(p => p.Followers);
        var seconds = _freshAt.Where(p => p.FreshAt is not null)
            .SelectMany(p => Enumerable.Repeat((p.FreshAt!.Value - recovery).TotalSeconds, p.Followers))
            .Order().ToArray();
        return new FreshnessFigures(
            followers,
            seconds.Length,
            seconds.Length == followers && followers > 0 ? seconds[^1] : null,
            Percentile(seconds, 50),
            Percentile(seconds, 90),
            Percentile(seconds, 99),
            seconds.Length == 0 ? null : seconds[^1]);
    }

    /// <summary>The answers in time order, each carrying the newest reading served by then (an empty answer forgets nothing).</summary>
    private static ServedReadings[] RunningNewest(List<ServedReadings> served, DateTimeOffset liveEnd)
    {
        var ordered = served.Where(s => s.AtTicks <= liveEnd.UtcTicks).OrderBy(s => s.AtTicks).ToArray();
        long? newest = null;
        for (var i = 0; i < ordered.Length; i++)
        {
            if (ordered[i].NewestTicks is { } n && (newest is null || n > newest)) newest = n;
            ordered[i] = ordered[i] with { NewestTicks = newest };
        }
        return ordered;
    }

    private static bool IsFresh(ServedReadings s, long atTicks) => s.NewestTicks is { } newest && atTicks - newest <= FreshWithin.Ticks;

    private static ServedReadings? LatestAtOrBefore(ServedReadings[] served, long t)
    {
        int lo = 0, hi = served.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (served[mid].AtTicks <= t) lo = mid + 1;
            else hi = mid;
        }
        return lo == 0 ? null : served[lo - 1];
    }

    /// <summary>Nearest-rank percentile of sorted values; null when there are none.</summary>
    public static double? Percentile(double[] sorted, double percent) =>
        sorted.Length == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
