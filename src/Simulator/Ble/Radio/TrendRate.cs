using Simulator.Glucose;

namespace Simulator.Ble.Radio;

/// <summary>
/// Dexcom messages carry a rate (i8, 0.1 mg/dL per minute; 127 = none — spec §1.4, §2.4), the engine's readings
/// carry an arrow. Each arrow maps to the middle of its band (<see cref="TrendArrows.FromRate"/>), so a receiver
/// that turns the rate back into an arrow with Dexcom's bands gets the reading's arrow exactly.
/// </summary>
public static class TrendRate
{
    public const sbyte None = 127;

    public static sbyte FromTrend(Trend trend) => trend switch
    {
        Trend.DoubleUp => 35,
        Trend.SingleUp => 25,
        Trend.FortyFiveUp => 15,
        Trend.Flat => 0,
        Trend.FortyFiveDown => -15,
        Trend.SingleDown => -25,
        Trend.DoubleDown => -35,
        _ => None,
    };
}
