namespace Simulator.Glucose;

/// <summary>Dexcom trend arrows; the numeric values are Dexcom Share's historical trend numbers.</summary>
public enum Trend
{
    None = 0,
    DoubleUp = 1,
    SingleUp = 2,
    FortyFiveUp = 3,
    Flat = 4,
    FortyFiveDown = 5,
    SingleDown = 6,
    DoubleDown = 7,
    NotComputable = 8,
    RateOutOfRange = 9,
}

public static class TrendArrows
{
    /// <summary>
    /// Arrow for a rate of change in mg/dL per minute, with Dexcom's published bands: flat within ±1,
    /// 45° for 1–2, single for 2–3, double beyond 3 mg/dL/min.
    /// </summary>
    public static Trend FromRate(double mgdlPerMinute) => mgdlPerMinute switch
    {
        > 3 => Trend.DoubleUp,
        > 2 => Trend.SingleUp,
        > 1 => Trend.FortyFiveUp,
        >= -1 => Trend.Flat,
        >= -2 => Trend.FortyFiveDown,
        >= -3 => Trend.SingleDown,
        _ => Trend.DoubleDown,
    };

    /// <summary>Nightscout's <c>direction</c> spelling for a trend.</summary>
    public static string ToNightscoutDirection(this Trend trend) => trend switch
    {
        Trend.None => "NONE",
        Trend.NotComputable => "NOT COMPUTABLE",
        Trend.RateOutOfRange => "RATE OUT OF RANGE",
        _ => trend.ToString(),
    };
}
