using Simulator.Ble.Framing;

namespace Simulator.Ble.Radio;

/// <summary>
/// What a <see cref="VirtualTransmitter"/> does with one c2p frame: the p2c frames it sends, in order, and a note
/// for the journal when it ignored or could not deliver something (null when everything went as asked).
/// </summary>
public sealed record TransmitterReply(IReadOnlyList<BleFrame> Frames, string? Note = null)
{
    public static TransmitterReply Nothing(string? note = null) => new([], note);

    /// <summary>True when the reply takes the link down (a p2c disconnect is among the frames).</summary>
    public bool EndsConnection => Frames.Any(f => f.Event == BleFrameEvent.Disconnect);
}
