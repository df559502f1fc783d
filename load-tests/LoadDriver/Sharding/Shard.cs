using System.Globalization;

namespace LoadDriver.Sharding;

/// <summary>
/// One of <see cref="Count"/> processes sharing a load: shard <see cref="Index"/> sends exactly the requests whose
/// index in the whole schedule leaves remainder <see cref="Index"/> when divided by <see cref="Count"/>, at the same
/// intended instants the single process would have used. The union of all shards is therefore the whole load, request
/// for request, and their histograms merge into the counts one process would have recorded.
/// </summary>
public readonly record struct Shard
{
    public static readonly Shard Whole = new(0, 1);

    public Shard(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        Index = index;
        Count = count;
    }

    /// <summary>Zero-based, below <see cref="Count"/>.</summary>
    public int Index { get; }

    public int Count { get; }

    public bool IsWhole => Count == 1;

    /// <summary>Whether this shard sends the request at <paramref name="requestIndex"/> of the whole schedule.</summary>
    public bool Owns(long requestIndex) => requestIndex % Count == Index;

    /// <summary>This shard's part of <paramref name="total"/> items dealt round-robin (workers, patients, ...).</summary>
    public long ShareOf(long total) => total / Count + (Index < total % Count ? 1 : 0);

    public override string ToString() => $"{Index}/{Count}";

    /// <summary>Parses <c>i/N</c> (zero-based i, e.g. <c>0/2</c> and <c>1/2</c>); the message says what to write instead.</summary>
    public static bool TryParse(string? text, out Shard shard, out string error)
    {
        shard = Whole;
        error = "";
        var parts = (text ?? "").Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            error = $"shard '{text}' is not of the form i/N: write the zero-based shard index and the shard count, e.g. 0/4 ... 3/4.";
            return false;
        }
        if (count < 1 || index >= count)
        {
            error = $"shard '{text}' is out of range: the index must be 0 to N-1 and N at least 1, e.g. 0/4 ... 3/4.";
            return false;
        }
        shard = new Shard(index, count);
        return true;
    }
}
