namespace Simulator.Glucose;

/// <summary>A CGM reading as the sensor reported it: measured at <see cref="SensorTime"/>.</summary>
public sealed record Reading(string Patient, DateTimeOffset SensorTime, int Mgdl, Trend Trend)
{
    /// <summary>Sensors report nothing below 40 or above 400 mg/dL ("LOW"/"HIGH").</summary>
    public const int MinReportable = 40;
    public const int MaxReportable = 400;

    /// <summary>True blood glucose at <see cref="SensorTime"/>, when the trace knows it (UVA/Padova); null for scripted and recorded traces.</summary>
    public double? TruthMgdl { get; init; }
}
