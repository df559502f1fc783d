using LoadDriver.Reports;
using LoadDriver.Thresholds;

namespace Simulator.Load.Population;

/// <summary>What a population load was: the population, its time compression, where it went, and the seed that repeats it.</summary>
public sealed record PopulationSummary(
    int Patients,
    int Followers,
    int FollowedPatients,
    DateTimeOffset VirtualStart,
    string VirtualSpan,
    string RealSpan,
    double Compression,
    IReadOnlyList<string> Uploads,
    double UploadIntervalMinutes,
    double PollIntervalMinutes,
    string Pushes,
    string Glucose,
    double BuildSeconds,
    IReadOnlyDictionary<string, double> OfferedPerSecond);

/// <summary>
/// <c>report.json</c> of <c>simulator load population</c>: the load driver's report per stream and for all streams
/// combined, the logins the clients made, the journal cross-check, the thresholds and the exit code.
/// </summary>
public sealed record PopulationReport
{
    public string Kind { get; init; } = "population-load";
    public required int Seed { get; init; }
    public required string Shard { get; init; }
    public required PopulationSummary Population { get; init; }
    public required IReadOnlyDictionary<string, string> Targets { get; init; }
    public required IReadOnlyDictionary<string, LoadReport> Streams { get; init; }
    public required LoadReport Combined { get; init; }
    /// <summary>Share logins by client kind (publisher phones, follower apps): made before the clock starts, and again whenever Share loses a session.</summary>
    public required IReadOnlyDictionary<string, long> Logins { get; init; }
    public required JournalCheck JournalCheck { get; init; }
    public required IReadOnlyList<ThresholdResult> Thresholds { get; init; }
    public required bool Passed { get; init; }
    public required int ExitCode { get; init; }
}
