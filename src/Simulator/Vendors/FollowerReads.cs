using Simulator.Faults;
using Simulator.Faults.Stale;
using Simulator.Glucose;

namespace Simulator.Vendors;

/// <summary>
/// What a data vendor's read returns: the store's visible readings, or under a stale fault the frozen ones (the newest
/// perhaps re-stamped to look current). The journal always gets the real sensor times, so scoring sees how old the
/// follower's view truly was.
/// </summary>
internal static class FollowerReads
{
    /// <returns>Readings newest first, as the follower is to be shown them.</returns>
    public static IReadOnlyList<Reading> Read(ReadingStore store, string patient, DateTimeOffset notBefore, int maxCount, DateTimeOffset now)
    {
        List<ServedReading> served;
        if (FaultRequest.Current?.Take<StaleReads>() is { } stale)
        {
            // The look-back window applies to what is shown: a re-stamped value is inside it even when its truth is not.
            served = [.. stale.Serve(store.Visible(patient, DateTimeOffset.MinValue, int.MaxValue), now)
                .Where(r => r.Shown.SensorTime >= notBefore).Take(maxCount)];
        }
        else
        {
            served = [.. store.Visible(patient, notBefore, maxCount).Select(r => new ServedReading(r, r))];
        }
        store.RecordServed(patient, [.. served.Select(r => r.Truth)]);
        return [.. served.Select(r => r.Shown)];
    }
}
