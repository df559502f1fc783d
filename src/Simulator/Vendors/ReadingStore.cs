using Simulator.Glucose;
using Simulator.Journal;

namespace Simulator.Vendors;

/// <summary>
/// What a data vendor holds: readings per patient, each with the instant followers may first see it. Under a
/// backlog fault that instant lies in the future; reads only ever return what is visible now.
/// </summary>
public sealed class ReadingStore(string vendor, FakeContext context)
{
    private readonly Dictionary<string, SortedList<DateTimeOffset, StoredReading>> _byPatient = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Stores a reading (idempotent on sensor time, like the real services) and journals when it becomes visible.</summary>
    public void Accept(Reading reading)
    {
        var now = context.Clock.GetUtcNow();
        lock (_gate)
        {
            if (!_byPatient.TryGetValue(reading.Patient, out var readings))
                _byPatient[reading.Patient] = readings = [];
            if (readings.ContainsKey(reading.SensorTime)) return;
            var visibleAt = context.Faults.BacklogAt(vendor, now)?.ReleaseNext() ?? now;
            readings.Add(reading.SensorTime, new StoredReading(reading, visibleAt));
            context.Journal.Append(new ReadingAccepted
            {
                At = now, Vendor = vendor, Patient = reading.Patient, SensorTime = reading.SensorTime,
                Mgdl = reading.Mgdl, VisibleAt = visibleAt,
            });
        }
    }

    /// <summary>Visible readings newest first, within the look-back window, at most <paramref name="maxCount"/>.</summary>
    public IReadOnlyList<Reading> Visible(string patient, DateTimeOffset notBefore, int maxCount)
    {
        var now = context.Clock.GetUtcNow();
        lock (_gate)
        {
            if (!_byPatient.TryGetValue(patient, out var readings)) return [];
            var result = new List<Reading>();
            for (var i = readings.Count - 1; i >= 0 && result.Count < maxCount; i--)
            {
                var stored = readings.Values[i];
                if (stored.Reading.SensorTime < notBefore) break;
                if (stored.VisibleAt <= now && stored.Reading.SensorTime <= now) result.Add(stored.Reading);
            }
            return result;
        }
    }

    /// <summary>Journals what a follower was just shown, the basis of stale-exposure scoring.</summary>
    public void RecordServed(string patient, IReadOnlyList<Reading> served) =>
        context.Journal.Append(new ReadingsServed
        {
            At = context.Clock.GetUtcNow(), Vendor = vendor, Patient = patient, Count = served.Count,
            NewestSensorTime = served.Count == 0 ? null : served.Max(r => r.SensorTime),
        });

    private sealed record StoredReading(Reading Reading, DateTimeOffset VisibleAt);
}
