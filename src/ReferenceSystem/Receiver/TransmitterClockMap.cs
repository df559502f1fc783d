namespace ReferenceSystem.Receiver;

/// <summary>
/// Transmitter time (whole seconds since activation) ↔ wall time, from one TransmitterTimeRx: activation =
/// frame time − currentTime (docs/ble-link.md: a reading's wall time = frame time − (currentTime − timestamp)).
/// The activation instant is floored to the whole second: currentTime has no fraction but the frame time does, and
/// without the floor every reading would carry that sub-second skew instead of its original timestamp.
/// </summary>
internal sealed record TransmitterClockMap(DateTimeOffset Activation)
{
    public static TransmitterClockMap From(DateTimeOffset frameTime, uint currentTime)
    {
        var activation = frameTime.ToUniversalTime() - TimeSpan.FromSeconds(currentTime);
        return new TransmitterClockMap(new DateTimeOffset(activation.UtcTicks - (activation.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero));
    }

    public DateTimeOffset ToWall(uint transmitterSeconds) => Activation + TimeSpan.FromSeconds(transmitterSeconds);

    public uint ToTransmitter(DateTimeOffset wall)
    {
        var seconds = Math.Floor((wall - Activation).TotalSeconds);
        return (uint)Math.Clamp(seconds, 0, uint.MaxValue);
    }
}
