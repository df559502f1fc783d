using ReferenceSystem.Alerts;
using ReferenceSystem.Readings;

namespace ReferenceSystem.Follow;

/// <summary>
/// What a follower did with every reading of one patient it was ever given, for <c>GET /api/follow/ingest</c>: how many
/// copies arrived in vendor answers, how many times it kept one (added it to its history, or processed it), and which
/// alerts it raised about it. A harness checks this against what the vendor made visible: a reading never kept is lost,
/// one kept twice or alerted on twice for the same alert is duplicated. Unlike the follower's own history this is never
/// pruned, so it is kept small: one 16-byte entry per sensor time.
/// </summary>
internal sealed class IngestLedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Entry> _bySensorMs = [];

    /// <summary>Every reading of one vendor answer, copies included (a reading served again counts again).</summary>
    public void Received(IReadOnlyList<GlucoseReading> batch)
    {
        lock (_gate)
        {
            foreach (var reading in batch)
            {
                var entry = Get(reading);
                entry.Received++;
                Set(reading, entry);
            }
        }
    }

    /// <summary>The follower took the reading in: stored it in its history, or (a profile without one) processed it.</summary>
    public void Kept(GlucoseReading reading)
    {
        lock (_gate)
        {
            var entry = Get(reading);
            entry.Kept++;
            Set(reading, entry);
        }
    }

    /// <summary>The follower decided to alert every follower of the patient about this reading (one decision, however many followers).</summary>
    public void Alerted(GlucoseReading reading, AlertKind kind)
    {
        lock (_gate)
        {
            var entry = Get(reading);
            var bit = (byte)(1 << (int)kind);
            if ((entry.AlertKinds & bit) != 0)
                entry.RepeatedAlerts++;
            entry.AlertKinds |= bit;
            entry.Alerts++;
            Set(reading, entry);
        }
    }

    public PatientIngest Snapshot(string patientId)
    {
        lock (_gate)
        {
            var times = _bySensorMs.Keys.Order().ToArray();
            var entries = times.Select(t => _bySensorMs[t]).ToArray();
            return new PatientIngest(
                patientId,
                times,
                [.. entries.Select(e => e.Received)],
                [.. entries.Select(e => e.Kept)],
                [.. entries.Select(e => (int)e.Alerts)],
                [.. entries.Select(e => (int)e.RepeatedAlerts)]);
        }
    }

    private Entry Get(GlucoseReading reading) => _bySensorMs.GetValueOrDefault(reading.SensorTime.ToUnixTimeMilliseconds());

    private void Set(GlucoseReading reading, Entry entry) => _bySensorMs[reading.SensorTime.ToUnixTimeMilliseconds()] = entry;

    private struct Entry
    {
        public int Received;
        public int Kept;
        public short Alerts;
        public short RepeatedAlerts;
        public byte AlertKinds;
    }
}

/// <summary>
/// One patient in <c>GET /api/follow/ingest</c>: parallel arrays, one position per sensor time (epoch milliseconds, as
/// Share's <c>WT</c> carries it), ascending.
/// </summary>
internal sealed record PatientIngest(string Id, long[] SensorTimes, int[] Received, int[] Kept, int[] Alerts, int[] RepeatedAlerts);

/// <summary>The body of <c>GET /api/follow/ingest</c>.</summary>
internal sealed record IngestReport(string Status, string? Profile, IReadOnlyList<PatientIngest> Patients);
