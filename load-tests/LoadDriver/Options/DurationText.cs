using System.Globalization;
using System.Text.RegularExpressions;

namespace LoadDriver.Options;

/// <summary>
/// Durations as people type them on a command line: a number and a unit, or several largest first: <c>500ms</c>,
/// <c>10s</c>, <c>1.5s</c>, <c>2m</c>, <c>1m30s</c>, <c>1h</c>. Load runs and timeouts need milliseconds, which the
/// scenario files' whole-unit durations do not have.
/// </summary>
public static partial class DurationText
{
    [GeneratedRegex(@"^(?:(?<n>\d+(?:\.\d+)?)(?<unit>ms|h|m|s))+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^\d+(?:\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex BareNumber();

    /// <param name="option">The option being read, named in the error, e.g. <c>--duration</c>.</param>
    /// <param name="error">When parsing fails: what is wrong and what to write instead, one sentence.</param>
    public static bool TryParse(string? text, string option, out TimeSpan value, out string error)
    {
        value = TimeSpan.Zero;
        error = "";
        var s = (text ?? "").Trim();
        var match = Pattern().Match(s);
        if (match.Success)
        {
            var units = match.Groups["unit"].Captures.Select(c => c.Value).ToList();
            // Largest first and each unit once, so "1s1s" or "30s1m" are typos rather than silently summed.
            var ranks = units.Select(Rank).ToList();
            if (ranks.Zip(ranks.Skip(1)).All(p => p.First < p.Second))
            {
                var numbers = match.Groups["n"].Captures.Select(c => double.Parse(c.Value, CultureInfo.InvariantCulture));
                value = TimeSpan.FromMilliseconds(numbers.Zip(units, (n, u) => n * Milliseconds(u)).Sum());
                if (value > TimeSpan.Zero) return true;
                error = $"{option} '{s}' is zero; give a positive duration, e.g. {option} 10s.";
                return false;
            }
        }
        error = s switch
        {
            "" => $"{option} has no value; give a duration such as 10s, 500ms or 2m.",
            _ when s.StartsWith('-') => $"{option} '{s}' is negative; give a positive duration, e.g. {option} 10s.",
            _ when BareNumber().IsMatch(s) => $"{option} '{s}' has no unit; write e.g. {option} {s}s or {option} {s}ms.",
            _ => $"{option} '{s}' is not a duration; write a number and a unit (ms, s, m, h), largest first, e.g. 500ms, 10s, 1m30s.",
        };
        return false;
    }

    /// <summary>The shortest text that reads back the same, for reports: <c>500ms</c>, <c>10s</c>, <c>1m30s</c>.</summary>
    public static string Format(TimeSpan value)
    {
        if (value.TotalSeconds < 1 || value.Milliseconds != 0)
            return value.TotalSeconds < 60
                ? string.Create(CultureInfo.InvariantCulture, $"{value.TotalMilliseconds:0.###}ms")
                : string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds:0.###}s");
        var parts = new List<string>();
        if (value.Days * 24 + value.Hours > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalHours}h"));
        if (value.Minutes > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{value.Minutes}m"));
        if (value.Seconds > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{value.Seconds}s"));
        return string.Concat(parts);
    }

    private static int Rank(string unit) => unit switch { "h" => 0, "m" => 1, "s" => 2, _ => 3 };

    private static double Milliseconds(string unit) => unit switch { "h" => 3_600_000, "m" => 60_000, "s" => 1000, _ => 1 };
}
