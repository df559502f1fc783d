using Scenarios.Loading;

namespace Simulator.Load.Recovery;

/// <summary>What every figure of a recovery report means, written into the report itself so it can be read alone.</summary>
internal static class RecoveryDefinitions
{
    public static IReadOnlyDictionary<string, string> All { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["fastForward"] = "The outage is fast-forwarded, not sent over HTTP: every reading from 24 h before the outage to the live phase is accepted straight into the Share fake's store at its upload instant (its sensor time), in time order, under the backlog fault, and journaled like any upload. No real time passes for it.",
        ["livePhase"] = $"Starts before recovery (the lead) on the virtual clock; the follower system follows the patients that have followers over real loopback HTTP (through a timing relay); every patient's phone uploads every 5 virtual minutes through the load driver. Ends {HumanDuration.Format(RecoveryOptions.DefaultSettle)} (by default) after the backlog drained and every followed patient is fresh, or at the bound.",
        ["drainSeconds"] = "From recovery to the release of the last reading withheld during the outage (journal: ReadingAccepted.VisibleAt).",
        ["peakQueue"] = "The most readings held back at once (accepted, not yet visible), sampled at recovery and every virtual minute after.",
        ["fresh"] = $"A followed patient is fresh at an instant when the newest reading the vendor has served the follower system so far is at most {HumanDuration.Format(FreshnessAnalysis.FreshWithin)} old (journal: ReadingsServed); time to fresh runs from recovery to the first answer that made it so, and counts once per follower of the patient.",
        ["lost"] = $"A reading of a followed patient that the vendor made visible while it was inside Share's 24-hour read window, for at least {HumanDuration.Format(ReadingAudit.PollMargin)} between following starting and the live phase ending, which the follower system never kept (GET /api/follow/ingest).",
        ["duplicated"] = "A reading the follower system kept more than once, or raised the same alert about more than once (its ingest ledger), or a push delivered twice for the same follower, alert and reading (journal: PushReceived).",
        ["unreachable"] = $"A reading that became visible when it was already within {HumanDuration.Format(ReadingAudit.PollMargin)} of being 24 hours old: Share's read (minutes ≤ 1440) can never return it. A finding about the vendor API, not a loss by the follower system.",
        ["visibleTooLate"] = $"A reading released less than {HumanDuration.Format(ReadingAudit.PollMargin)} before the live phase ended: not counted either way.",
        ["beforeFollowing"] = "History that had left Share's 24-hour window before following began: not counted.",
        ["alertStorm"] = "Pushes per follower per 5 virtual minutes after recovery: the most any follower got, and how many followers got more than one in some 5 minutes.",
        ["pollLatency"] = "The follower system's Share reads, timed by the relay in real milliseconds from arrival to the whole answer (the relay adds well under a millisecond). Errors by kind: 4xx/5xx answers, gave-up (the follower system stopped waiting: its own time budget ran out) and connection (the fake could not be reached).",
        ["uploadLatency"] = "The phones' uploads as the load driver measured them, in real milliseconds, corrected for coordinated omission (from each upload's due time).",
        ["glucose"] = "The cohort's UVA/Padova patients with seeded daily lives, integrated at 1-minute steps; each reading is the interstitial glucose at the patient's 5-minute phase, rounded, with Dexcom arrows; no sensor noise or dropouts, so every missing reading is the pipeline's doing.",
        ["exitCode"] = "0 when every asserted profile (--assert, default resilient) has no lost and no duplicated reading, 2 otherwise; profiles not asserted (naive, by default) are reported, not judged. 1 for bad input.",
    };
}
