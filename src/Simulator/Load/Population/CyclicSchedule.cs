using LoadDriver.Models;
using Simulator.Glucose.Cohorts;

namespace Simulator.Load.Population;

/// <summary>One request of a <see cref="CyclicSchedule"/>: which entity, in which of its cycles, on which lane.</summary>
public readonly record struct CyclicRequest(int Entity, long Cycle, int Lane);

/// <summary>
/// Entities (patients, followers) that each act once per <see cref="Interval"/> of virtual time, on
/// <see cref="Lanes"/> lanes (e.g. Share and Nightscout) back to back, as one constant-rate request stream. The
/// entities take evenly spaced slots in the interval in a seeded order, so request <c>i</c> of the stream is due at
/// exactly the virtual instant its entity acts: cycle <c>i / (E·L)</c>, slot <c>(i mod E·L) / L</c>, lane
/// <c>i mod L</c>. Each entity therefore acts exactly once per interval, its phase fixed by the seed, and a shard that
/// owns every N-th index owns a fixed subset of the (entity, cycle, lane) triples.
/// </summary>
public sealed class CyclicSchedule
{
    private readonly int[] _entityAt;
    private readonly int[] _slotOf;

    /// <param name="seed">The run's seed; <paramref name="stream"/> keeps this schedule's order independent of the others.</param>
    public CyclicSchedule(int entities, int lanes, TimeSpan interval, TimeSpan span, int seed, ulong stream)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(entities, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(lanes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(span, TimeSpan.Zero);
        (Entities, Lanes, Interval, Span) = (entities, lanes, interval, span);
        _entityAt = [.. Enumerable.Range(0, entities)];
        new Random(SeedStreams.Derive(seed, stream, 0)).Shuffle(_entityAt);
        _slotOf = new int[entities];
        for (var slot = 0; slot < entities; slot++) _slotOf[_entityAt[slot]] = slot;
        // Request i is due at virtual i·Interval/(E·L); the stream ends at the first one at or after the span.
        Requests = (span.Ticks * PerCycle + interval.Ticks - 1) / interval.Ticks;
    }

    public int Entities { get; }
    public int Lanes { get; }
    public TimeSpan Interval { get; }
    public TimeSpan Span { get; }

    public long PerCycle => (long)Entities * Lanes;

    /// <summary>Requests in the whole stream (all shards).</summary>
    public long Requests { get; }

    /// <summary>Cycles that have at least one request: the last may be cut short by the span.</summary>
    public long Cycles => (Requests + PerCycle - 1) / PerCycle;

    public int SlotOf(int entity) => _slotOf[entity];

    public CyclicRequest At(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Requests);
        var cycle = Math.DivRem(index, PerCycle, out var withinCycle);
        var slot = Math.DivRem(withinCycle, Lanes, out var lane);
        return new CyclicRequest(_entityAt[slot], cycle, (int)lane);
    }

    /// <summary>Virtual time from the start at which <paramref name="entity"/> acts in <paramref name="cycle"/> (its lane-0 request).</summary>
    public TimeSpan Offset(int entity, long cycle) =>
        TimeSpan.FromTicks(Interval.Ticks * cycle + Interval.Ticks * _slotOf[entity] / Entities);

    /// <summary>The entity's last cycle that began at or before <paramref name="offset"/>; 0 before its first.</summary>
    public long CycleAt(int entity, TimeSpan offset)
    {
        var phase = Interval.Ticks * _slotOf[entity] / Entities;
        return offset.Ticks < phase ? 0 : (offset.Ticks - phase) / Interval.Ticks;
    }

    /// <summary>Requests per real second at <paramref name="compression"/> virtual seconds per real second.</summary>
    public double PerRealSecond(double compression) => PerCycle * compression / Interval.TotalSeconds;

    /// <summary>The stream as the load driver's open model: due instants i/rate, bounded by the real span and the request count.</summary>
    public ConstantRate Model(TimeSpan realSpan, double compression, int maxInFlight) =>
        new(PerRealSecond(compression), realSpan, Requests, maxInFlight);
}
