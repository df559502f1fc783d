using Simulator.Glucose;

namespace Simulator.Ble.Radio;

/// <summary>
/// The readings a transmitter has measured, for GlucoseRx/EGV and backfill. It keeps 24 h: Dexcom's figure for the
/// G7, an upper bound for the G6, whose retention is not published (spec §4). A reading counts as measured once the
/// clock reaches its SensorTime, so the orchestrator may hand readings over early without leaking the future.
/// </summary>
public sealed class ReadingMemory(DateTimeOffset activatedAt)
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>Dexcom's cadence; the first sequence number counts the 5-minute slots since activation.</summary>
    public static readonly TimeSpan Cadence = TimeSpan.FromMinutes(5);

    private readonly List<StoredReading> _readings = [];
    private uint? _lastSequence;

    public DateTimeOffset ActivatedAt { get; } = activatedAt;

    public int Count => _readings.Count;

    /// <summary>
    /// Stores a reading. Sequence numbers count up by one per reading; the first continues from the 5-minute slots
    /// since activation, as if the transmitter had been measuring all along.
    /// </summary>
    public StoredReading Add(Reading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var sequence = _lastSequence is { } last ? last + 1 : (uint)Math.Max(1, (reading.SensorTime - ActivatedAt).Ticks / Cadence.Ticks);
        _lastSequence = sequence;
        var stored = new StoredReading(reading, sequence, DexTime.At(ActivatedAt, reading.SensorTime));
        var at = _readings.FindLastIndex(r => r.Reading.SensorTime <= reading.SensorTime);
        _readings.Insert(at + 1, stored);
        Prune(reading.SensorTime);
        return stored;
    }

    /// <summary>The newest reading measured by <paramref name="now"/>, or null (warm-up, no data yet).</summary>
    public StoredReading? Latest(DateTimeOffset now) => Known(now).LastOrDefault();

    /// <summary>Readings measured by <paramref name="now"/> and no older than 24 h whose dex timestamp is in [start, end], oldest first.</summary>
    public IReadOnlyList<StoredReading> Between(uint start, uint end, DateTimeOffset now) =>
        [.. Known(now).Where(r => r.Timestamp >= start && r.Timestamp <= end)];

    private IEnumerable<StoredReading> Known(DateTimeOffset now) =>
        _readings.Where(r => r.Reading.SensorTime <= now && r.Reading.SensorTime > now - Retention);

    private void Prune(DateTimeOffset newest) => _readings.RemoveAll(r => r.Reading.SensorTime <= newest - Retention);
}
