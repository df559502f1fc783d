namespace Simulator.Ble.Btsnoop;

/// <summary>ATT opcodes used for characteristic values (spec §5.3; bluez/bluez:src/shared/att-types.h).</summary>
public static class AttOpcodes
{
    public const byte WriteRequest = 0x12;
    public const byte HandleValueNotification = 0x1B;
    public const byte HandleValueIndication = 0x1D;
    public const byte WriteCommand = 0x52;

    /// <summary>Whether the PDU is opcode + u16 handle + value, i.e. carries a characteristic value we can map.</summary>
    public static bool CarriesValue(byte opcode) =>
        opcode is WriteRequest or HandleValueNotification or HandleValueIndication or WriteCommand;

    /// <summary>Values flowing peripheral→central arrive as notifications/indications (received, flags bit0 = 1).</summary>
    public static bool IsFromPeripheral(byte opcode) => opcode is HandleValueNotification or HandleValueIndication;
}
