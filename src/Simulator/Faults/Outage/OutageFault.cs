using Scenarios.Model;

namespace Simulator.Faults.Outage;

/// <summary>
/// The vendor fails: an HTTP error in its own words, a connection reset, no answer until the client gives up, an empty
/// body, or its real answer cut in half. With a ratio below 1, each request draws from the run's seeded randomness,
/// so some still succeed.
/// </summary>
public sealed class OutageFault(FaultSpec spec, OutageFaultOptions options, Random random) : RequestFault(spec)
{
    /// <summary>How long a "timeout" outage holds a request (virtual) before dropping it, if the client waits that long.</summary>
    public static readonly TimeSpan TimeoutHold = OutageAnswer.TimeoutHold;

    private readonly FaultDraws _draws = new(random);

    public override int Order => 30;

    public override Task ApplyAsync(FaultRequest request, Func<Task> next) =>
        Hits() ? OutageAnswer.WriteAsync(request, options.Response, options.StatusCode, next, Spec.Kind) : next();

    private bool Hits() => options.Ratio >= 1 || _draws.NextDouble() < options.Ratio;
}
