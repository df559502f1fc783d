using Scenarios.Model;

namespace Simulator.Faults.Flapping;

/// <summary>
/// The down phases of a flapping fault: from the window's start, alternately down and up (or up first), each phase its
/// nominal length plus a seeded draw in [-jitter, +jitter), cut at the window's end. Phases are drawn lazily, as
/// virtual time reaches them, so a long window of short cycles costs nothing up front; the draws are in phase order,
/// so the schedule is the same whenever it is asked.
/// </summary>
public sealed class FlappingSchedule(DateTimeOffset from, DateTimeOffset until, FlappingFaultOptions options, FaultDraws draws)
{
    private readonly List<(DateTimeOffset From, DateTimeOffset Until)> _down = [];
    private readonly Lock _gate = new();
    private DateTimeOffset _drawnUntil = from;
    private bool _nextIsDown = options.StartWith == FlappingStart.Down;

    public bool IsDownAt(DateTimeOffset instant)
    {
        lock (_gate)
        {
            DrawThrough(instant);
            // Phases are in time order: the only candidate is the last one starting at or before the instant.
            int lo = 0, hi = _down.Count - 1, found = -1;
            while (lo <= hi)
            {
                var mid = (lo + hi) / 2;
                if (_down[mid].From <= instant) { found = mid; lo = mid + 1; }
                else hi = mid - 1;
            }
            return found >= 0 && instant < _down[found].Until;
        }
    }

    /// <summary>The down phases that start before <paramref name="instant"/> (drawing them if needed).</summary>
    public IReadOnlyList<(DateTimeOffset From, DateTimeOffset Until)> DownPhasesBefore(DateTimeOffset instant)
    {
        lock (_gate)
        {
            DrawThrough(instant);
            return [.. _down.Where(p => p.From < instant)];
        }
    }

    private void DrawThrough(DateTimeOffset instant)
    {
        while (_drawnUntil <= instant && _drawnUntil < until)
        {
            var nominal = _nextIsDown ? options.Down : options.Up;
            var length = nominal + options.Jitter * (2 * draws.NextDouble() - 1);
            var end = _drawnUntil + length < until ? _drawnUntil + length : until;
            if (_nextIsDown) _down.Add((_drawnUntil, end));
            _drawnUntil = end;
            _nextIsDown = !_nextIsDown;
        }
    }
}
