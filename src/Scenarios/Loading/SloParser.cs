using System.Text.RegularExpressions;
using Scenarios.Model;

namespace Scenarios.Loading;

/// <summary><c>slo: [missed.urgent-low == 0, no-data-notice &lt;= 25m]</c>: one <c>&lt;metric&gt; &lt;op&gt; &lt;value&gt;</c> per item.</summary>
internal static partial class SloParser
{
    public static readonly IReadOnlyDictionary<string, SloOperator> Operators = new Dictionary<string, SloOperator>(StringComparer.Ordinal)
    {
        ["<="] = SloOperator.LessOrEqual,
        ["<"] = SloOperator.Less,
        ["=="] = SloOperator.Equal,
        [">="] = SloOperator.GreaterOrEqual,
        [">"] = SloOperator.Greater,
    };

    private static readonly Dictionary<string, string> LikelyMeant = new(StringComparer.Ordinal)
    {
        ["="] = "==", ["=<"] = "<=", ["=>"] = ">=", ["<<"] = "<", [">>"] = ">", ["==="] = "==",
    };

    private const string Families =
        "counts missed, missed|delivered|late|duplicate|false|too-late.<type>, alert-burst, readings-never-delivered; " +
        "durations latency.p50|p95|max, <type>.latency.p50|p95|max, no-data-notice, stale-exposure; " +
        "types urgent-low, low, high, no-data";

    [GeneratedRegex(@"^\s*(?<metric>[^\s<>=!]+)\s*(?<op>[<>=!]+)\s*(?<value>\S+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Expression();

    public static IReadOnlyList<SloSpec>? Parse(MapReader root, ParseContext ctx)
    {
        var d = ctx.Diagnostics;
        var node = root.Optional("slo");
        if (node is null)
            return [];
        var list = Yaml.List(node, "slo", d, "[missed.urgent-low == 0, no-data-notice <= 25m]");
        if (list is null)
            return null;
        var before = d.Count;
        var slos = new List<SloSpec>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var item = list.Children[i];
            var field = $"slo[{i}]";
            var text = Yaml.Text(item, field, d, "an expression such as 'missed.urgent-low == 0'");
            if (text is null)
                continue;
            if (ParseExpression(text, out var error) is { } slo)
                slos.Add(slo);
            else
                d.Add(item, field, error);
        }
        return d.Count == before ? slos : null;
    }

    private static SloSpec? ParseExpression(string text, out string error)
    {
        error = "";
        var match = Expression().Match(text);
        if (!match.Success)
        {
            error = $"'{Yaml.Show(text)}' is not an SLO; write '<metric> <op> <value>' with op one of <=, <, ==, >=, >, e.g. 'missed.urgent-low == 0'";
            return null;
        }
        var metric = match.Groups["metric"].Value;
        var op = match.Groups["op"].Value;
        var value = match.Groups["value"].Value;

        var problems = new List<string>();
        if (!SloMetrics.IsKnown(metric))
        {
            var closest = Suggest.Closest(metric, SloMetrics.All);
            problems.Add(closest is not null
                ? $"unknown metric '{Yaml.Show(metric)}' (did you mean '{closest}'?)"
                : $"unknown metric '{Yaml.Show(metric)}'; known metrics: {Families}");
        }
        var shownOp = op;
        if (!Operators.TryGetValue(op, out var oper))
        {
            shownOp = LikelyMeant.GetValueOrDefault(op, "==");
            problems.Add(LikelyMeant.TryGetValue(op, out var meant)
                ? $"unknown operator '{op}' (did you mean '{meant}'?)"
                : $"unknown operator '{op}'; use one of <=, <, ==, >=, >");
        }

        double threshold = 0;
        var isDuration = SloMetrics.IsKnown(metric) && SloMetrics.IsDuration(metric);
        if (SloMetrics.IsKnown(metric))
        {
            if (isDuration)
            {
                if (HumanDuration.TryParse(value, out var duration, out var durationError))
                    threshold = duration.TotalSeconds;
                else if (TimeValues.TryParseNumber(value, out _))
                    problems.Add($"{metric} is a duration, so '{Yaml.Show(value)}' needs a unit, e.g. '{metric} {shownOp} 25m'");
                else
                    problems.Add(durationError);
            }
            else if (HumanDuration.TryParse(value, out _) && !TimeValues.TryParseNumber(value, out _))
                problems.Add($"{metric} is a count, so give a plain number instead of '{Yaml.Show(value)}', e.g. '{metric} {shownOp} 0'");
            else if (!TimeValues.TryParseNumber(value, out threshold))
                problems.Add($"'{Yaml.Show(value)}' is not a number");
            else if (threshold < 0)
                problems.Add($"{metric} counts things, so the threshold cannot be negative");
        }

        if (problems.Count > 0)
        {
            error = string.Join(", and ", problems);
            return null;
        }
        return new SloSpec { Metric = metric, Operator = oper, Threshold = threshold, IsDuration = isDuration, Text = text.Trim() };
    }
}
