namespace Simulator.Ble.Framing;

/// <summary>Frame direction (spec §5.2, byte 6).</summary>
public enum BleFrameDirection : byte
{
    /// <summary>Phone → CGM; JSON "c2p".</summary>
    CentralToPeripheral = 0,

    /// <summary>CGM → phone; JSON "p2c".</summary>
    PeripheralToCentral = 1,
}
