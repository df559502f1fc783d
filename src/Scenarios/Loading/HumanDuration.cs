using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Scenarios.Loading;

/// <summary>
/// Durations as scenario files write them: whole numbers with units <c>d</c>, <c>h</c>, <c>m</c>, <c>s</c>, largest
/// first, each at most once: <c>90s</c>, <c>20m</c>, <c>3h</c>, <c>4d</c>, <c>1h30m</c>, <c>1d12h</c>. A bare <c>0</c> is zero.
/// </summary>
public static partial class HumanDuration
{
    // [0-9], not \d: \d also matches other scripts' digits (e.g. '၆'), which long.Parse rejects.
    [GeneratedRegex(@"^(?:(?<d>[0-9]{1,6})d)?(?:(?<h>[0-9]{1,8})h)?(?:(?<m>[0-9]{1,9})m)?(?:(?<s>[0-9]{1,10})s)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex BareNumber();

    public static bool TryParse(string? text, out TimeSpan value) => TryParse(text, out value, out _);

    /// <param name="error">When parsing fails: what is wrong and how to write it instead.</param>
    public static bool TryParse(string? text, out TimeSpan value, out string error)
    {
        value = TimeSpan.Zero;
        error = "";
        var s = (text ?? "").Trim();
        if (s == "0")
            return true;
        var match = Pattern().Match(s);
        if (s.Length > 0 && match.Success)
        {
            long seconds = 0;
            seconds += Part(match, "d") * 86_400;
            seconds += Part(match, "h") * 3_600;
            seconds += Part(match, "m") * 60;
            seconds += Part(match, "s");
            value = TimeSpan.FromSeconds(seconds);
            return true;
        }

        error = s switch
        {
            "" => "no duration given; write e.g. 90s, 20m, 3h or 1h30m",
            _ when s.StartsWith('-') => $"'{Yaml.Show(s)}' is negative; durations count forward, e.g. 3h",
            _ when BareNumber().IsMatch(s) => $"'{Yaml.Show(s)}' has no unit; write e.g. {s}s, {s}m or {s}h",
            _ when s.Contains('.', StringComparison.Ordinal) || s.Contains(',', StringComparison.Ordinal) =>
                $"'{Yaml.Show(s)}' has a fraction; use whole numbers with units instead, e.g. 1h30m rather than 1.5h",
            _ => $"'{Yaml.Show(s)}' is not a duration; write whole numbers with units d, h, m, s (largest first), e.g. 90s, 20m, 1h30m, 1d12h",
        };
        return false;
    }

    /// <summary>The shortest text <see cref="TryParse(string?, out TimeSpan)"/> reads back: <c>1d12h</c>, <c>1h30m</c>, <c>45s</c>, <c>0s</c>.</summary>
    public static string Format(TimeSpan value)
    {
        var total = (long)Math.Round(value.TotalSeconds);
        if (total == 0)
            return "0s";
        var sb = new StringBuilder();
        if (total < 0)
        {
            sb.Append('-');
            total = -total;
        }
        Append(sb, total / 86_400, 'd');
        Append(sb, total % 86_400 / 3_600, 'h');
        Append(sb, total % 3_600 / 60, 'm');
        Append(sb, total % 60, 's');
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, long amount, char unit)
    {
        if (amount > 0)
            sb.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
    }

    private static long Part(Match match, string unit) =>
        match.Groups[unit].Success ? long.Parse(match.Groups[unit].Value, CultureInfo.InvariantCulture) : 0;
}
