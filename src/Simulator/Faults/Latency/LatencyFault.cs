using Scenarios.Model;

namespace Simulator.Faults.Latency;

/// <summary>
/// Slows every answer by a virtual delay. WireMock's own delays run on the real clock, so the delay is
/// awaited on the run's clock instead (virtual delay ÷ speed of real time).
/// </summary>
public sealed class LatencyFault(FaultSpec spec, LatencyFaultOptions options, Random random) : RequestFault(spec)
{
    private readonly Lock _gate = new();

    public override async ValueTask<bool> ApplyAsync(FaultRequest request)
    {
        var delay = NextDelay();
        if (delay > TimeSpan.Zero)
        {
            try { await Task.Delay(delay, request.Clock, request.Http.RequestAborted); }
            catch (OperationCanceledException) { return true; }
        }
        return false;
    }

    public TimeSpan NextDelay()
    {
        if (options.Distribution == LatencyDistribution.Fixed) return options.Delay;
        double u;
        lock (_gate) u = random.NextDouble();
        return options.Delay + (options.MaxDelay - options.Delay) * u;
    }
}
