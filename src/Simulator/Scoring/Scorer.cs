using Scenarios.Model;
using Simulator.Faults;
using Simulator.Journal;

namespace Simulator.Scoring;

/// <summary>Scores a finished run from its journal alone.</summary>
public static class Scorer
{
    public static Scorecard Score(Scenario scenario, IReadOnlyList<JournalEvent> journal, FaultTimeline faults,
        IReadOnlyDictionary<string, (string Patient, string Follower)> followerByToken, DeliveryMapping? mapping = null)
    {
        var truth = journal.OfType<ReadingGenerated>().ToList();
        var accepted = journal.OfType<ReadingAccepted>().ToList();
        var thresholdEpisodes = ExpectedAlertEngine.ThresholdEpisodes(truth, scenario.Policy, scenario.End);
        var episodes = thresholdEpisodes
            .Concat(ExpectedAlertEngine.NoDataGaps(scenario, accepted, faults.TotalReadOutages))
            .ToList();
        var expected = (from e in episodes
                        from f in scenario.Patients.Single(p => p.Id == e.Patient).Followers
                        select new ExpectedAlert(e, f.Id)).ToList();

        var (deliveries, unreadable) = (mapping ?? DeliveryMapping.Default)
            .ReadAll(journal.OfType<PushReceived>(), followerByToken, AlertTypes.All.ToHashSet());
        var (judgedExpected, judgedDeliveries) = AlertMatcher.Match(expected, deliveries, scenario.Scoring);

        return new Scorecard
        {
            Alerts = AlertTypes.All.ToDictionary(t => t, t => TypeScore(judgedExpected.Where(j => j.Expected.AlertType == t), judgedDeliveries.Where(d => d.Delivery.AlertType == t))),
            Total = TypeScore(judgedExpected, judgedDeliveries),
            NoData = NoDataScore(judgedExpected),
            StaleExposure = StaleExposure(scenario, journal, deliveries),
            AlertBurst = Burst(deliveries, scenario.Scoring.BurstWindow),
            Readings = new ReadingsScore(truth.Count, NeverVisible(scenario, truth, accepted)),
            Deliveries = new DeliveriesScore(deliveries.Count + unreadable.Count, unreadable.Count, [.. unreadable.Select(u => u.Reason).Distinct()]),
            Backlogs = Backlogs(scenario, accepted),
            Expected = [.. judgedExpected.OrderBy(j => j.Expected.DueAt).ThenBy(j => j.Expected.Follower).Select(j => new ExpectedAlertRow(
                j.Expected.Patient, j.Expected.Follower, j.Expected.AlertType, j.Expected.DueAt, j.Expected.Episode.Mgdl,
                Kebab(j.Outcome.ToString()), j.Delivery?.DeliveredAt, j.Latency?.TotalSeconds))],
            LocalAlarms = LocalAlarmScoring.Score(scenario, journal, thresholdEpisodes, judgedExpected, TypeScore),
        };
    }

    private static AlertTypeScore TypeScore(IEnumerable<JudgedExpected> expected, IEnumerable<JudgedDelivery> deliveries)
    {
        var e = expected.ToList();
        var d = deliveries.ToList();
        var latencies = e.Where(j => j.Outcome != ExpectedOutcome.Missed).Select(j => j.Latency!.Value.TotalSeconds).Order().ToList();
        return new AlertTypeScore
        {
            Expected = e.Count,
            OnTime = e.Count(j => j.Outcome == ExpectedOutcome.OnTime),
            Late = e.Count(j => j.Outcome == ExpectedOutcome.Late),
            Missed = e.Count(j => j.Outcome == ExpectedOutcome.Missed),
            TooLate = d.Count(j => j.Class == DeliveryClass.TooLate),
            Duplicate = d.Count(j => j.Class == DeliveryClass.Duplicate),
            False = d.Count(j => j.Class == DeliveryClass.False),
            Latency = new LatencyStats(latencies.Count, Percentile(latencies, 50), Percentile(latencies, 95), latencies.Count == 0 ? null : latencies[^1]),
        };
    }

    /// <summary>Nearest-rank percentile: the smallest value with at least p% of the values at or below it.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) return null;
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static NoDataScore NoDataScore(IReadOnlyList<JudgedExpected> judged)
    {
        var rows = judged.Where(j => j.Expected.AlertType == AlertTypes.NoData)
            .Select(j => new NoDataGapRow(j.Expected.Patient, j.Expected.Follower, j.Expected.Episode.Start, j.Expected.DueAt, j.Expected.Episode.End,
                j.Delivery?.DeliveredAt, j.Delivery is null ? null : (j.Delivery.DeliveredAt - j.Expected.Episode.Start).TotalSeconds))
            .OrderBy(r => r.DueAt).ThenBy(r => r.Follower).ToList();
        var untold = rows.Count(r => r.ToldAt is null);
        return new NoDataScore
        {
            Gaps = rows,
            UntoldGaps = untold,
            WorstNoticeSeconds = untold > 0 || rows.Count == 0 ? null : rows.Max(r => r.NoticeAfterLastReadingSeconds),
        };
    }

