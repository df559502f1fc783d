namespace Simulator.Glucose.Sensors;

/// <summary>What the device shows at one reading instant.</summary>
public enum SensorState
{
    /// <summary>A normal reading.</summary>
    Ok,

    /// <summary>Below the reportable floor: the device shows LOW; <see cref="SensorSample.Mgdl"/> is the floor (40).</summary>
    Low,

    /// <summary>Above the reportable ceiling: the device shows HIGH; <see cref="SensorSample.Mgdl"/> is the ceiling (400).</summary>
    High,

    /// <summary>Sensor warming up after a start: no value.</summary>
    WarmUp,

    /// <summary>Transient signal loss: no value.</summary>
    Dropout,

    /// <summary>Sensor error (e.g. G6 "???"): no value.</summary>
    SensorError,

    /// <summary>A value is present but depressed by a compression artifact (ground-truth label, not shown by devices).</summary>
    CompressionLow,

    /// <summary>Past the session length (plus grace): no value until the next sensor start.</summary>
    Expired,
}

/// <summary>
/// One reading instant. <see cref="Mgdl"/> is null when there is no reading (warm-up, dropout, sensor error, expired);
/// <see cref="TruthMgdl"/> is the noiseless glucose the caller supplied as ground truth.
/// </summary>
public readonly record struct SensorSample(DateTimeOffset At, double TruthMgdl, int? Mgdl, SensorState State, Trend Trend)
{
    public bool HasReading => Mgdl.HasValue;
}
