namespace LoadDriver.Models;

/// <summary>
/// How load is offered. Every model is bounded twice, by a duration and by a request count, so that a typo in a rate
/// can never turn into an unbounded run.
/// </summary>
public abstract record LoadModel
{
    protected LoadModel(TimeSpan duration, long maxRequests)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRequests, 1);
        Duration = duration;
        MaxRequests = maxRequests;
    }

    /// <summary>No request is started after this much time from the start of the run.</summary>
    public TimeSpan Duration { get; }

    /// <summary>No more than this many requests are started.</summary>
    public long MaxRequests { get; }

    /// <summary>A short human description for reports, e.g. "constant 200/s for 2s".</summary>
    public abstract string Describe();
}
