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
[JsonDerivedType(typeof(LocalAlarmRaised), "local-alarm")]
[JsonDerivedType(typeof(RunEnded), "run-ended")]
[JsonDerivedType(typeof(BleFrameRecorded), "ble-frame")]
[JsonDerivedType(typeof(BleWindowClosed), "ble-window")]
[JsonDerivedType(typeof(BleReceiverChanged), "ble-receiver")]
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

/// <summary>
/// The receiver under test alarmed on the patient's own phone (the phone on the nightstand): a delivery path of
/// its own, scored beside the followers' push notifications.
/// </summary>
public sealed record LocalAlarmRaised : JournalEvent
{
    public required string Patient { get; init; }
    public required string Alert { get; init; }
    /// <summary>The reading the alarm is about, when the receiver named one.</summary>
    public DateTimeOffset? ReadingAt { get; init; }
}

/// <summary>
/// A frame on the BLE link (docs/ble-link.md), summarised: who, which way, what, and the exact value bytes.
/// p2c frames lost to the radio plan are journaled too, with <see cref="Dropped"/> set.
/// </summary>
public sealed record BleFrameRecorded : JournalEvent
{
    public required int Link { get; init; }
    /// <summary><c>c2p</c> (receiver → transmitter) or <c>p2c</c>.</summary>
    public required string Direction { get; init; }
    /// <summary>The frame event in its JSON spelling: notify, indicate, write-request, cccd, connect, advertisement, ….</summary>
    public required string Event { get; init; }
    /// <summary><c>authentication</c>, <c>control</c>, <c>backfill</c>, <c>advertisement</c>, or null for connect/disconnect.</summary>
    public string? Characteristic { get; init; }
    /// <summary>The decoded message name (e.g. <c>GlucoseRx</c>), or null when the value is not a known message.</summary>
    public string? Message { get; init; }
    /// <summary>The payload, lower-case hex.</summary>
    public required string Hex { get; init; }
    /// <summary>The receiver connection the frame came from or went to; null for a broadcast advertisement.</summary>
    public int? Receiver { get; init; }
    /// <summary>True when the radio plan lost this p2c frame (packet loss, out of range): it was never sent.</summary>
    public bool Dropped { get; init; }
    /// <summary>Why the transmitter ignored or could not answer the frame, or null.</summary>
    public string? Note { get; init; }
}

/// <summary>How a transmitter's wake window ended: connected, not-connected-by-receiver, missed or out-of-range.</summary>
public sealed record BleWindowClosed : JournalEvent
{
    public required int Link { get; init; }
    public required string Patient { get; init; }
    /// <summary>Window number k; window k opens at the run start + phase + k × 300 s.</summary>
    public required long Window { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }
    public required string Outcome { get; init; }
}

/// <summary>A receiver under test connected to or left the BLE link server (TCP or WebSocket).</summary>
public sealed record BleReceiverChanged : JournalEvent
{
    public required int Receiver { get; init; }
    /// <summary><c>tcp</c> or <c>websocket</c>.</summary>
    public required string Transport { get; init; }
    /// <summary><c>connected</c>, <c>closed</c> (the receiver left) or <c>rejected</c> (the harness closed it for a malformed frame).</summary>
    public required string Change { get; init; }
    public string? Reason { get; init; }
}
