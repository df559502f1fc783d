namespace Scenarios.Model;

/// <summary>A fault of one kind aimed at one vendor (or one of its endpoints) for a window of virtual time.</summary>
public sealed record FaultSpec
{
    public required FaultTarget Target { get; init; }
    public required DateTimeOffset At { get; init; }
    public required DateTimeOffset Until { get; init; }
    public required FaultOptions Options { get; init; }
    /// <summary>Line in the scenario file, so runtime messages can point back at it.</summary>
    public int Line { get; init; }
    public string Kind => Options.Kind;
    public bool IsActiveAt(DateTimeOffset instant) => instant >= At && instant < Until;
}

/// <summary><c>vendor</c> or <c>vendor/endpoint</c>; a null endpoint means every endpoint of the vendor.</summary>
public sealed record FaultTarget(string Vendor, string? Endpoint)
{
    public bool Matches(string vendor, string endpoint) =>
        string.Equals(Vendor, vendor, StringComparison.Ordinal)
        && (Endpoint is null || string.Equals(Endpoint, endpoint, StringComparison.Ordinal));

    public override string ToString() => Endpoint is null ? Vendor : $"{Vendor}/{Endpoint}";
}

public abstract record FaultOptions
{
    public abstract string Kind { get; }

    /// <summary>
    /// What is wrong with these options, each problem naming the scenario key to change and how (empty when valid).
    /// The scenario loader reports them at that key's line; code that builds options gets them all at once from
    /// <see cref="FaultOptionsValidation.ThrowIfInvalid"/>. Outage and latency options live in their own files.
    /// </summary>
    public virtual IEnumerable<FaultOptionError> Validate() => [];
}

public enum BacklogRelease { DrainRate, Burst, Reorder }

/// <summary>What happens to a reading uploaded after the window closed while the backlog is still coming out.</summary>
public enum BacklogNewUploads
{
    /// <summary>Visible at once, overtaking the backlog (the default: a vendor that serves live data first).</summary>
    Bypass,
    /// <summary>Queued behind the backlog, first in first out: one stuck pipeline, what "massive backlog" meant in 2019.</summary>
    Wait,
}

/// <summary>
/// Uploads are accepted but withheld from followers until the window ends; then they are released at
/// <see cref="DrainPerSecond"/> readings per virtual second in the order they were accepted, all at once, or
/// (<see cref="BacklogRelease.Reorder"/>) spread over <see cref="ReorderOver"/> in a seeded random order, always with
/// their original timestamps.
/// </summary>
public sealed record BacklogFaultOptions : FaultOptions
{
    public override string Kind => "backlog";
    public BacklogRelease Release { get; init; } = BacklogRelease.Burst;
    public double DrainPerSecond { get; init; }
    /// <summary>Reorder only: every withheld reading comes out at a seeded instant in [end of window, end + this).</summary>
    public TimeSpan ReorderOver { get; init; }
    /// <summary>Reorder only: seeds the release order; 0 (a scenario's fault) means "from the run seed and the fault's position", <c>simulator load recovery</c> passes its --seed.</summary>
    public int Seed { get; init; }
    public BacklogNewUploads NewUploads { get; init; } = BacklogNewUploads.Bypass;

    public override IEnumerable<FaultOptionError> Validate()
    {
        if (!Enum.IsDefined(Release))
            yield return new("release", $"unknown release {(int)Release}; use burst, a drain rate or reorder");
        if (Release == BacklogRelease.DrainRate && !(DrainPerSecond > 0 && double.IsFinite(DrainPerSecond)))
            yield return new("release.drainRate", "the drain rate must be more than 0, or the backlog would never be released; write e.g. 40/s, or release: burst");
        if (Release == BacklogRelease.Reorder && ReorderOver <= TimeSpan.Zero)
            yield return new("release.reorder", "reorder is the span over which the backlog comes out, so it must be longer than 0, e.g. reorder: 30m; for everything at once write release: burst");
        if (!Enum.IsDefined(NewUploads))
            yield return new("release.newUploads", $"unknown newUploads {(int)NewUploads}; use bypass or wait");
    }
}
