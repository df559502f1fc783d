using Scenarios.Model;
using Simulator.Glucose;

namespace Simulator.Faults.Stale;

/// <summary>A reading as served to a follower: what it really is (journaled) and what the follower is shown.</summary>
public sealed record ServedReading(Reading Truth, Reading Shown);

/// <summary>
/// What a stale fault asks of a data vendor's read: serve only readings measured before <see cref="Since"/>, the newest
/// re-stamped (when <see cref="Timestamps"/> is fresh) to the latest instant on its own cadence, so it never looks older
/// than <see cref="Interval"/>. The journal gets the truth, so scoring sees exactly how stale the follower's view was.
/// </summary>
public sealed record StaleReads(DateTimeOffset Since, StaleTimestamps Timestamps, TimeSpan Interval) : FaultEffect("stale")
{
    /// <param name="visibleNewestFirst">Everything the vendor would serve now, newest first.</param>
    public IReadOnlyList<ServedReading> Serve(IEnumerable<Reading> visibleNewestFirst, DateTimeOffset now)
    {
        var frozen = visibleNewestFirst.Where(r => r.SensorTime < Since).Select(r => new ServedReading(r, r)).ToList();
        if (frozen.Count == 0 || Timestamps == StaleTimestamps.Original)
            return frozen;
        var newest = frozen[0].Truth;
        var steps = Math.Floor((now - newest.SensorTime) / Interval);
        frozen[0] = frozen[0] with { Shown = newest with { SensorTime = newest.SensorTime + Interval * steps } };
        return frozen;
    }
}
