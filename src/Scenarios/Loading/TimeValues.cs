using System.Globalization;
using System.Text.RegularExpressions;

namespace Scenarios.Loading;

/// <summary>
/// A time as a scenario writes it: an absolute ISO-8601 instant with an offset, or an offset from the scenario start.
/// </summary>
internal readonly record struct TimeRef(TimeSpan? Offset, DateTimeOffset? Absolute)
{
    public DateTimeOffset Resolve(DateTimeOffset start) => Absolute ?? start + Offset.GetValueOrDefault();
}

internal static partial class TimeValues
{
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,7})?)?(?<offset>[Zz]|[+-][0-9]{2}:[0-9]{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex InstantPattern();

    [GeneratedRegex(@"^[0-9]{4}-", RegexOptions.CultureInvariant)]
    private static partial Regex LooksLikeDate();

    public const string InstantExample = "2019-11-29T22:00:00-05:00";

    public static bool TryParseInstant(string text, out DateTimeOffset value, out string error)
    {
        value = default;
        error = "";
        var s = text.Trim();
        var match = InstantPattern().Match(s);
        if (!match.Success)
        {
            error = $"'{Yaml.Show(s)}' is not an ISO-8601 instant; write e.g. {InstantExample}";
            return false;
        }
        if (!match.Groups["offset"].Success)
        {
            error = $"'{Yaml.Show(s)}' has no UTC offset, so the instant is ambiguous; add one, e.g. {s}-05:00 or {s}Z";
            return false;
        }
        if (!DateTimeOffset.TryParse(s.Replace(' ', 'T'), CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            error = $"'{Yaml.Show(s)}' is not a real date and time; check the month, day and hour";
            return false;
        }
        return true;
    }

    /// <summary>An absolute instant (anything starting <c>YYYY-</c>) or a duration offset from the start.</summary>
    public static bool TryParseTimeRef(string text, out TimeRef value, out string error)
    {
        value = default;
        var s = text.Trim();
        if (LooksLikeDate().IsMatch(s))
        {
            var ok = TryParseInstant(s, out var instant, out error);
            value = new TimeRef(null, instant);
            return ok;
        }
        if (HumanDuration.TryParse(s, out var offset, out _))
        {
            value = new TimeRef(offset, null);
            error = "";
            return true;
        }
        error = $"'{Yaml.Show(s)}' is neither an ISO-8601 instant with offset (e.g. {InstantExample}) nor an offset from start (e.g. 3h or 1d2h30m)";
        return false;
    }

    /// <summary>
    /// <paramref name="instant"/> + <paramref name="span"/>, or null when that falls past the last instant .NET can hold
    /// (9999-12-31): durations may be written up to hundreds of thousands of days, so a sum can be out of range.
    /// </summary>
    public static DateTimeOffset? Add(DateTimeOffset instant, TimeSpan span) =>
        span <= DateTimeOffset.MaxValue.UtcDateTime - instant.UtcDateTime && span >= DateTimeOffset.MinValue.UtcDateTime - instant.UtcDateTime
            ? instant + span
            : null;

    /// <summary><c>2019-11-30T01:00:00-05:00</c>: the offset the file used is kept.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.ToString(instant.Offset == TimeSpan.Zero ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
