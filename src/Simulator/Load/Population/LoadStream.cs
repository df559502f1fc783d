using LoadDriver.Models;
using LoadDriver.Targets;

namespace Simulator.Load.Population;

/// <summary>One request stream of a population load, ready for the load runner.</summary>
internal sealed record LoadStream(string Name, OpenModel Model, Uri Target, Func<long, CancellationToken, Task<Outcome>> Send);

/// <summary>Successful requests per vendor, counted by the driver for the journal cross-check.</summary>
internal sealed class SuccessCounts
{
    private readonly Dictionary<string, StrongBox> _byVendor = new(StringComparer.Ordinal);

    public SuccessCounts(IEnumerable<string> vendors)
    {
        foreach (var vendor in vendors) _byVendor[vendor] = new StrongBox();
    }

    public IEnumerable<string> Vendors => _byVendor.Keys;

    public long Of(string vendor) => Interlocked.Read(ref _byVendor[vendor].Value);

    /// <summary>The outcome of a status, counted as a success of <paramref name="vendor"/> when it is one.</summary>
    public Outcome Count(string vendor, int status)
    {
        var outcome = Outcome.FromStatus(status);
        if (!outcome.IsError) Interlocked.Increment(ref _byVendor[vendor].Value);
        return outcome;
    }

    private sealed class StrongBox
    {
        public long Value;
    }
}
