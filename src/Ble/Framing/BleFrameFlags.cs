namespace Simulator.Ble.Framing;

/// <summary>Frame flags (spec §5.2, byte 7); other bits are preserved as-is.</summary>
[Flags]
public enum BleFrameFlags : byte
{
    None = 0,

    /// <summary>bit0: synthetic / fault-injected.</summary>
    Synthetic = 1,

    /// <summary>bit1: payload truncated.</summary>
    Truncated = 2,
}
