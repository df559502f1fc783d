using LoadDriver.Running;
using Simulator.Journal;
using Simulator.Runs;

namespace Simulator.Load.Recovery;

/// <summary>Uploads of one 5-minute round of the live phase, as the load driver measured them.</summary>
internal sealed record UploadSegment(DateTimeOffset VirtualStart, LoadResult Result);

/// <summary>Everything one profile's run left behind for the analysis; the journal is the record, the rest is measurement.</summary>
internal sealed record ProfileRunData(
    RecoveryProfile Profile,
    IReadOnlyList<JournalEvent> Journal,
    IReadOnlyDictionary<string, PatientIngestData> Ingest,
    IReadOnlyList<RelayedCall> Calls,
    IReadOnlyList<UploadSegment> Uploads,
    DateTimeOffset LiveEnd,
    long FastForwarded,
    TimeSpan RealFastForward,
    TimeSpan RealLive,
    string EndedBecause,
    string? JournalPath,
    GcDuringLive Gc);

/// <summary>Garbage collection while the live phase ran: total pause (real time) and full (generation 2) collections.</summary>
internal sealed record GcDuringLive(TimeSpan Pause, int FullCollections);

/// <summary>What every profile's world is built from: generated once, shared by the profiles of a run.</summary>
internal sealed record RecoveryInputs(
    RecoveryOptions Options,
    RecoveryTimeline Timeline,
    RecoveryPopulation Population,
    RecoveryTraces Traces,
    Func<CancellationToken, Task<IBuiltinSut>> StartSut,
    TimeProvider Real);
