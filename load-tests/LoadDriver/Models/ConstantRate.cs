namespace LoadDriver.Models;

/// <summary>A fixed number of requests per second, evenly spaced.</summary>
public sealed record ConstantRate : OpenModel
{
    public ConstantRate(double perSecond, TimeSpan duration, long maxRequests, int maxInFlight = DefaultMaxInFlight)
        : base(duration, maxRequests, maxInFlight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(perSecond, 0);
        PerSecond = perSecond;
    }

    public double PerSecond { get; }

    public override string Describe() => $"constant {PerSecond}/s for {Duration.TotalSeconds}s";

    protected override IEnumerable<TimeSpan> Offsets()
    {
        // Computed from the index, not accumulated, so rounding never drifts over a long run.
        for (long k = 0; ; k++)
            yield return TimeSpan.FromSeconds(k / PerSecond);
    }
}
