using Scenarios.Model;
using Simulator.Journal;

namespace Simulator.Load.Population;

/// <summary>One stream's successes as the driver counted them against what the vendor fake journalled for them.</summary>
public sealed record JournalCount(string Stream, string Vendor, string JournalEvent, long DriverSucceeded, long Journal)
{
    public bool Equal => DriverSucceeded == Journal;
}

/// <summary>
/// After a run against the built-in fakes: every request the driver counted as a success must show in the fake's
/// journal — an upload as an accepted reading, a poll as readings served, a push as a push received — count for
/// count. Uploads carry a new sensor time each, so the fakes' idempotent stores cannot hide a duplicate. Requests that
/// timed out on the driver's side may still have been served, so the counts only have to agree in a run without errors.
/// </summary>
public sealed record JournalCheck(bool Checked, string Note, IReadOnlyList<JournalCount> Counts)
{
    public bool Passed => Counts.All(c => c.Equal);

    internal static JournalCheck Of(PopulationTargets targets, RunJournal journal, PopulationStreams streams)
    {
        var counts = new List<JournalCount>();
        var accepted = journal.OfType<ReadingAccepted>().CountBy(e => e.Vendor).ToDictionary(kv => kv.Key, kv => (long)kv.Value, StringComparer.Ordinal);
        if (targets.ShareFake is not null && streams.UploadSuccesses.Vendors.Contains(VendorIds.DexcomShare))
            counts.Add(new(PopulationStreams.Uploads, VendorIds.DexcomShare, "reading-accepted", streams.UploadSuccesses.Of(VendorIds.DexcomShare), accepted.GetValueOrDefault(VendorIds.DexcomShare)));
        if (targets.NightscoutFake is not null && streams.UploadSuccesses.Vendors.Contains(VendorIds.Nightscout))
            counts.Add(new(PopulationStreams.Uploads, VendorIds.Nightscout, "reading-accepted", streams.UploadSuccesses.Of(VendorIds.Nightscout), accepted.GetValueOrDefault(VendorIds.Nightscout)));
        if (targets.ShareFake is not null && streams.FollowerShare is not null)
            counts.Add(new(PopulationStreams.Polls, VendorIds.DexcomShare, "readings-served", streams.PollSuccesses.Of(VendorIds.DexcomShare),
                journal.OfType<ReadingsServed>().LongCount(e => e.Vendor == VendorIds.DexcomShare)));
        if (targets.FcmFake is not null)
            counts.Add(new(PopulationStreams.Pushes, VendorIds.Fcm, "push-received", streams.PushSuccesses.Of(VendorIds.Fcm), journal.OfType<PushReceived>().Count));
        var note = counts.Count == 0
            ? "not checked: every target is external, so there is no journal to check against"
            : targets.ShareFake is null || targets.NightscoutFake is null || targets.FcmFake is null
                ? "checked for the built-in fakes only; external targets keep their own records"
                : "checked against the built-in fakes' journal";
        return new JournalCheck(counts.Count > 0, note, counts);
    }
}
