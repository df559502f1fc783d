using System.Globalization;
using Scenarios.Loading;
using Scenarios.Model;
using Simulator.Runs;

namespace Simulator.Load.Recovery;

/// <summary>The ReferenceSystem's follower profiles a recovery run can put under test.</summary>
public enum RecoveryProfile { Naive, Resilient }

/// <summary>
/// What backlog recovery to rehearse: the population, the outage and how its backlog comes out, the profiles under test
/// (and which of them the exit code answers for), the speed of the live phase, the seed and where the files go. Every
/// bound is checked by <see cref="Validate"/> before anything is generated or started.
/// </summary>
public sealed record RecoveryOptions
{
    /// <summary>10,000 patients × 4 days is 11.5 million stored readings; twice that still fits a 24 GB machine.</summary>
    public const int MaxPatients = 20_000;
    public const double MaxSpeed = 1000;
    public static readonly TimeSpan MinOutage = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxOutage = TimeSpan.FromDays(7);

    public int Patients { get; init; } = 10_000;

    /// <summary>Followers in all; the cohort gives each patient 1 to 3, and patients are picked (seeded) until there are this many.</summary>
    public int Followers { get; init; } = 2_000;

    public TimeSpan Outage { get; init; } = TimeSpan.FromDays(3);
    public RecoveryRelease Release { get; init; } = RecoveryRelease.Default;

    /// <summary>Whether uploads made after recovery queue behind the backlog (the 2019 pipeline) or overtake it.</summary>
    public BacklogNewUploads NewUploads { get; init; } = BacklogNewUploads.Wait;

    public IReadOnlyList<RecoveryProfile> Profiles { get; init; } = [RecoveryProfile.Resilient];

    /// <summary>The profiles whose lost and duplicated readings decide the exit code (those not run are ignored).</summary>
    public IReadOnlyList<RecoveryProfile> Asserted { get; init; } = [RecoveryProfile.Resilient];

    /// <summary>Virtual seconds per real second in the live phase.</summary>
    public double Speed { get; init; } = 10;

    public int Seed { get; init; } = 20191130;

    /// <summary>How long before recovery the live phase starts: the follower system is following, the vendor still holds everything.</summary>
    public TimeSpan Lead { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Once every followed patient is fresh and the backlog has drained, the live phase goes on this long.</summary>
    public TimeSpan Settle { get; init; } = DefaultSettle;

    public static readonly TimeSpan DefaultSettle = TimeSpan.FromMinutes(10);

    /// <summary>The live phase ends at the latest this long after the backlog is due to have drained, fresh or not.</summary>
    public TimeSpan MaxAfterDrain { get; init; } = TimeSpan.FromHours(2);

    public required string OutputDirectory { get; init; }

    /// <summary>Also write each profile's journal as JSON Lines (about 230 bytes a reading; 2.7 GB for the 10,000-patient run).</summary>
    public bool WriteJournal { get; init; } = true;

    /// <summary>Uploads per virtual second: every patient's phone every 5 minutes.</summary>
    public double UploadsPerSecond => Patients / RecoveryTimeline.ReadingInterval.TotalSeconds;

    /// <exception cref="RunFailedException">An option is out of range; the message names it and what to give instead.</exception>
    public void Validate()
    {
        var c = CultureInfo.InvariantCulture;
        if (Patients is < 1 or > MaxPatients)
            Fail($"--patients {Patients} is out of range; give 1 to {MaxPatients.ToString("N0", c)} (every patient's readings for the whole outage are held in memory).");
        if (Followers < 1)
            Fail($"--followers {Followers} is out of range; give at least 1 (the follower system under test follows the patients that have followers).");
        if (Outage < MinOutage || Outage > MaxOutage || Outage.Ticks % RecoveryTimeline.ReadingInterval.Ticks != 0)
            Fail($"--outage {HumanDuration.Format(Outage)} is out of range; give 1h to 7d in whole 5-minute reading intervals, e.g. 3d or 12h.");
        if (Lead < RecoveryTimeline.ReadingInterval || Lead >= Outage || Lead.Ticks % RecoveryTimeline.ReadingInterval.Ticks != 0)
            Fail($"The live phase's lead of {HumanDuration.Format(Lead)} must be whole 5-minute intervals, at least 5m and shorter than the outage ({HumanDuration.Format(Outage)}).");
        if (!(Speed > 0) || Speed > MaxSpeed)
            Fail($"--speed {Speed.ToString(c)} is out of range; give more than 0 and at most {MaxSpeed.ToString(c)} virtual seconds per real second.");
        if (Profiles.Count == 0)
            Fail("No profile to run; give --profile naive, resilient or both.");
        if (Release.Mode == BacklogRelease.DrainRate && NewUploads == BacklogNewUploads.Wait && Release.DrainPerSecond <= UploadsPerSecond)
            Fail(string.Create(c, $"--release {Release} drains no faster than the uploads arrive ({Patients} patients every 5 minutes is {UploadsPerSecond:0.#}/s), so with new uploads waiting behind the backlog it would never drain; give a rate above {UploadsPerSecond:0.#}/s, or --new-uploads bypass."));
    }

    private static void Fail(string message) => throw new RunFailedException(message);
}
