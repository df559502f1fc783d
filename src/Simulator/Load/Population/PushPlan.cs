using LoadDriver.Models;
using Simulator.Load.Traffic;

namespace Simulator.Load.Population;

/// <summary>One planned push: to which follower, about which patient's reading, which alert.</summary>
public readonly record struct PlannedPush(int Follower, int Patient, long PatientCycle, string Alert);

/// <summary>
/// The push fan-out as one constant-rate stream. Per-follower mode is a <see cref="CyclicSchedule"/> over the
/// followers: each push carries the patient's newest reading at that virtual instant, named by the alert it stands in
/// (or <c>glucose</c> when in range). Crossing mode lists, in virtual-time order, one push per follower of a patient
/// for each reading that crossed a threshold (at or below 55 or 70 from above, at or above 250 from below); those go
/// out evenly at the average rate over the real span, push i at i/rate, so the order is the crossings' order but the
/// instants are not the crossings' own.
/// </summary>
public sealed class PushPlan
{
    private readonly PopulationLoad _load;
    private readonly CyclicSchedule? _perFollower;
    private readonly IReadOnlyList<PlannedPush>? _crossings;

    private PushPlan(PopulationLoad load, CyclicSchedule? perFollower, IReadOnlyList<PlannedPush>? crossings)
    {
        (_load, _perFollower, _crossings) = (load, perFollower, crossings);
        Requests = perFollower?.Requests ?? crossings!.Count;
    }

    public long Requests { get; }

    public bool OnCrossings => _crossings is not null;

    internal static PushPlan? For(PopulationLoad load, PushMode mode, ulong orderStream)
    {
        if (mode.IsOff || load.Followers.Count == 0) return null;
        if (mode.Every is { } every)
            return new PushPlan(load, new CyclicSchedule(load.Followers.Count, 1, every, load.Options.VirtualSpan, load.Options.Seed, orderStream), null);
        var crossings = Crossings(load);
        return crossings.Count == 0 ? null : new PushPlan(load, null, crossings);
    }

    public PlannedPush At(long index)
    {
        if (_crossings is not null) return _crossings[(int)index];
        var request = _perFollower!.At(index);
        var patient = _load.Followers[request.Entity].Patient;
        var reading = _load.Uploads.CycleAt(patient, _perFollower.Offset(request.Entity, request.Cycle));
        var cycle = Math.Min(reading, _load.Uploads.Cycles - 1);
        return new PlannedPush(request.Entity, patient, cycle, AlertNames.For(_load.Mgdl(patient, cycle)));
    }

    public ConstantRate Model(TimeSpan realSpan, double compression, int maxInFlight) => _perFollower is not null
        ? _perFollower.Model(realSpan, compression, maxInFlight)
        : new ConstantRate(Requests / realSpan.TotalSeconds, realSpan, Requests, maxInFlight);

    private static List<PlannedPush> Crossings(PopulationLoad load)
    {
        var thresholds = new (string Alert, Func<int, bool> In)[]
        {
            (AlertNames.UrgentLow, v => v <= 55), (AlertNames.Low, v => v <= 70), (AlertNames.High, v => v >= 250),
        };
        var found = new List<(TimeSpan At, PlannedPush Push)>();
        foreach (var patient in load.Patients.Where(p => p.Followers.Count > 0))
        {
            for (long cycle = 1; cycle < load.Uploads.Cycles; cycle++)
            {
                var at = load.Uploads.Offset(patient.Index, cycle);
                if (at >= load.Options.VirtualSpan) break;
                var (before, now) = (load.Mgdl(patient.Index, cycle - 1), load.Mgdl(patient.Index, cycle));
                foreach (var (alert, inside) in thresholds)
                    if (inside(now) && !inside(before))
                        found.AddRange(patient.Followers.Select(f => (at, new PlannedPush(f, patient.Index, cycle, alert))));
            }
        }
        return [.. found.OrderBy(x => x.At).ThenBy(x => x.Push.Follower).Select(x => x.Push)];
    }
}
