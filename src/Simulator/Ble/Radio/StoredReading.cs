using Simulator.Glucose;

namespace Simulator.Ble.Radio;

/// <summary>A reading as the transmitter keeps it: its sequence number and dex timestamp, fixed when measured.</summary>
public sealed record StoredReading(Reading Reading, uint Sequence, uint Timestamp)
{
    /// <summary>The glucose word's 12-bit value: the reading's mg/dL, kept within what 12 bits hold.</summary>
    public ushort Glucose => (ushort)Math.Clamp(Reading.Mgdl, 0, 0x0FFF);

    public sbyte Trend => TrendRate.FromTrend(Reading.Trend);
}
