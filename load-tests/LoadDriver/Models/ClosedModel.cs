namespace LoadDriver.Models;

/// <summary>
/// A fixed number of workers, each sending its next request as soon as the previous answer arrives. The target sets
/// the pace, so latency here is service time: there is no intended schedule to correct against.
/// </summary>
public sealed record ClosedModel : LoadModel
{
    public ClosedModel(int concurrency, TimeSpan duration, long maxRequests) : base(duration, maxRequests)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        Concurrency = concurrency;
    }

    public int Concurrency { get; }

    public override string Describe() => $"closed, {Concurrency} workers for {Duration.TotalSeconds}s";
}
