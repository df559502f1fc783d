using Scenarios.Model;

namespace Simulator.Glucose;

/// <summary>
/// Turns waypoints into readings every interval, by straight lines between waypoints (held flat before the
/// first and after the last), so anyone reading the scenario file can predict every value. Trend arrows come
/// from the rate of change over the previous two intervals, as a receiver computes them from what it has.
/// </summary>
public static class ScriptedTrace
{
    public static IReadOnlyList<Reading> Generate(string patient, ScriptedTraceSpec spec, DateTimeOffset start, DateTimeOffset end)
    {
        var readings = new List<Reading>();
        var values = new List<double>();
        for (var t = start; t < end; t += spec.Interval)
        {
            var exact = ValueAt(spec.Points, t - start);
            values.Add(exact);
            var mgdl = (int)Math.Clamp(Math.Round(exact, MidpointRounding.AwayFromZero), Reading.MinReportable, Reading.MaxReportable);
            readings.Add(new Reading(patient, t, mgdl, TrendOf(values, spec.Interval)));
        }
        return readings;
    }

    public static double ValueAt(IReadOnlyList<Waypoint> points, TimeSpan offset)
    {
        if (offset <= points[0].Offset) return points[0].Mgdl;
        for (var i = 1; i < points.Count; i++)
        {
            var (a, b) = (points[i - 1], points[i]);
            if (offset > b.Offset) continue;
            var fraction = (offset - a.Offset) / (b.Offset - a.Offset);
            return a.Mgdl + (b.Mgdl - a.Mgdl) * fraction;
        }
        return points[^1].Mgdl;
    }

    private static Trend TrendOf(List<double> values, TimeSpan interval)
    {
        const int Lookback = 2;
        if (values.Count <= Lookback) return Trend.NotComputable;
        var rate = (values[^1] - values[^(Lookback + 1)]) / (interval.TotalMinutes * Lookback);
        return TrendArrows.FromRate(rate);
    }
}
