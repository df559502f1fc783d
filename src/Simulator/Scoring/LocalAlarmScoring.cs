using Scenarios.Model;
using Simulator.Journal;

namespace Simulator.Scoring;

/// <summary>
/// The phone on the nightstand against the followers' phones: for patients whose readings reach a receiver under
/// test over BLE, the threshold alerts the receiver raised locally, scored like pushes (the phone is one more
/// "follower"), beside the same alerts on the followers' path. This is the 2019 story in numbers: the phone still
/// alarmed while the followers were blind.
/// </summary>
public static class LocalAlarmScoring
{
    public const string Phone = "phone";
    public const string SignalLoss = "signal-loss";

    public static LocalAlarmsScore? Score(Scenario scenario, IReadOnlyList<JournalEvent> journal, IReadOnlyList<AlertEpisode> thresholdEpisodes,
        IReadOnlyList<JudgedExpected> followerPath, Func<IEnumerable<JudgedExpected>, IEnumerable<JudgedDelivery>, AlertTypeScore> typeScore)
    {
        var patients = scenario.Patients.Where(p => p.Ble is not null).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        if (patients.Count == 0)
            return null;

        var expected = thresholdEpisodes.Where(e => patients.Contains(e.Patient)).Select(e => new ExpectedAlert(e, Phone)).ToList();
        var alarms = journal.OfType<LocalAlarmRaised>().Where(a => patients.Contains(a.Patient)).ToList();
        var deliveries = alarms.Where(a => AlertTypes.Threshold.Contains(a.Alert, StringComparer.Ordinal))
            .Select(a => new Delivery(Phone, a.Patient, a.Alert, a.At, a.ReadingAt, "local"));
        var (judged, judgedDeliveries) = AlertMatcher.Match(expected, deliveries, scenario.Scoring);
        var followers = followerPath.Where(j => patients.Contains(j.Expected.Patient) && AlertTypes.Threshold.Contains(j.Expected.AlertType, StringComparer.Ordinal));

        return new LocalAlarmsScore
        {
            Patients = [.. patients.Order(StringComparer.Ordinal)],
            Alerts = AlertTypes.Threshold.ToDictionary(t => t, t => typeScore(judged.Where(j => j.Expected.AlertType == t), judgedDeliveries.Where(d => d.Delivery.AlertType == t))),
            Total = typeScore(judged, judgedDeliveries),
            Followers = typeScore(followers, []),
            SignalLossAlarms = alarms.Count(a => a.Alert == SignalLoss),
        };
    }
}

/// <summary>Threshold alerts on the patient's own phone, and the same alerts on the followers' path, for the BLE patients.</summary>
public sealed record LocalAlarmsScore
{
    public required IReadOnlyList<string> Patients { get; init; }
    public required IReadOnlyDictionary<string, AlertTypeScore> Alerts { get; init; }
    public required AlertTypeScore Total { get; init; }
    /// <summary>The same expected alerts as delivered to the followers (every follower counts once per alert).</summary>
    public required AlertTypeScore Followers { get; init; }
    public int SignalLossAlarms { get; init; }
}