    /// <summary>
    /// For each follower: the newest reading their system had been served (from any source it follows) against
    /// the clock. Time counts as exposure while that reading is older than the stale limit and no no-data notice
    /// has reached the follower since that reading.
    /// </summary>
    private static StaleExposureScore StaleExposure(Scenario scenario, IReadOnlyList<JournalEvent> journal, IReadOnlyList<Delivery> deliveries)
    {
        var staleAfter = scenario.Scoring.StaleAfter;
        var byFollower = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var patient in scenario.Patients)
        {
            var served = journal.OfType<ReadingsServed>()
                .Where(s => s.Patient == patient.Id && s.NewestSensorTime is not null && patient.FollowVia.Contains(s.Vendor))
                .OrderBy(s => s.At).ToList();
            foreach (var follower in patient.Followers)
            {
                var notices = deliveries.Where(d => d.Follower == follower.Id && d.Patient == patient.Id && d.AlertType == AlertTypes.NoData)
                    .Select(d => d.DeliveredAt).Order().ToList();
                var minutes = 0.0;
                DateTimeOffset? newest = null;
                for (var i = 0; i < served.Count; i++)
                {
                    if (newest is null || served[i].NewestSensorTime > newest) newest = served[i].NewestSensorTime;
                    var from = served[i].At;
                    var to = i + 1 < served.Count ? served[i + 1].At : scenario.End;
                    var staleFrom = Max(from, newest!.Value + staleAfter);
                    var notice = notices.FirstOrDefault(n => n >= newest.Value);
                    var exposedUntil = notice == default ? to : Min(to, Max(notice, staleFrom));
                    if (exposedUntil > staleFrom) minutes += (exposedUntil - staleFrom).TotalMinutes;
                }
                byFollower[$"{patient.Id}/{follower.Id}"] = Math.Round(minutes, 1);
            }
        }
        return new StaleExposureScore(Math.Round(byFollower.Values.Sum(), 1), byFollower, staleAfter.TotalMinutes);
    }

    private static AlertBurstScore Burst(IReadOnlyList<Delivery> deliveries, TimeSpan window)
    {
        var best = new AlertBurstScore(0, null, null, window.TotalMinutes);
        foreach (var follower in deliveries.GroupBy(d => (d.Patient, d.Follower)))
        {
            var times = follower.Select(d => d.DeliveredAt).Order().ToList();
            for (int start = 0, end = 0; end < times.Count; end++)
            {
                while (times[end] - times[start] > window) start++;
                if (end - start + 1 > best.Max) best = best with { Max = end - start + 1, Follower = $"{follower.Key.Patient}/{follower.Key.Follower}", At = times[start] };
            }
        }
        return best;
    }

    /// <summary>Truth readings no followed vendor of their patient had made visible by the end of the run.</summary>
    /// <summary>
    /// Readings no follower could ever see. A reading measured in a BLE patient's last 5 minutes may still be on the
    /// transmitter when the run ends (it leaves at the next connection window): it is in flight, not lost.
    /// </summary>
    private static int NeverVisible(Scenario scenario, List<ReadingGenerated> truth, List<ReadingAccepted> accepted)
    {
        var followed = scenario.Patients.ToDictionary(p => p.Id, p => p.FollowVia);
        var overBle = scenario.Patients.Where(p => p.Ble is not null).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var visible = accepted
            .Where(a => a.VisibleAt <= scenario.End && followed[a.Patient].Contains(a.Vendor))
            .Select(a => (a.Patient, a.SensorTime))
            .ToHashSet();
        return truth.Count(r => !visible.Contains((r.Patient, r.At)) && !(overBle.Contains(r.Patient) && r.At >= scenario.End - BleInFlight));
    }

    private static readonly TimeSpan BleInFlight = TimeSpan.FromMinutes(5);

    private static List<BacklogScore> Backlogs(Scenario scenario, IReadOnlyList<ReadingAccepted> accepted) =>
        [.. scenario.Faults.Where(f => f.Options is BacklogFaultOptions).Select(f =>
        {
            var held = accepted.Where(a => f.Target.Matches(a.Vendor, "read") && f.IsActiveAt(a.At)).ToList();
            DateTimeOffset? drained = held.Count == 0 ? null : held.Max(a => a.VisibleAt);
            return new BacklogScore(f.Target.Vendor, f.Until, held.Count, drained, drained is { } d ? (d - f.Until).TotalSeconds : null);
        })];

    private static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
