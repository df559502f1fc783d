namespace Simulator.Glucose.Sensors;

/// <summary>
/// FreeStyle Libre's five arrows. Abbott's bands: rising/falling quickly = more than 2 mg/dL/min; rising/falling =
/// between 1 and 2; changing slowly = less than 1 (freestyle.abbott "Trend arrows" page). LibreLinkUp numbers them
/// 1 SingleDown, 2 FortyFiveDown, 3 Flat, 4 FortyFiveUp, 5 SingleUp (vendor-apis.md §3.5), and followers map those
/// numbers to the Nightscout directions of the same names — so "quickly" is SingleUp/SingleDown, never Double.
/// Boundary values (exactly ±1, ±2) fall in the slower band, as in <see cref="TrendArrows.FromRate"/>.
/// </summary>
public static class LibreTrendArrows
{
    /// <summary>Arrow for a rate in mg/dL/min, expressed on the shared <see cref="Trend"/> enum.</summary>
    public static Trend FromRate(double mgdlPerMinute) => mgdlPerMinute switch
    {
        > 2 => Trend.SingleUp,
        > 1 => Trend.FortyFiveUp,
        >= -1 => Trend.Flat,
        >= -2 => Trend.FortyFiveDown,
        _ => Trend.SingleDown,
    };

    /// <summary>LibreLinkUp's <c>TrendArrow</c> number (1–5) for a trend, or null where Libre has no such arrow.</summary>
    public static int? ToTrendArrow(Trend trend) => trend switch
    {
        Trend.SingleDown => 1,
        Trend.FortyFiveDown => 2,
        Trend.Flat => 3,
        Trend.FortyFiveUp => 4,
        Trend.SingleUp => 5,
        _ => null,
    };

    /// <summary>The trend for a LibreLinkUp <c>TrendArrow</c> number; anything but 1–5 is NotComputable (§3.5).</summary>
    public static Trend FromTrendArrow(int arrow) => arrow switch
    {
        1 => Trend.SingleDown,
        2 => Trend.FortyFiveDown,
        3 => Trend.Flat,
        4 => Trend.FortyFiveUp,
        5 => Trend.SingleUp,
        _ => Trend.NotComputable,
    };
}
