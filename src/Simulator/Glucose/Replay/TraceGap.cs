namespace Simulator.Glucose.Replay;

/// <summary>A stretch with no readings: <see cref="After"/> is the last reading before it, <see cref="Before"/> the first after.</summary>
public sealed record TraceGap(DateTimeOffset After, DateTimeOffset Before)
{
    public TimeSpan Length => Before - After;
}
