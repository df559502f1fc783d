using HdrHistogram;

namespace Simulator.Time;

/// <summary>
/// Records how late the run's scheduled work actually woke up (real time), so the report can state the
/// latency resolution the speed allows: real jitter × speed = uncertainty of every virtual latency.
/// Fidelity is measured, not assumed.
/// </summary>
public sealed class SchedulingJitter
{
    private readonly LongHistogram _microseconds = new(TimeStamp.Seconds(60), 3);
    private readonly Lock _gate = new();

    public void Record(TimeSpan realLateness)
    {
        var micros = Math.Clamp((long)realLateness.TotalMicroseconds, 0, 59_000_000);
        lock (_gate) _microseconds.RecordValue(micros);
    }

    public long Count { get { lock (_gate) return _microseconds.TotalCount; } }

    public TimeSpan RealPercentile(double percentile)
    {
        lock (_gate)
            return _microseconds.TotalCount == 0
                ? TimeSpan.Zero
                : TimeSpan.FromMicroseconds(_microseconds.GetValueAtPercentile(percentile));
    }
}
