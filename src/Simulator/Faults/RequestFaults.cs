using Scenarios.Model;
using Simulator.Faults.Auth;
using Simulator.Faults.Flapping;
using Simulator.Faults.Latency;
using Simulator.Faults.Outage;
using Simulator.Faults.Partial;
using Simulator.Faults.PushFailure;
using Simulator.Faults.RateLimit;
using Simulator.Faults.Stale;

namespace Simulator.Faults;

/// <summary>The registry of request fault kinds the engine can run: one line per kind, each built from its own options.</summary>
public static class RequestFaults
{
    /// <param name="random">The fault's own generator (run seed and position).</param>
    /// <param name="where">The fault's <c>where:</c> filter, seeded the same way.</param>
    /// <returns>The fault, or null when the options are not a request fault kind.</returns>
    public static RequestFault? Create(FaultSpec spec, Random random, RequestFilter where) => spec.Options switch
    {
        OutageFaultOptions o => new OutageFault(spec, o, random) { Where = where },
        LatencyFaultOptions o => new LatencyFault(spec, o, random) { Where = where },
        StaleFaultOptions o => new StaleFault(spec, o) { Where = where },
        AuthFaultOptions o => new AuthFault(spec, o) { Where = where },
        RateLimitFaultOptions o => new RateLimitFault(spec, o) { Where = where },
        FlappingFaultOptions o => new FlappingFault(spec, o, random) { Where = where },
        PushFailureFaultOptions o => new PushFailureFault(spec, o, random) { Where = where },
        _ => null,
    };
}
