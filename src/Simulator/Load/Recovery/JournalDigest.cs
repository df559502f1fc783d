using Scenarios.Model;
using Simulator.Journal;

namespace Simulator.Load.Recovery;

/// <summary>A reading the vendor accepted: its sensor time (epoch ms, as Share carries it) and when followers could first see it.</summary>
internal readonly record struct AcceptedReading(long SensorMs, long VisibleTicks);

/// <summary>The vendor served a follower system a patient's readings at <see cref="AtTicks"/>, the newest of them at <see cref="NewestTicks"/>.</summary>
internal readonly record struct ServedReadings(long AtTicks, long? NewestTicks);

/// <summary>
/// What the recovery analysis needs from a journal, read in one pass (the 10,000-patient journal holds about 12
/// million events): every withheld reading's acceptance and release instant (the queue), and for followed patients
/// every accepted reading and every answer the vendor gave the follower system, plus the pushes.
/// </summary>
internal sealed class JournalDigest
{
    /// <summary>Acceptance instants (UTC ticks) of readings the vendor withheld, in journal order.</summary>
    public List<long> HeldAccepted { get; } = [];
    /// <summary>Release instants of the same readings, same order.</summary>
    public List<long> HeldVisible { get; } = [];
    public Dictionary<string, List<AcceptedReading>> Accepted { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<ServedReadings>> Served { get; } = new(StringComparer.Ordinal);
    public List<PushReceived> Pushes { get; } = [];

    public static JournalDigest Read(IReadOnlyList<JournalEvent> journal, IReadOnlySet<string> followed)
    {
        var digest = new JournalDigest();
        foreach (var patient in followed)
        {
            digest.Accepted[patient] = [];
            digest.Served[patient] = [];
        }
        foreach (var e in journal)
        {
            switch (e)
            {
                case ReadingAccepted a when a.Vendor == VendorIds.DexcomShare:
                    if (a.VisibleAt > a.At)
                    {
                        digest.HeldAccepted.Add(a.At.UtcTicks);
                        digest.HeldVisible.Add(a.VisibleAt.UtcTicks);
                    }
                    if (digest.Accepted.TryGetValue(a.Patient, out var accepted))
                        accepted.Add(new AcceptedReading(a.SensorTime.ToUnixTimeMilliseconds(), a.VisibleAt.UtcTicks));
                    break;
                case ReadingsServed s when s.Vendor == VendorIds.DexcomShare && digest.Served.TryGetValue(s.Patient, out var served):
                    served.Add(new ServedReadings(s.At.UtcTicks, s.NewestSensorTime?.UtcTicks));
                    break;
                case PushReceived p:
                    digest.Pushes.Add(p);
                    break;
            }
        }
        return digest;
    }
}
