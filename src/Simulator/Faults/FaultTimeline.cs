using Scenarios.Model;
using Simulator.Faults.Backlog;
using Simulator.Faults.Partial;

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
            // Options built in code get the loader's checks too, all problems at once.
            FaultOptionsValidation.ThrowIfInvalid(spec.Options);
            var random = new Random(unchecked(seed * 397 + i + 1));
            switch (spec.Options)
            {
                // A scenario's backlog has no seed of its own: its reorder draws from the run seed and its position too.
                case BacklogFaultOptions o: _backlogs.Add(new BacklogFault(spec, o.Seed == 0 ? o with { Seed = random.Next() } : o)); break;
                default:
                    var where = new RequestFilter((spec.Options as RequestFaultOptions)?.Where, $"{seed}/{i}");
                    _requestFaults.Add(RequestFaults.Create(spec, random, where)
                        ?? throw new NotSupportedException($"Fault kind '{spec.Kind}' has no implementation in the engine."));
                    break;
            }
        }
    }

    public IReadOnlyList<FaultSpec> Specs { get; }

    /// <summary>
    /// Request faults open on this endpoint now, outermost first (<see cref="RequestFault.Order"/>: latency, then the ones
    /// that refuse or fail, then the ones the vendor's handler carries out); <c>where:</c> filters apply per request.
    /// </summary>
    public IReadOnlyList<RequestFault> ActiveFor(string vendor, string endpoint, DateTimeOffset now) =>
        [.. _requestFaults.Where(f => f.Spec.IsActiveAt(now) && f.Spec.Target.Matches(vendor, endpoint))
                          .OrderBy(f => f.Order)];

    /// <summary>
    /// The backlog holding back what this vendor accepts now (a backlog aims at the vendor or its read side): one whose
    /// window is open, or, when new uploads wait behind it, one that is still draining.
    /// </summary>
    public BacklogFault? BacklogAt(string vendor, DateTimeOffset now) =>
        _backlogs.FirstOrDefault(b => b.Holds(now) && b.Spec.Target.Matches(vendor, "read"));

    /// <summary>
    /// Windows in which no read of this vendor brings anything new: every read fails (an outage in any form, a rate
    /// limit without allowance) or is frozen (stale). A fault with a <c>where:</c> filter leaves other followers be.
    /// </summary>
    public IEnumerable<FaultSpec> TotalReadOutages(string vendor) =>
        Specs.Where(s => s.Options is OutageFaultOptions { Ratio: >= 1, Where: null }
                             or StaleFaultOptions { Where: null }
                             or RateLimitFaultOptions { Limit: null, Where: null }
                         && s.Target.Matches(vendor, "read"));
}
