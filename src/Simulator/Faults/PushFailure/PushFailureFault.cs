using Scenarios.Model;
using Simulator.Faults.Outage;

namespace Simulator.Faults.PushFailure;

/// <summary>
/// The push channel fails while data flows (CareLink, April 2024): messages are refused like an outage, or accepted
/// with the provider's normal answer and silently never delivered (<see cref="PushDrop"/>, which the push fake carries
/// out). A ratio below 1 affects that share of messages, drawn from the run's seeded randomness.
/// </summary>
public sealed class PushFailureFault(FaultSpec spec, PushFailureFaultOptions options, Random random) : RequestFault(spec)
{
    private readonly FaultDraws _draws = new(random);

    public override int Order => 50;

    public override Task ApplyAsync(FaultRequest request, Func<Task> next)
    {
        if (options.Ratio < 1 && _draws.NextDouble() >= options.Ratio)
            return next();
        if (options.Mode == PushFailureMode.Fail)
            return OutageAnswer.WriteAsync(request, options.Response, options.StatusCode, next, Spec.Kind);
        request.Ask(new PushDrop());
        return next();
    }
}
