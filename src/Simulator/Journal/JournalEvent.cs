using System.Text.Json.Serialization;

namespace Simulator.Journal;

/// <summary>
/// Something that happened in a run, stamped with the virtual instant it happened at. The scorer, the
/// reports and the store read only these; nothing scores from side channels.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(RunStarted), "run-started")]
[JsonDerivedType(typeof(ReadingGenerated), "reading-generated")]
[JsonDerivedType(typeof(UploadAttempted), "upload-attempted")]
[JsonDerivedType(typeof(ReadingAccepted), "reading-accepted")]
[JsonDerivedType(typeof(RequestServed), "request-served")]
[JsonDerivedType(typeof(ReadingsServed), "readings-served")]
[JsonDerivedType(typeof(FaultPhaseChanged), "fault-phase")]
[JsonDerivedType(typeof(PushReceived), "push-received")]
[JsonDerivedType(typeof(RunEnded), "run-ended")]
public abstract record JournalEvent
{
    /// <summary>Virtual instant the event happened at.</summary>
    public required DateTimeOffset At { get; init; }
    /// <summary>Order of appending, unique within a run.</summary>
    public long Seq { get; set; }
}

public sealed record RunStarted : JournalEvent
{
    public required string Scenario { get; init; }
    public required int Seed { get; init; }
    public required double Speed { get; init; }
    public required string Sut { get; init; }
}

/// <summary>Ground truth: the sensor measured this value at <see cref="JournalEvent.At"/> (its SensorTime).</summary>
public sealed record ReadingGenerated : JournalEvent
{
    public required string Patient { get; init; }
    public required int Mgdl { get; init; }
    public required string Trend { get; init; }
    /// <summary>Blood glucose at that instant when the trace models it (UVA/Padova); the reading is what the sensor made of it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? TruthMgdl { get; init; }
}

/// <summary>The phone app (played by the harness) tried to upload readings to a vendor.</summary>
public sealed record UploadAttempted : JournalEvent
{
    public required string Patient { get; init; }
    public required string Vendor { get; init; }
    public required int Readings { get; init; }
    /// <summary>HTTP status, or 0 when no response came back (reset, timeout).</summary>
    public required int Status { get; init; }
    public string? Error { get; init; }
}

/// <summary>A vendor stored a reading; followers can see it from <see cref="VisibleAt"/> (later than now under a backlog).</summary>
public sealed record ReadingAccepted : JournalEvent
{
    public required string Vendor { get; init; }
    public required string Patient { get; init; }
    public required DateTimeOffset SensorTime { get; init; }
    public required int Mgdl { get; init; }
    public required DateTimeOffset VisibleAt { get; init; }
}

/// <summary>A vendor fake answered (or deliberately did not answer) a request.</summary>
public sealed record RequestServed : JournalEvent
{
    public required string Vendor { get; init; }
    public required string Endpoint { get; init; }
    public required string Method { get; init; }
    public required string Path { get; init; }
    /// <summary>HTTP status, or 0 when the connection was reset or held until the client gave up.</summary>
    public required int Status { get; init; }
    /// <summary>The fault that shaped the answer, e.g. <c>outage</c>, or null.</summary>
    public string? Fault { get; init; }
}

/// <summary>A data vendor served readings of a patient to a follower system: what the follower could show.</summary>
public sealed record ReadingsServed : JournalEvent
{
    public required string Vendor { get; init; }
    public required string Patient { get; init; }
    public required int Count { get; init; }
    public DateTimeOffset? NewestSensorTime { get; init; }
}

public sealed record FaultPhaseChanged : JournalEvent
{
    public required string Target { get; init; }
    public required string Kind { get; init; }
    public required bool Active { get; init; }
}

/// <summary>A push/SMS/webhook fake received a notification for a follower.</summary>
public sealed record PushReceived : JournalEvent
{
    public required string Channel { get; init; }
    public required string Payload { get; init; }
}

public sealed record RunEnded : JournalEvent
{
    public required string Outcome { get; init; }
}
