using Simulator.Glucose.Sensors;

namespace Simulator.Glucose.Generation;

/// <summary>
/// One sensor instant of a generated trace: true blood glucose, what the sensor reported (null in a gap: warm-up,
/// dropout, sensor error) and its trend arrow.
/// </summary>
public sealed record TracePoint(DateTimeOffset Time, double TruthMgdl, int? SensorMgdl, Trend Trend, SensorState State);
