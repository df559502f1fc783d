namespace Scenarios.Model;

/// <summary>One person wearing a sensor, the people who follow them, and how their phone shares data.</summary>
public sealed record PatientSpec
{
    public required string Id { get; init; }
    public required TraceSpec Trace { get; init; }
    public required IReadOnlyList<FollowerSpec> Followers { get; init; }
    /// <summary>Vendors the patient's phone app uploads every reading to (the harness plays the phone app).</summary>
    public required IReadOnlyList<string> UploadsTo { get; init; }
    /// <summary>Sources the follower system reads, primary first (e.g. dexcom-share, then nightscout).</summary>
    public required IReadOnlyList<string> FollowVia { get; init; }
    /// <summary>The CGM between true glucose and the reading; null means readings are the trace's values exactly.</summary>
    public SensorSpec? Sensor { get; init; }
    /// <summary>When set, a receiver under test gets this patient's readings over BLE and uploads them itself.</summary>
    public BleSpec? Ble { get; init; }
}

public sealed record FollowerSpec
{
    public required string Id { get; init; }
    /// <summary>Push channel the follower's phone is reached on (v1: <c>fcm</c>).</summary>
    public string Channel { get; init; } = "fcm";
}

/// <summary>Where the ground-truth glucose comes from: <c>scripted</c>, <c>uva-padova</c> or <c>replay</c>.</summary>
public abstract record TraceSpec
{
    public abstract string Source { get; }
}

/// <summary>
/// A curve given as waypoints (offset from the scenario start → mg/dL). Readings are taken every
/// <see cref="Interval"/> by straight-line interpolation between waypoints, so a reader of the file can
/// predict every value exactly.
/// </summary>
public sealed record ScriptedTraceSpec : TraceSpec
{
    public override string Source => "scripted";
    public required IReadOnlyList<Waypoint> Points { get; init; }
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(5);
}

public sealed record Waypoint(TimeSpan Offset, double Mgdl);
