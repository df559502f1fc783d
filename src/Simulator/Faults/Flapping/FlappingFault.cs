using Scenarios.Model;
using Simulator.Faults.Outage;

namespace Simulator.Faults.Flapping;

/// <summary>
/// Up/down cycles for the whole window: in a down phase every request is answered like an outage, in an up phase the
/// vendor is fine. Phase lengths come from <see cref="FlappingSchedule"/> (seeded jitter).
/// </summary>
public sealed class FlappingFault(FaultSpec spec, FlappingFaultOptions options, Random random) : RequestFault(spec)
{
    public FlappingSchedule Schedule { get; } = new(spec.At, spec.Until, options, new FaultDraws(random));

    public override int Order => 20;

    public override Task ApplyAsync(FaultRequest request, Func<Task> next) =>
        Schedule.IsDownAt(request.Clock.GetUtcNow())
            ? OutageAnswer.WriteAsync(request, options.Response, options.StatusCode, next, Spec.Kind)
            : next();
}
