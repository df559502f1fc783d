using Scenarios.Model;
using Simulator.Journal;

namespace Simulator.Scoring;

/// <summary>
/// Turns ground truth into the alerts a perfect follower system would have delivered. The harness made the
/// glucose and ran the vendor fakes, so it knows both what happened to the patient and when each reading
/// could first have been fetched.
/// </summary>
public static class ExpectedAlertEngine
{
    /// <summary>
    /// Threshold episodes: one per run of consecutive readings at or below a low threshold (at or above the
    /// high one), due at the first reading's sensor time plus the policy's delay (none for these alerts).
    /// </summary>
    public static IReadOnlyList<AlertEpisode> ThresholdEpisodes(IEnumerable<ReadingGenerated> truth, AlertPolicySpec policy, DateTimeOffset runEnd)
    {
        var episodes = new List<AlertEpisode>();
        foreach (var patient in truth.GroupBy(r => r.Patient))
        {
            var readings = patient.OrderBy(r => r.At).ToList();
            Collect(readings, AlertTypes.UrgentLow, r => r.Mgdl <= policy.UrgentLowMgdl);
            Collect(readings, AlertTypes.Low, r => r.Mgdl <= policy.LowMgdl);
            Collect(readings, AlertTypes.High, r => r.Mgdl >= policy.HighMgdl);
        }
        return episodes;

        void Collect(List<ReadingGenerated> readings, string type, Func<ReadingGenerated, bool> inRange)
        {
            ReadingGenerated? first = null;
            foreach (var r in readings)
            {
                if (inRange(r)) { first ??= r; continue; }
                if (first is null) continue;
                episodes.Add(new AlertEpisode(r.Patient, type, first.At, r.At, first.At, first.Mgdl));
                first = null;
            }
            if (first is not null) episodes.Add(new AlertEpisode(first.Patient, type, first.At, runEnd, first.At, first.Mgdl));
        }
    }

    /// <summary>
    /// Gaps in what the follow source (the patient's primary vendor) could serve. A reading is available from
    /// when the vendor made it visible; a total read outage postpones that to the outage's end. Whenever the
    /// newest available reading grows older than the policy's no-data delay, a no-data notice is due at exactly
    /// that instant (sensor time of the newest available reading + delay).
    /// </summary>
    public static IReadOnlyList<AlertEpisode> NoDataGaps(
        Scenario scenario, IEnumerable<ReadingAccepted> accepted, Func<string, IEnumerable<FaultSpec>> totalReadOutages)
    {
        var delay = scenario.Policy.NoDataAfter;
        var gaps = new List<AlertEpisode>();
        foreach (var patient in scenario.Patients)
        {
            var vendor = patient.FollowVia[0];
            var outages = totalReadOutages(vendor).ToList();
            var availability = accepted
                .Where(a => a.Vendor == vendor && a.Patient == patient.Id && a.VisibleAt < scenario.End)
                .Select(a => (AvailableAt: Postpone(Max(a.VisibleAt, a.SensorTime), outages), a.SensorTime))
                .Where(a => a.AvailableAt < scenario.End)
                .OrderBy(a => a.AvailableAt)
                .ToList();

            DateTimeOffset? newest = null;
            DateTimeOffset? gapStart = null;
            foreach (var (availableAt, sensorTime) in availability)
            {
                if (newest is { } n && gapStart is null && n + delay < availableAt)
                    gapStart = n;
                if (newest is null || sensorTime > newest) newest = sensorTime;
                if (gapStart is { } g && availableAt - newest!.Value < delay)
                {
                    gaps.Add(new AlertEpisode(patient.Id, AlertTypes.NoData, g, availableAt, g + delay, null));
                    gapStart = null;
                }
            }
            if (newest is { } last && gapStart is null && last + delay < scenario.End) gapStart = last;
            if (gapStart is { } open) gaps.Add(new AlertEpisode(patient.Id, AlertTypes.NoData, open, scenario.End, open + delay, null));
        }
        return gaps;
    }

    private static DateTimeOffset Postpone(DateTimeOffset at, List<FaultSpec> outages)
    {
        // Outages may touch or overlap, so keep pushing forward until no window holds the instant.
        for (var moved = true; moved;)
        {
            moved = false;
            foreach (var o in outages.Where(o => o.IsActiveAt(at))) { at = o.Until; moved = true; }
        }
        return at;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
