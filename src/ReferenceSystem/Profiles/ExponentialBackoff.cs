namespace ReferenceSystem.Profiles;

/// <summary>
/// Exponential backoff with full jitter: after the n-th consecutive failure wait a uniform random time in
/// [0, min(cap, base × 2^(n−1))] (never less than <see cref="MinimumDelay"/>). Seeded, so a run is repeatable.
/// </summary>
internal sealed class ExponentialBackoff(TimeSpan baseDelay, TimeSpan cap, Random random)
{
    /// <summary>Keeps a zero draw from turning into a hot retry loop.</summary>
    public static readonly TimeSpan MinimumDelay = TimeSpan.FromSeconds(1);

    public int Failures { get; private set; }

    public TimeSpan NextDelay()
    {
        Failures++;
        var exponent = Math.Min(Failures - 1, 30);
        var ceiling = Math.Min(cap.Ticks, baseDelay.Ticks * Math.Pow(2, exponent));
        var delay = TimeSpan.FromTicks((long)(ceiling * random.NextDouble()));
        return delay < MinimumDelay ? MinimumDelay : delay;
    }

    public void Reset() => Failures = 0;

    /// <summary>A repeatable seed for one retry stream of one patient, derived from the run's seed.</summary>
    public static int StreamSeed(long seed, int patientIndex, int stream) =>
        unchecked((int)(seed ^ (seed >> 32)) * 31 + patientIndex * 7919 + stream * 104_729);
}
