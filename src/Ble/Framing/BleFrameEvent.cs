namespace Simulator.Ble.Framing;

/// <summary>Frame event codes (spec §5.2, byte 5). JSON names are in <see cref="BleFrameJson"/>.</summary>
public enum BleFrameEvent : byte
{
    Notify = 1,
    Indicate = 2,
    WriteRequest = 3,
    WriteCommand = 4,
    ReadRequest = 5,
    ReadResponse = 6,
    CccdChange = 7,
    Connect = 16,
    Disconnect = 17,
    Advertisement = 18,
    FaultMarker = 32,
}
