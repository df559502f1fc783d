namespace LoadDriver.Models;

/// <summary>One burst: <see cref="Count"/> requests all due at the same instant.</summary>
public readonly record struct Burst(TimeSpan At, int Count);

/// <summary>Requests that arrive in bursts at given instants, e.g. phones reconnecting together after an outage.</summary>
public sealed record Bursts : OpenModel
{
    public Bursts(IEnumerable<Burst> bursts, TimeSpan duration, long maxRequests, int maxInFlight = DefaultMaxInFlight)
        : base(duration, maxRequests, maxInFlight)
    {
        ArgumentNullException.ThrowIfNull(bursts);
        Items = [.. bursts.OrderBy(b => b.At)];
        if (Items.Any(b => b.Count < 0 || b.At < TimeSpan.Zero))
            throw new ArgumentException("Bursts need a non-negative instant and count.", nameof(bursts));
    }

    public IReadOnlyList<Burst> Items { get; }

    public override string Describe() => $"{Items.Count} bursts over {Duration.TotalSeconds}s";

    protected override IEnumerable<TimeSpan> Offsets() =>
        Items.SelectMany(b => Enumerable.Repeat(b.At, b.Count));
}
