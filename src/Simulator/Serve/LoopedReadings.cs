using Simulator.Glucose;

namespace Simulator.Serve;

/// <summary>
/// A scenario's readings played on a loop, for fakes that keep serving after the scenario's end and must show a
/// full day before its start: cycle k is the trace shifted by k × its duration. Cycle 0 is the scenario itself, so
/// its faults meet the readings they were written for; the cycles before it are the history a client sees at once.
/// </summary>
public sealed class LoopedReadings
{
    private readonly IReadOnlyList<Reading> _cycle;
    private readonly DateTimeOffset _start;

    /// <param name="readings">The scenario's readings, all within [start, start + period).</param>
    public LoopedReadings(IReadOnlyList<Reading> readings, DateTimeOffset start, TimeSpan period)
    {
        if (period <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(period), period, "The loop needs a positive period (the scenario's duration).");
        _cycle = [.. readings.Where(r => r.SensorTime >= start && r.SensorTime < start + period).OrderBy(r => r.SensorTime).ThenBy(r => r.Patient, StringComparer.Ordinal)];
        _start = start;
        Period = period;
    }

    public TimeSpan Period { get; }

    /// <summary>Readings taken in [from, until), in time order, from whichever cycles cover that span.</summary>
    public IEnumerable<Reading> Between(DateTimeOffset from, DateTimeOffset until)
    {
        if (_cycle.Count == 0 || until <= from) yield break;
        var firstCycle = (long)Math.Floor((from - _start).Ticks / (double)Period.Ticks);
        for (var k = firstCycle; _start + Period * k < until; k++)
        {
            var shift = Period * k;
            foreach (var r in _cycle)
            {
                var at = r.SensorTime + shift;
                if (at < from) continue;
                if (at >= until) break;
                yield return k == 0 ? r : r with { SensorTime = at };
            }
        }
    }
}
