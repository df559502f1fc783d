using Scenarios.Model;

namespace Simulator.Faults.Stale;

/// <summary>
/// The vendor keeps serving what followers could see when the window opened, as if it were current (LibreLinkUp, June
/// 2023), while its uploads keep being accepted. Only the vendor's read handler knows its data, so the fault asks it
/// to (<see cref="StaleReads"/>).
/// </summary>
public sealed class StaleFault(FaultSpec spec, StaleFaultOptions options) : RequestFault(spec)
{
    public override int Order => 50;

    public override Task ApplyAsync(FaultRequest request, Func<Task> next)
    {
        request.Ask(new StaleReads(Spec.At, options.Timestamps, options.Interval));
        return next();
    }
}
