namespace Simulator.Load.Traffic;

/// <summary>
/// The <c>data.alert</c> values of a push: the ReferenceSystem's wire names for glucose alerts, plus <c>glucose</c>
/// for a push about an in-range reading (the rate-driven fan-out sends those too).
/// </summary>
public static class AlertNames
{
    public const string UrgentLow = "urgent-low";
    public const string Low = "low";
    public const string High = "high";
    public const string Glucose = "glucose";

    /// <summary>
    /// The alert a reading of <paramref name="mgdl"/> stands in, by the Dexcom default policy (at or below 55 and 70,
    /// at or above 250: the comparisons the expected-alert engine makes).
    /// </summary>
    public static string For(int mgdl, double urgentLow = 55, double low = 70, double high = 250) =>
        mgdl <= urgentLow ? UrgentLow : mgdl <= low ? Low : mgdl >= high ? High : Glucose;
}
