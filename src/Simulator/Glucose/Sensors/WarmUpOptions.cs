namespace Simulator.Glucose.Sensors;

/// <summary>
/// Sensor sessions (spec §11.4): each instant in <see cref="SensorStarts"/> begins a new sensor, which gives no
/// readings for the kind's warm-up and stops after its session length (plus grace). With no starts the sensor is
/// already warmed up at the beginning of the run and never expires (its start is unknown).
/// </summary>
public sealed record WarmUpOptions
{
    public static WarmUpOptions Default { get; } = new();

    public static WarmUpOptions Off { get; } = new() { Enabled = false };

    public bool Enabled { get; init; } = true;

    /// <summary>Instants at which a new sensor session starts; any order, duplicates allowed.</summary>
    public IReadOnlyList<DateTimeOffset> SensorStarts { get; init; } = [];

    /// <summary>Whether readings stop (state Expired) once a session's length plus grace has passed.</summary>
    public bool EnforceSessionLength { get; init; } = true;
}
