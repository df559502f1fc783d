using Microsoft.AspNetCore.Http;
using Scenarios.Model;

namespace Simulator.Faults;

/// <summary>
/// A fault that shapes how a vendor fake answers requests while its window is open. Each kind lives in its own
/// folder; <see cref="FaultTimeline"/> builds them from validated <see cref="FaultOptions"/>.
/// </summary>
public abstract class RequestFault(FaultSpec spec)
{
    public FaultSpec Spec { get; } = spec;

    /// <summary>
    /// Applies the fault to one request. Returns true when the fault produced the outcome itself (an error,
    /// a reset, no answer), false when the request should go on to the fake's normal handler.
    /// </summary>
    public abstract ValueTask<bool> ApplyAsync(FaultRequest request);
}

/// <summary>One request as a fault sees it.</summary>
public sealed record FaultRequest(HttpContext Http, string Vendor, string Endpoint, TimeProvider Clock, IVendorErrors Errors);

/// <summary>How a vendor words an error, so a faulted answer looks like that vendor's own.</summary>
public interface IVendorErrors
{
    (string ContentType, string Body) ErrorBody(int status);
}
