using Scenarios.Model;

namespace Simulator.Faults.Backlog;

/// <summary>
/// The vendor accepts uploads but its pipeline is stuck: readings accepted inside the window stay invisible
/// to followers until it closes, then come out in their original order at the drain rate (or all at once),
/// always carrying their original sensor times.
/// </summary>
public sealed class BacklogFault(FaultSpec spec, BacklogFaultOptions options)
{
    private long _withheld;

    public FaultSpec Spec { get; } = spec;

    /// <summary>When a reading accepted now becomes visible; every call queues one more reading behind the others.</summary>
    public DateTimeOffset ReleaseNext()
    {
        var position = Interlocked.Increment(ref _withheld) - 1;
        return options.Release == BacklogRelease.Burst
            ? Spec.Until
            : Spec.Until + TimeSpan.FromSeconds(position / options.DrainPerSecond);
    }

    public long Withheld => Interlocked.Read(ref _withheld);
}
