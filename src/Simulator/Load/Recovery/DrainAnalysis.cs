namespace Simulator.Load.Recovery;

/// <summary>
/// The vendor's queue from the journal: a reading is queued from its acceptance until its release, so the queue at an
/// instant is the withheld readings accepted by then minus those released by then (two sorted arrays, a binary search
/// each). Drain time is recovery to the release of the last reading withheld during the outage.
/// </summary>
internal sealed class DrainAnalysis
{
    private readonly long[] _accepted;
    private readonly long[] _visible;

    public DrainAnalysis(JournalDigest digest)
    {
        _accepted = [.. digest.HeldAccepted];
        _visible = [.. digest.HeldVisible];
        Array.Sort(_accepted);
        Array.Sort(_visible);
    }

    /// <summary>Readings held back at <paramref name="at"/> (accepted at or before it, released after it).</summary>
    public long QueueAt(DateTimeOffset at)
    {
        var t = at.UtcTicks;
        return UpperBound(_accepted, t) - UpperBound(_visible, t);
    }

    public DrainFigures Figures(JournalDigest digest, DateTimeOffset recoveryAt, DateTimeOffset liveEnd)
    {
        var recovery = recoveryAt.UtcTicks;
        long withheld = 0, heldAfter = 0, lastOutage = long.MinValue, last = long.MinValue;
        for (var i = 0; i < digest.HeldAccepted.Count; i++)
        {
            var visible = digest.HeldVisible[i];
            last = Math.Max(last, visible);
            if (digest.HeldAccepted[i] < recovery)
            {
                withheld++;
                lastOutage = Math.Max(lastOutage, visible);
            }
            else heldAfter++;
        }
        // Nothing is released before recovery, so the queue peaks just before it, unless uploads that wait behind the
        // backlog arrive faster than it drains: sample every virtual minute of the live phase too.
        var (peak, peakAt) = (withheld, recoveryAt);
        for (var t = recoveryAt; t <= liveEnd; t += TimeSpan.FromMinutes(1))
        {
            var q = QueueAt(t);
            if (q > peak) (peak, peakAt) = (q, t);
        }
        DateTimeOffset? lastVisible = lastOutage == long.MinValue ? null : new DateTimeOffset(lastOutage, TimeSpan.Zero);
        return new DrainFigures(
            withheld,
            peak,
            peakAt,
            lastVisible,
            lastVisible is { } l ? (l - recoveryAt).TotalSeconds : null,
            heldAfter,
            last == long.MinValue ? null : new DateTimeOffset(last, TimeSpan.Zero));
    }

    /// <summary>How many values are at or below <paramref name="value"/>.</summary>
    private static long UpperBound(long[] sorted, long value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (sorted[mid] <= value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
