namespace Simulator.Load.Recovery;

/// <summary>
/// Lost and duplicated readings, checked against the journal. For every reading of a followed patient the vendor
/// accepted, its reachable span runs from when it became visible (or following began, if later) to when it left
/// Share's 24-hour read window (or the live phase ended, if earlier). A reading reachable for at least
/// <see cref="PollMargin"/> (two reading intervals: any follower polling every 5 minutes gets a chance) and never kept
/// by the follower system is <b>lost</b>. One it kept more than once, or raised the same alert about twice, is
/// <b>duplicated</b>. A reading that became visible when it was already (nearly) 24 hours old is <b>unreachable
/// through the vendor API</b> (Share's <c>minutes</c> stops at 1440): a finding about the vendor, not a loss. One
/// released too close to the end of the live phase is <b>visible too late</b> to count, and history that had left the
/// window before following began is not counted at all.
/// </summary>
internal static class ReadingAudit
{
    public static readonly TimeSpan PollMargin = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan ShareWindow = TimeSpan.FromMinutes(1440);
    private const int Examples = 10;

    /// <param name="followed">Ids of the followed patients.</param>
    public static ReadingAuditFigures Audit(JournalDigest digest, IReadOnlyDictionary<string, PatientIngestData> ingest, IEnumerable<string> followed,
        DateTimeOffset followFrom, DateTimeOffset liveEnd, long duplicatePushes)
    {
        long reachable = 0, kept = 0, lost = 0, keptTwice = 0, alertedTwice = 0, unreachable = 0, tooLate = 0, before = 0, unknown = 0;
        var examples = new List<LostReading>();
        var (from0, end, margin, window) = (followFrom.UtcTicks, liveEnd.UtcTicks, PollMargin.Ticks, ShareWindow.Ticks);
        foreach (var patient in followed)
        {
            var ledger = ingest.GetValueOrDefault(patient) ?? new PatientIngestData([], [], [], [], []);
            var accepted = digest.Accepted[patient];
            var known = new HashSet<long>(accepted.Count);
            foreach (var reading in accepted)
            {
                known.Add(reading.SensorMs);
                var sensor = DateTimeOffset.FromUnixTimeMilliseconds(reading.SensorMs).UtcTicks;
                var leaves = sensor + window;
                var reachableFrom = Math.Max(reading.VisibleTicks, from0);
                var reachableUntil = Math.Min(leaves, end);
                if (reachableUntil - reachableFrom >= margin)
                {
                    reachable++;
                    if (KeptCount(ledger, reading.SensorMs) > 0) kept++;
                    else
                    {
                        lost++;
                        if (examples.Count < Examples)
                            examples.Add(new LostReading(patient, DateTimeOffset.FromUnixTimeMilliseconds(reading.SensorMs), new DateTimeOffset(reading.VisibleTicks, TimeSpan.Zero)));
                    }
                }
                else if (reading.VisibleTicks < from0 && leaves <= from0 + margin) before++;
                else if (reading.VisibleTicks + margin > leaves) unreachable++;
                else tooLate++;
            }
            for (var i = 0; i < ledger.SensorTimes.Length; i++)
            {
                if (ledger.Kept[i] > 1) keptTwice++;
                if (ledger.RepeatedAlerts[i] > 0) alertedTwice++;
                if (ledger.Kept[i] > 0 && !known.Contains(ledger.SensorTimes[i])) unknown++;
            }
        }
        return new ReadingAuditFigures(reachable, kept, lost, keptTwice, alertedTwice, duplicatePushes, unreachable, tooLate, before, unknown, examples);
    }

    private static int KeptCount(PatientIngestData ledger, long sensorMs)
    {
        var i = Array.BinarySearch(ledger.SensorTimes, sensorMs);
        return i >= 0 ? ledger.Kept[i] : 0;
    }
}
