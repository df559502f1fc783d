namespace Simulator.Faults.RateLimit;

/// <summary>
/// Requests counted per client in fixed windows of virtual time counted from the fault's start. Only the current
/// window is kept: a new one starts every count afresh.
/// </summary>
public sealed class RateWindows(DateTimeOffset origin, TimeSpan window)
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _current = -1;

    /// <summary>Counts one request of <paramref name="client"/> now; returns its count in this window and when the window ends.</summary>
    public (int Count, DateTimeOffset ResetsAt) Count(string client, DateTimeOffset now)
    {
        var index = (long)Math.Floor((now - origin) / window);
        lock (_gate)
        {
            if (index != _current)
            {
                _counts.Clear();
                _current = index;
            }
            var count = _counts[client] = _counts.GetValueOrDefault(client) + 1;
            return (count, origin + window * (index + 1));
        }
    }
}
