using Scenarios.Model;

namespace Simulator.Faults.Latency;

/// <summary>
/// Slows answers: a virtual delay before the first byte (fixed, uniform or lognormal, seeded), and/or a body that
/// trickles out (<see cref="Dribble"/>). WireMock's own delays run on the real clock, so the delay is awaited on the
/// run's clock instead (virtual delay ÷ speed of real time).
/// </summary>
public sealed class LatencyFault(FaultSpec spec, LatencyFaultOptions options, Random random) : RequestFault(spec)
{
    /// <summary>Lognormal tails are unbounded; beyond this the client has long given up and the number only risks overflow.</summary>
    private static readonly TimeSpan LongestDelay = TimeSpan.FromDays(1);

    private readonly FaultDraws _draws = new(random);

    public override int Order => 0;

    public override async Task ApplyAsync(FaultRequest request, Func<Task> next)
    {
        request.Shaped(Spec.Kind);
        var delay = NextDelay();
        if (delay > TimeSpan.Zero)
        {
            try { await Task.Delay(delay, request.Clock, request.Http.RequestAborted); }
            catch (OperationCanceledException)
            {
                request.Abort(Spec.Kind);
                return;
            }
        }
        if (options.DribbleBytesPerSecond is { } pace)
            await Dribble.WriteAsync(request, pace, next);
        else
            await next();
    }

    public TimeSpan NextDelay()
    {
        switch (options.Distribution)
        {
            case LatencyDistribution.Uniform:
                return options.Delay + (options.MaxDelay - options.Delay) * _draws.NextDouble();
            case LatencyDistribution.Lognormal:
                var seconds = options.Delay.TotalSeconds * Math.Exp(options.Sigma * _draws.NextGaussian());
                return seconds >= LongestDelay.TotalSeconds ? LongestDelay : TimeSpan.FromSeconds(seconds);
            default:
                return options.Delay;
        }
    }
}
