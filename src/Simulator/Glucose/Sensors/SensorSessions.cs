namespace Simulator.Glucose.Sensors;

/// <summary>
/// Which sensor session a reading instant falls in (spec §11.4). Before the first listed start the sensor is an
/// earlier, already warm one. After a start: WarmUp while at &lt; start + warm-up (so the first reading is exactly at
/// start + warm-up, or the first instant after it), then readings until start + session + grace, then Expired.
/// Instants must not go backwards (the model is streaming).
/// </summary>
internal sealed class SensorSessions
{
    private readonly DateTimeOffset[] starts;
    private readonly TimeSpan warmUp;
    private readonly TimeSpan? lifetime;
    private int current = -1;

    public SensorSessions(WarmUpOptions options, SensorProfile profile)
    {
        starts = options.Enabled ? [.. options.SensorStarts.Order()] : [];
        warmUp = profile.WarmUp;
        lifetime = options.EnforceSessionLength ? profile.SessionWithGrace : null;
    }

    /// <summary>True exactly when a new session began since the previous call (callers reset per-sensor state).</summary>
    public bool Started { get; private set; }

    public SensorState? StateAt(DateTimeOffset at)
    {
        Started = false;
        while (current + 1 < starts.Length && starts[current + 1] <= at)
        {
            current++;
            Started = true;
        }
        if (current < 0) return null;
        var since = at - starts[current];
        if (since < warmUp) return SensorState.WarmUp;
        if (since >= lifetime) return SensorState.Expired;
        return null;
    }
}
