namespace LoadDriver.Models;

/// <summary>A rate that changes linearly from <see cref="FromPerSecond"/> to <see cref="ToPerSecond"/> over the duration.</summary>
public sealed record RampingRate : OpenModel
{
    public RampingRate(double fromPerSecond, double toPerSecond, TimeSpan duration, long maxRequests, int maxInFlight = DefaultMaxInFlight)
        : base(duration, maxRequests, maxInFlight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fromPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegative(toPerSecond);
        if (fromPerSecond == 0 && toPerSecond == 0)
            throw new ArgumentException("A ramp needs a non-zero rate at one end at least.", nameof(toPerSecond));
        FromPerSecond = fromPerSecond;
        ToPerSecond = toPerSecond;
    }

    public double FromPerSecond { get; }
    public double ToPerSecond { get; }

    public override string Describe() => $"ramp {FromPerSecond}/s to {ToPerSecond}/s over {Duration.TotalSeconds}s";

    protected override IEnumerable<TimeSpan> Offsets()
    {
        // The k-th request is due when the integral of the rate reaches k: a t + (b - a) t^2 / (2 D) = k.
        double a = FromPerSecond, d = Duration.TotalSeconds, slope = (ToPerSecond - FromPerSecond) / d;
        for (long k = 0; ; k++)
        {
            double t = slope == 0
                ? k / a
                : (-a + Math.Sqrt(a * a + 2 * slope * k)) / slope;
            // A falling ramp that reaches zero has no more arrivals: the root no longer exists.
            if (double.IsNaN(t) || t >= d) yield break;
            yield return TimeSpan.FromSeconds(t);
        }
    }
}
