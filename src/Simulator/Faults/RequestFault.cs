using Scenarios.Model;
using Simulator.Faults.Partial;

namespace Simulator.Faults;

/// <summary>
/// A fault that shapes how a vendor fake answers requests while its window is open. Each kind lives in its own
/// folder; <see cref="RequestFaults"/> builds them from validated <see cref="RequestFaultOptions"/>. The active faults
/// run like middleware around the vendor's handler, outermost (lowest <see cref="Order"/>) first.
/// </summary>
public abstract class RequestFault(FaultSpec spec)
{
    public FaultSpec Spec { get; } = spec;

    /// <summary>Which requests the fault reaches (a partial fault's <c>where:</c>); every request by default.</summary>
    public RequestFilter Where { get; init; } = RequestFilter.Everyone;

    /// <summary>
    /// Position around the handler, outermost first. Latency 0 (it delays, and trickles out, whatever comes back),
    /// rate-limit 10 (a front door that refuses before anything else), flapping 20, outage 30, then the faults that
    /// only ask the vendor's handler to behave differently (auth, stale, push-failure) at 50.
    /// </summary>
    public abstract int Order { get; }

    /// <summary>
    /// Runs the fault around the vendor's handler (<paramref name="next"/>): answer instead of it, delay it, rewrite its
    /// answer, or ask it (<see cref="FaultRequest.Ask"/>) to answer differently. A fault that changes the outcome says so
    /// (<see cref="FaultRequest.Shaped"/>), so the journal names the fault behind each answer.
    /// </summary>
    public abstract Task ApplyAsync(FaultRequest request, Func<Task> next);
}
