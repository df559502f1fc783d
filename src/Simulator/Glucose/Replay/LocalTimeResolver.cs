namespace Simulator.Glucose.Replay;

/// <summary>
/// Turns the wall-clock times of an export (no offset) into instants in one time zone, including the two hours a
/// year where that is not one-to-one:
/// <list type="bullet">
/// <item>Autumn repeats an hour. The first time a wall-clock time of that hour is seen it is taken as the earlier
/// instant (summer offset), a second sighting of the same wall-clock time as the later one (standard offset). That
/// matches a file in time order and one sorted by wall-clock text alike.</item>
/// <item>Spring skips an hour, so a time in it cannot come from a correct clock. It is read with the offset in force
/// just before the jump (02:30 EST becomes 03:30 EDT), which is what a device whose clock had not yet changed meant.</item>
/// </list>
/// </summary>
internal sealed class LocalTimeResolver(TimeZoneInfo zone)
{
    private readonly HashSet<DateTime> _seenAmbiguous = [];

    public DateTimeOffset Resolve(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            var summer = offsets.Max();
            var standard = offsets.Min();
            return new DateTimeOffset(local, _seenAmbiguous.Add(local) ? summer : standard);
        }
        if (zone.IsInvalidTime(local))
            return new DateTimeOffset(local, zone.GetUtcOffset(local.AddHours(-3)));
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
