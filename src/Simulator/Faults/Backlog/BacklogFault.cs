using Scenarios.Model;

namespace Simulator.Faults.Backlog;

/// <summary>
/// The vendor accepts uploads but its pipeline is stuck: readings accepted inside the window stay invisible to
/// followers until it closes, then come out at the drain rate in the order they were accepted, all at once (burst),
/// or spread over a span in a seeded random order (reorder), always carrying their original sensor times.
/// With <see cref="BacklogNewUploads.Wait"/> the pipeline stays one queue after the window: a reading uploaded while
/// the backlog is still coming out waits behind it.
/// </summary>
public sealed class BacklogFault(FaultSpec spec, BacklogFaultOptions options)
{
    private readonly Lock _gate = new();
    private long _withheld;
    // The FIFO queue's tail (drain rate): the k-th reading since _tailBase comes out at _tailBase + k / rate. Kept as a
    // base and a count, not a running sum, so a long backlog's release instants carry no accumulated rounding.
    private DateTimeOffset _tailBase = spec.Until;
    private long _sinceTailBase;

    public FaultSpec Spec { get; } = spec;

    public BacklogFaultOptions Options { get; } = options;

    /// <summary>Readings this backlog has held back so far (inside the window, and behind it when new uploads wait).</summary>
    public long Withheld => Interlocked.Read(ref _withheld);

    /// <summary>When the last reading queued so far comes out: the backlog has drained from then on.</summary>
    public DateTimeOffset DrainedAt
    {
        get
        {
            lock (_gate)
            {
                return Options.Release switch
                {
                    BacklogRelease.Burst => Spec.Until,
                    BacklogRelease.Reorder => Spec.Until + Options.ReorderOver,
                    _ => _sinceTailBase == 0 ? _tailBase : Slot(_sinceTailBase - 1),
                };
            }
        }
    }

    /// <summary>
    /// Whether a reading accepted at <paramref name="now"/> is held by this backlog: inside the window, or after it while
    /// readings still queue and new uploads wait behind them.
    /// </summary>
    public bool Holds(DateTimeOffset now) =>
        Spec.IsActiveAt(now) || (Options.NewUploads == BacklogNewUploads.Wait && now >= Spec.Until && now < DrainedAt);

    /// <summary>When a reading accepted now becomes visible; each call queues one more reading behind the others.</summary>
    public DateTimeOffset Release(string patient, DateTimeOffset sensorTime, DateTimeOffset acceptedAt)
    {
        Interlocked.Increment(ref _withheld);
        var release = Options.Release switch
        {
            BacklogRelease.Burst => Spec.Until,
            // After the window the shuffle is already under way: a waiting reading comes out when it ends.
            BacklogRelease.Reorder => acceptedAt >= Spec.Until ? Spec.Until + Options.ReorderOver : Spec.Until + ReorderOffset(patient, sensorTime),
            _ => NextDrainSlot(acceptedAt),
        };
        // Behind the backlog after the window: never earlier than the acceptance itself.
        return release > acceptedAt ? release : acceptedAt;
    }

    private DateTimeOffset NextDrainSlot(DateTimeOffset acceptedAt)
    {
        lock (_gate)
        {
            var slot = Slot(_sinceTailBase);
            if (slot < acceptedAt)
            {
                // The queue ran empty before this reading arrived: it starts a new queue of its own.
                (_tailBase, _sinceTailBase) = (acceptedAt, 0);
                slot = acceptedAt;
            }
            _sinceTailBase++;
            return slot;
        }
    }

    private DateTimeOffset Slot(long position) => _tailBase + TimeSpan.FromSeconds(position / Options.DrainPerSecond);

    /// <summary>
    /// A seeded instant in [0, ReorderOver) from the reading itself (patient, sensor time) rather than from the order of
    /// arrival, so concurrent uploads cannot change which reading comes out when. Uniform independent instants put the
    /// withheld readings in a uniformly random order.
    /// </summary>
    private TimeSpan ReorderOffset(string patient, DateTimeOffset sensorTime)
    {
        var u = StableHash.Unit(Options.Seed, patient, sensorTime.UtcTicks);
        return TimeSpan.FromTicks((long)(u * Options.ReorderOver.Ticks));
    }
}
