namespace Simulator.Ble.Radio;

/// <summary>
/// When a transmitter is awake: window k opens at <see cref="Origin"/> + <see cref="Phase"/> + k × 300 s and stays
/// connectable for <see cref="Window"/> (spec §4: a reading every 5 minutes; the window length is not published, so
/// it is a parameter, default 15 s).
/// </summary>
public sealed record WakeSchedule(DateTimeOffset Origin, TimeSpan Phase, TimeSpan Window)
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(300);

    public DateTimeOffset Opens(long window) => Origin + Phase + (Period * window);

    public DateTimeOffset Closes(long window) => Opens(window) + Window;

    /// <summary>The first window (k ≥ 0) that has not closed by <paramref name="now"/>.</summary>
    public long FirstWindowOpenAfter(DateTimeOffset now)
    {
        var sinceFirstClose = now - Closes(0);
        return sinceFirstClose < TimeSpan.Zero ? 0 : (sinceFirstClose.Ticks / Period.Ticks) + 1;
    }
}
