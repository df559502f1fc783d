using System.Collections.Concurrent;
using Simulator.Glucose;
using Simulator.Journal;

namespace Simulator.Vendors;

/// <summary>
/// What a data vendor holds: readings per patient, each with the instant followers may first see it. Under a
/// backlog fault that instant lies in the future; reads only ever return what is visible now.
/// </summary>
/// <remarks>
/// Sized for a backlog-recovery run (10,000 patients × 4 days ≈ 11.5 million readings): each patient has its own lock,
/// so uploads and reads of different patients never wait for each other, and a reading is held as a 24-byte struct in
/// a sorted array rather than as objects (about a fifth of the memory).
/// </remarks>
public sealed class ReadingStore(string vendor, FakeContext context)
{
    private readonly ConcurrentDictionary<string, PatientReadings> _byPatient = new(StringComparer.Ordinal);

    /// <summary>Stores a reading (idempotent on sensor time, like the real services) and journals when it becomes visible.</summary>
    public void Accept(Reading reading) => Accept(reading, context.Clock.GetUtcNow());

    /// <summary>
    /// Stores a reading as if it had been uploaded at <paramref name="acceptedAt"/> (a fast-forwarded outage, whose
    /// uploads are accepted without real time passing). Backlog release and the journal see that instant; accept in
    /// time order, as uploads would arrive, so a FIFO backlog queues them in that order.
    /// </summary>
    public void Accept(Reading reading, DateTimeOffset acceptedAt)
    {
        var readings = _byPatient.GetOrAdd(reading.Patient, static _ => new PatientReadings());
        lock (readings)
        {
            var index = readings.Find(reading.SensorTime.UtcTicks);
            if (index >= 0) return;
            var visibleAt = context.Faults.BacklogAt(vendor, acceptedAt)?.Release(reading.Patient, reading.SensorTime, acceptedAt) ?? acceptedAt;
            readings.Insert(~index, new StoredReading(reading.SensorTime.UtcTicks, visibleAt.UtcTicks, reading.Mgdl, reading.Trend));
            // Journaled under the patient's lock, so a patient's acceptances are journaled in the order they were decided.
            context.Journal.Append(new ReadingAccepted
            {
                At = acceptedAt, Vendor = vendor, Patient = reading.Patient, SensorTime = reading.SensorTime,
                Mgdl = reading.Mgdl, VisibleAt = visibleAt,
            });
        }
    }

    /// <summary>Makes room for <paramref name="count"/> readings of a patient up front (a fast-forward knows how many are coming).</summary>
    public void Reserve(string patient, int count)
    {
        var readings = _byPatient.GetOrAdd(patient, static _ => new PatientReadings());
        lock (readings) readings.Reserve(count);
    }

    /// <summary>Visible readings newest first, within the look-back window, at most <paramref name="maxCount"/>.</summary>
    public IReadOnlyList<Reading> Visible(string patient, DateTimeOffset notBefore, int maxCount)
    {
        if (!_byPatient.TryGetValue(patient, out var readings)) return [];
        var now = context.Clock.GetUtcNow().UtcTicks;
        var from = notBefore.UtcTicks;
        var result = new List<Reading>();
        lock (readings)
        {
            // Newest first from the last reading taken by now; a reading dated in the future is not there yet.
            var index = readings.Find(now);
            for (var i = index >= 0 ? index : ~index - 1; i >= 0 && result.Count < maxCount; i--)
            {
                var stored = readings[i];
                if (stored.SensorTicks < from) break;
                if (stored.VisibleTicks <= now) result.Add(stored.ToReading(patient));
            }
        }
        return result;
    }

    /// <summary>Journals what a follower was just shown, the basis of stale-exposure scoring.</summary>
    public void RecordServed(string patient, IReadOnlyList<Reading> served) =>
        context.Journal.Append(new ReadingsServed
        {
            At = context.Clock.GetUtcNow(), Vendor = vendor, Patient = patient, Count = served.Count,
            NewestSensorTime = served.Count == 0 ? null : served.Max(r => r.SensorTime),
        });

    /// <summary>One stored reading: sensor time and visibility as UTC ticks, value and trend.</summary>
    private readonly record struct StoredReading(long SensorTicks, long VisibleTicks, int Mgdl, Trend Trend)
    {
        public Reading ToReading(string patient) => new(patient, new DateTimeOffset(SensorTicks, TimeSpan.Zero), Mgdl, Trend);
    }

    /// <summary>A patient's readings sorted by sensor time. Uploads arrive almost in order, so inserts are nearly always appends.</summary>
    private sealed class PatientReadings
    {
        private StoredReading[] _items = new StoredReading[16];
        private int _count;

        public StoredReading this[int index] => _items[index];

        /// <summary>Index of the reading at <paramref name="sensorTicks"/>, or the bitwise complement of where it would go.</summary>
        public int Find(long sensorTicks)
        {
            // The common cases first: at or after the newest.
            if (_count == 0 || sensorTicks > _items[_count - 1].SensorTicks) return ~_count;
            int lo = 0, hi = _count - 1;
            while (lo <= hi)
            {
                var mid = lo + ((hi - lo) >> 1);
                var t = _items[mid].SensorTicks;
                if (t == sensorTicks) return mid;
                if (t < sensorTicks) lo = mid + 1;
                else hi = mid - 1;
            }
            return ~lo;
        }

        public void Insert(int index, StoredReading reading)
        {
            if (_count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
            if (index < _count) Array.Copy(_items, index, _items, index + 1, _count - index);
            _items[index] = reading;
            _count++;
        }

        public void Reserve(int count)
        {
            if (_items.Length < _count + count) Array.Resize(ref _items, _count + count);
        }
    }
}
