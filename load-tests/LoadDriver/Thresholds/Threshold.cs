using System.Globalization;
using System.Text.RegularExpressions;
using LoadDriver.Histograms;
using LoadDriver.Running;

namespace LoadDriver.Thresholds;

/// <summary>
/// One pass/fail rule over a run, written the way people say it: "p99 &lt;= 50ms", "max &lt; 2s", "errors &lt; 1%".
/// Latency rules read the corrected histogram, because that is the latency a user of the target would have seen.
/// </summary>
public sealed partial record Threshold(string Expression, string Metric, string Operator, double Limit)
{
    public static Threshold Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var m = Grammar().Match(expression);
        if (!m.Success)
            throw new FormatException($"'{expression}' is not a threshold; write e.g. 'p99 <= 50ms' or 'errors < 1%'.");
        var metric = m.Groups["metric"].Value.ToLowerInvariant();
        var unit = m.Groups["unit"].Value.ToLowerInvariant();
        var value = double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
        var isErrors = metric == "errors";
        if (isErrors != (unit == "%"))
            throw new FormatException($"'{expression}': 'errors' takes a percentage and latencies take ms, us or s.");
        // Latency limits are kept in milliseconds, the unit of the report.
        var limit = unit switch { "s" => value * 1000, "us" => value / 1000, _ => value };
        return new Threshold(expression.Trim(), metric, m.Groups["op"].Value, limit);
    }

    /// <summary>The measured value this threshold compares: milliseconds for latencies, percent for errors.</summary>
    public double Measure(LoadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Metric switch
        {
            "errors" => result.ErrorPercent,
            "max" => LatencyHistograms.MaxMs(result.Corrected),
            "mean" => LatencyHistograms.MeanMs(result.Corrected),
            _ => LatencyHistograms.PercentileMs(result.Corrected, double.Parse(Metric[1..], CultureInfo.InvariantCulture)),
        };
    }

    public ThresholdResult Evaluate(LoadResult result)
    {
        var actual = Measure(result);
        var passed = Operator switch
        {
            "<" => actual < Limit,
            "<=" => actual <= Limit,
            ">" => actual > Limit,
            _ => actual >= Limit,
        };
        return new ThresholdResult(Expression, actual, passed);
    }

    [GeneratedRegex(@"^\s*(?<metric>p\d{1,2}(?:\.\d+)?|max|mean|errors)\s*(?<op><=|<|>=|>)\s*(?<value>\d+(?:\.\d+)?)\s*(?<unit>ms|us|s|%)\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Grammar();
}

/// <summary>How one threshold came out: <see cref="Actual"/> is in the threshold's report unit (ms or %).</summary>
public sealed record ThresholdResult(string Expression, double Actual, bool Passed);
