namespace LoadDriver.Models;

/// <summary>
/// An arrival-rate model: requests are due at instants fixed in advance, whatever the target does. Latency is measured
/// from those intended instants, so a stalled target is charged for every request that had to wait behind the stall
/// (coordinated-omission correction).
/// </summary>
public abstract record OpenModel : LoadModel
{
    /// <summary>Default bound on requests in flight; generous for loopback, but finite like a real client's connections.</summary>
    public const int DefaultMaxInFlight = 256;

    protected OpenModel(TimeSpan duration, long maxRequests, int maxInFlight) : base(duration, maxRequests)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInFlight, 1);
        MaxInFlight = maxInFlight;
    }

    /// <summary>
    /// A real client has finite connections. When all are busy a due request waits, which is exactly when service-time
    /// measurements start to lie and the correction matters.
    /// </summary>
    public int MaxInFlight { get; }

    /// <summary>The intended send instants as offsets from the start, ascending, all before <see cref="LoadModel.Duration"/>.</summary>
    public IEnumerable<TimeSpan> Schedule()
    {
        long n = 0;
        foreach (var offset in Offsets())
        {
            if (offset >= Duration || n++ >= MaxRequests) yield break;
            yield return offset;
        }
    }

    /// <summary>
    /// <see cref="Schedule"/> with each request's index in the whole schedule: what a send delegate uses to pick the
    /// request's content (which patient, which call), and what <see cref="Sharding.Shard"/> deals out.
    /// </summary>
    public IEnumerable<(long Index, TimeSpan Offset)> IndexedSchedule()
    {
        long n = 0;
        foreach (var offset in Schedule())
            yield return (n++, offset);
    }

    /// <summary>The model's own instants, possibly unbounded; <see cref="Schedule"/> applies the bounds.</summary>
    protected abstract IEnumerable<TimeSpan> Offsets();
}
