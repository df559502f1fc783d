namespace Simulator.Ble.Radio;

/// <summary>A span of virtual time, [<see cref="From"/>, <see cref="Until"/>), when the phone is out of the transmitter's range.</summary>
public sealed record RadioSpan(DateTimeOffset From, DateTimeOffset Until)
{
    public bool Contains(DateTimeOffset at) => at >= From && at < Until;
}
