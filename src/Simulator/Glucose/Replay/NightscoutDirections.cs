namespace Simulator.Glucose.Replay;

/// <summary>
/// Nightscout <c>direction</c> strings to <see cref="Trend"/>, ignoring case, spaces and underscores so both
/// "NOT COMPUTABLE" (Nightscout) and "NotComputable" (Share) spellings are read.
/// </summary>
internal static class NightscoutDirections
{
    public const string Known = "DoubleUp, SingleUp, FortyFiveUp, Flat, FortyFiveDown, SingleDown, DoubleDown, NOT COMPUTABLE, RATE OUT OF RANGE, NONE";

    private static readonly Dictionary<string, Trend> ByKey = new(StringComparer.Ordinal)
    {
        ["NONE"] = Trend.None,
        ["DOUBLEUP"] = Trend.DoubleUp,
        ["SINGLEUP"] = Trend.SingleUp,
        ["FORTYFIVEUP"] = Trend.FortyFiveUp,
        ["FLAT"] = Trend.Flat,
        ["FORTYFIVEDOWN"] = Trend.FortyFiveDown,
        ["SINGLEDOWN"] = Trend.SingleDown,
        ["DOUBLEDOWN"] = Trend.DoubleDown,
        ["NOTCOMPUTABLE"] = Trend.NotComputable,
        ["RATEOUTOFRANGE"] = Trend.RateOutOfRange,
    };

    public static bool TryParse(string direction, out Trend trend)
    {
        var key = string.Concat(direction.Where(c => c is not (' ' or '_' or '-'))).ToUpperInvariant();
        return ByKey.TryGetValue(key, out trend);
    }

    /// <summary>The numeric <c>trend</c> field (Share's trend numbers 0–9), used when <c>direction</c> is absent.</summary>
    public static bool TryFromNumber(double number, out Trend trend)
    {
        trend = Trend.None;
        if (number != Math.Floor(number) || number < 0 || number > 9)
            return false;
        trend = (Trend)(int)number;
        return true;
    }
}
