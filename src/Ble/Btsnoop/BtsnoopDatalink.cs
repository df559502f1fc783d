namespace Simulator.Ble.Btsnoop;

/// <summary>btsnoop datalink types (spec §5.3, file header bytes 12-15).</summary>
public enum BtsnoopDatalink : uint
{
    HciUnencapsulated = 1001,

    /// <summary>HCI UART (H4): each record starts with the HCI packet type byte. Used by Android and by our writer.</summary>
    HciUart = 1002,
    HciBcsp = 1003,
    HciSerial = 1004,
    LinuxMonitor = 2001,
    BlueZSimulator = 2002,
}
