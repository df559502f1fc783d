namespace Simulator.Ble.Radio;

/// <summary>
/// Transmitter ("dex") time: whole seconds since the transmitter was activated (G6) or the sensor started (G7),
/// spec conventions. Receivers recover wall time as activation = frame time − currentTime (docs/ble-link.md).
/// </summary>
public static class DexTime
{
    /// <summary>Whole seconds from <paramref name="activatedAt"/> to <paramref name="at"/>, rounded down; 0 before activation.</summary>
    public static uint At(DateTimeOffset activatedAt, DateTimeOffset at)
    {
        var ticks = (at - activatedAt).Ticks;
        if (ticks <= 0)
            return 0;
        var seconds = ticks / TimeSpan.TicksPerSecond;
        return seconds >= uint.MaxValue ? uint.MaxValue - 1 : (uint)seconds;
    }

    /// <summary>The instant of dex time <paramref name="seconds"/>.</summary>
    public static DateTimeOffset ToInstant(DateTimeOffset activatedAt, uint seconds) => activatedAt.AddSeconds(seconds);
}
