using System.Text.Json;

namespace Simulator.Load.Recovery;

/// <summary>
/// <c>recovery.json</c>: what a backlog-recovery run rehearsed and, per profile under test, how the follower system
/// caught up. Versioned: fields are only ever added within a version; a change of meaning bumps <see cref="Version"/>.
/// Instants are virtual; durations are virtual seconds unless the name says real (<c>Real…</c>, <c>…Ms</c>).
/// </summary>
public sealed record RecoveryReport
{
    public const int CurrentVersion = 1;

    /// <summary>How <c>recovery.json</c> is written and read: web casing, indented.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public int Version { get; init; } = CurrentVersion;
    public string Kind { get; init; } = "backlog-recovery";
    public required RecoveryRunFacts Run { get; init; }
    public required IReadOnlyDictionary<string, string> Definitions { get; init; }
    public required IReadOnlyList<ProfileReport> Profiles { get; init; }

    /// <summary>0 when every asserted profile lost and duplicated nothing, 2 otherwise.</summary>
    public required int ExitCode { get; init; }
}

public sealed record RecoveryRunFacts(
    int Patients,
    int Followers,
    int FollowedPatients,
    string Outage,
    string Release,
    string NewUploads,
    double Speed,
    int Seed,
    DateTimeOffset OutageStart,
    DateTimeOffset Recovery,
    DateTimeOffset LiveStart,
    string GlucoseSource,
    double RealSetupSeconds);

/// <summary>One profile's run. Null figures mean "did not happen within the live phase" (e.g. never all fresh).</summary>
public sealed record ProfileReport
{
    public required string Profile { get; init; }
    public required bool Asserted { get; init; }
    /// <summary>No lost and no duplicated reading.</summary>
    public required bool Passed { get; init; }
    public required ProfileTiming Timing { get; init; }
    public required DrainFigures Drain { get; init; }
    public required FreshnessFigures Freshness { get; init; }
    public required TrafficFigures Polls { get; init; }
    public required TrafficFigures Uploads { get; init; }
    public required AlertFigures Alerts { get; init; }
    public required ReadingAuditFigures Audit { get; init; }
    /// <summary>One row per virtual minute of the live phase.</summary>
    public required IReadOnlyList<MinuteRow> Curves { get; init; }
    public string? Journal { get; init; }
}

public sealed record ProfileTiming(
    DateTimeOffset LiveStart,
    DateTimeOffset LiveEnd,
    double RealFastForwardSeconds,
    long FastForwardedReadings,
    double RealLiveSeconds,
    double RealAnalysisSeconds,
    string EndedBecause,
    double RealGcPauseSeconds,
    int FullGcCollections);

public sealed record DrainFigures(
    long WithheldAtRecovery,
    long PeakQueue,
    DateTimeOffset PeakQueueAt,
    DateTimeOffset? LastWithheldVisibleAt,
    double? DrainSeconds,
    long HeldAfterRecovery,
    DateTimeOffset? QueueEmptyAt);

public sealed record FreshnessFigures(
    int Followers,
    int FreshByEnd,
    double? AllFreshAfterSeconds,
    double? P50Seconds,
    double? P90Seconds,
    double? P99Seconds,
    double? MaxSeconds);

public sealed record TrafficFigures(long Requests, long Errors, double P50Ms, double P99Ms, double MaxMs, IReadOnlyDictionary<string, long> ErrorsByKind);

public sealed record AlertFigures(
    long Pushes,
    long PushesAfterRecovery,
    int MaxPerFollowerPer5Min,
    int FollowersWithMoreThanOnePer5Min,
    IReadOnlyDictionary<string, long> ByAlert,
    long Unreadable);

public sealed record ReadingAuditFigures(
    long Reachable,
    long Kept,
    long Lost,
    long KeptTwice,
    long AlertedTwice,
    long DuplicatePushes,
    long Unreachable,
    long VisibleTooLate,
    long BeforeFollowing,
    long UnknownToVendor,
    IReadOnlyList<LostReading> LostExamples);

public sealed record LostReading(string Patient, DateTimeOffset SensorTime, DateTimeOffset VisibleAt);

/// <summary>One virtual minute; <see cref="Minute"/> counts from recovery (negative during the lead).</summary>
public sealed record MinuteRow(
    int Minute,
    long Queue,
    int FreshFollowers,
    long Polls,
    long PollErrors,
    double PollP50Ms,
    double PollP99Ms,
    long Uploads,
    long UploadErrors,
    double UploadP50Ms,
    double UploadP99Ms,
    long Pushes,
    int MaxPushesToOneFollower);
