namespace ReferenceSystem.Receiver;

/// <summary>
/// Decides whether a window needs a backfill and for which span (spec ble-packets.md §4, xDrip's rule):
/// <list type="bullet">
/// <item>A gap is two consecutive known readings more than 5 min 20 s apart (xdripswift asks at 5.3 min), or the
///   newest known reading more than 5 min 20 s before now when this window brought no reading. The receiver's start
///   counts as a known point, so readings missed before the first connection are fetched but nothing older than the
///   start is.</item>
/// <item>Only gaps that end after the last successful backfill and inside the cap are considered (a span the
///   transmitter already answered for is not asked again).</item>
/// <item>Start = the reading before the earliest such gap − 5 min (xDrip), but not before the receiver's start and not
///   more than 3 h before now (xDrip's G6 cap, MAX_BACKFILL_PERIOD_MS; xdripswift allows 6 h). End = now + 5 min.</item>
/// </list>
/// The transmitter returns every reading it holds in [start, end]; the ones the receiver has already are dropped by
/// its sensor-time dedup.
/// </summary>
internal static class BackfillPlanner
{
    public static readonly TimeSpan ReadingInterval = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan GapAfter = ReadingInterval + TimeSpan.FromSeconds(20);
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxSpan = TimeSpan.FromHours(3);

    /// <param name="known">Sensor times of the readings the receiver has, ascending.</param>
    /// <param name="receiverStart">When the receiver started.</param>
    /// <param name="now">This window's time.</param>
    /// <param name="backfilledThrough">The window time of the last successful backfill, if any.</param>
    public static BackfillSpan? Plan(IReadOnlyList<DateTimeOffset> known, DateTimeOffset receiverStart, DateTimeOffset now, DateTimeOffset? backfilledThrough)
    {
        var floor = now - MaxSpan;
        // Points in time order, each with the start a gap after it would be asked from. The receiver's start stands in
        // for a reading only when no reading is known from around it, and is asked from as is (nothing older).
        var points = new List<(DateTimeOffset Time, DateTimeOffset AskFrom)>();
        if (known.Count == 0 || known[0] - receiverStart > GapAfter)
            points.Add((receiverStart, receiverStart));
        points.AddRange(known.Select(t => (t, t - Margin)));
        if (now - points[^1].Time > GapAfter)
            points.Add((now, now)); // this window brought no reading: the gap runs up to now

        for (var i = 1; i < points.Count; i++)
        {
            var gapEnd = points[i].Time;
            if (gapEnd - points[i - 1].Time > GapAfter && gapEnd > floor && (backfilledThrough is null || gapEnd > backfilledThrough))
            {
                var start = points[i - 1].AskFrom;
                return new BackfillSpan(start < floor ? floor : start, now + Margin);
            }
        }
        return null;
    }
}

/// <summary>The span a BackfillTx asks for, in wall time.</summary>
internal sealed record BackfillSpan(DateTimeOffset Start, DateTimeOffset End);
