using Scenarios.Model;
using Simulator.Faults.Backlog;
using Simulator.Faults.Latency;
using Simulator.Faults.Outage;

namespace Simulator.Faults;

/// <summary>
/// The scenario's faults, built once per run, answering "what is wrong with this vendor endpoint at this
/// virtual instant?". Each fault draws from its own generator seeded from the run seed and its position, so
/// a fault's draws don't depend on what other faults drew.
/// </summary>
public sealed class FaultTimeline
{
    private readonly List<RequestFault> _requestFaults = [];
    private readonly List<BacklogFault> _backlogs = [];

    public FaultTimeline(IReadOnlyList<FaultSpec> faults, int seed)
    {
        Specs = faults;
        for (var i = 0; i < faults.Count; i++)
        {
            var spec = faults[i];
            var random = new Random(unchecked(seed * 397 + i + 1));
            switch (spec.Options)
            {
                case OutageFaultOptions o: _requestFaults.Add(new OutageFault(spec, o, random)); break;
                case LatencyFaultOptions o: _requestFaults.Add(new LatencyFault(spec, o, random)); break;
                case BacklogFaultOptions o: _backlogs.Add(new BacklogFault(spec, o)); break;
                default: throw new NotSupportedException($"Fault kind '{spec.Kind}' has no implementation in the engine.");
            }
        }
    }

    public IReadOnlyList<FaultSpec> Specs { get; }

    /// <summary>Request faults open on this endpoint now: latency first (it delays), then the ones that fail.</summary>
    public IReadOnlyList<RequestFault> ActiveFor(string vendor, string endpoint, DateTimeOffset now) =>
        [.. _requestFaults.Where(f => f.Spec.IsActiveAt(now) && f.Spec.Target.Matches(vendor, endpoint))
                          .OrderBy(f => f is LatencyFault ? 0 : 1)];

    /// <summary>The backlog holding back what this vendor accepts now (a backlog aims at the vendor or its read side).</summary>
    public BacklogFault? BacklogAt(string vendor, DateTimeOffset now) =>
        _backlogs.FirstOrDefault(b => b.Spec.IsActiveAt(now) && b.Spec.Target.Matches(vendor, "read"));

    /// <summary>Windows in which every read of this vendor fails: nothing can be followed through it.</summary>
    public IEnumerable<FaultSpec> TotalReadOutages(string vendor) =>
        Specs.Where(s => s.Options is OutageFaultOptions { Ratio: >= 1 } && s.Target.Matches(vendor, "read"));
}
