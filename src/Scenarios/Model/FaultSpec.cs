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
}

/// <summary>How an outage answers: an HTTP status, a connection reset, or no answer at all.</summary>
public enum OutageResponse { Status, Reset, Timeout }

/// <summary>
/// The vendor fails requests. <see cref="Ratio"/> below 1 makes it intermittent ("server error, sometimes
/// works"), each request drawing from the run's seeded randomness.
/// </summary>
public sealed record OutageFaultOptions : FaultOptions
{
    public override string Kind => "outage";
    public OutageResponse Response { get; init; } = OutageResponse.Status;
    public int StatusCode { get; init; } = 503;
    public double Ratio { get; init; } = 1.0;
}

public enum LatencyDistribution { Fixed, Uniform }

/// <summary>Every response is delayed by a virtual duration (fixed, or uniform between min and max).</summary>
public sealed record LatencyFaultOptions : FaultOptions
{
    public override string Kind => "latency";
    public LatencyDistribution Distribution { get; init; } = LatencyDistribution.Fixed;
    public TimeSpan Delay { get; init; }
    public TimeSpan MaxDelay { get; init; }
}

public enum BacklogRelease { DrainRate, Burst }

/// <summary>
/// Uploads are accepted but withheld from followers until the window ends; then they are released at
/// <see cref="DrainPerSecond"/> readings per virtual second, or all at once, always with their original timestamps.
/// </summary>
public sealed record BacklogFaultOptions : FaultOptions
{
    public override string Kind => "backlog";
    public BacklogRelease Release { get; init; } = BacklogRelease.Burst;
    public double DrainPerSecond { get; init; }
}
