namespace Simulator.Glucose.Cohorts;

/// <summary>
/// Wall-clock times in a member's zone → instants. Plans are made in local time (breakfast at 07:10 local), so the
/// two DST edge cases need a rule: a repeated autumn time is the first occurrence; a skipped spring time is read
/// with the offset before the jump (02:30 becomes 03:30 summer time).
/// </summary>
internal static class LocalClock
{
    public static DateTimeOffset At(TimeZoneInfo zone, DateOnly day, int minutesAfterMidnight)
    {
        var local = DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue).AddMinutes(minutesAfterMidnight), DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(local))
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max());
        if (zone.IsInvalidTime(local))
            return new DateTimeOffset(local, zone.GetUtcOffset(local.AddHours(-3)));
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>Every local calendar day that overlaps [start, end).</summary>
    public static IEnumerable<DateOnly> Days(TimeZoneInfo zone, DateTimeOffset start, DateTimeOffset end)
    {
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(end.AddTicks(-1), zone).DateTime);
        for (var day = first; day <= last; day = day.AddDays(1))
            yield return day;
    }
}
