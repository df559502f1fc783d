using ReferenceSystem.Alerts;
using ReferenceSystem.Readings;

namespace ReferenceSystem.Receiver;

/// <summary>
/// The phone's own glucose alarms, with the resilient follower's rules: readings are taken in sensor-time order and
/// only those newer than the newest already seen move the episodes on (a backfilled reading from inside an old gap is
/// stored silently); urgent-low (≤ urgentLowMgdl), low (≤ lowMgdl, may fire with urgent-low) and high (≥ highMgdl)
/// fire once per episode, an episode ending at the first reading outside the band; a reading already older than
/// 15 minutes when it arrives only updates the episodes, so a backfill flush raises no alarm storm.
/// Not thread-safe: the owner serialises calls.
/// </summary>
internal sealed class LocalAlarmRules(AlertPolicy policy)
{
    public static readonly TimeSpan AlarmMaxAge = TimeSpan.FromMinutes(15);

    private readonly Dictionary<AlertKind, bool> _alarmed = AlertKinds.GlucoseAlerts.ToDictionary(k => k, _ => false);
    private DateTimeOffset? _newestSeen;

    /// <summary>The alarms <paramref name="added"/> (new readings, any order) raise at <paramref name="now"/>.</summary>
    public IReadOnlyList<(AlertKind Kind, GlucoseReading Reading)> Evaluate(IEnumerable<GlucoseReading> added, DateTimeOffset now)
    {
        var alarms = new List<(AlertKind, GlucoseReading)>();
        foreach (var reading in added.Where(r => _newestSeen is null || r.SensorTime > _newestSeen).OrderBy(r => r.SensorTime))
        {
            _newestSeen = reading.SensorTime;
            var fresh = now - reading.SensorTime <= AlarmMaxAge;
            foreach (var kind in AlertKinds.GlucoseAlerts)
            {
                if (!policy.IsActive(kind, reading.Mgdl))
                {
                    _alarmed[kind] = false; // out of the band: the episode is over
                    continue;
                }
                if (_alarmed[kind] || !fresh)
                    continue;
                _alarmed[kind] = true;
                alarms.Add((kind, reading));
            }
        }
        return alarms;
    }
}
