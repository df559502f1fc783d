namespace Simulator.Ble.Dexcom;

/// <summary>Dexcom GATT UUIDs (spec §1.1, §2.1). Characteristic values carry the messages in this folder.</summary>
public static class DexcomUuids
{
    /// <summary>16-bit advertised service FEBC, as a full Bluetooth base UUID.</summary>
    public static readonly Guid AdvertisedService = new("0000FEBC-0000-1000-8000-00805F9B34FB");

    public static readonly Guid DeviceInformation = new("0000180A-0000-1000-8000-00805F9B34FB");

    public static readonly Guid CgmService = new("F8083532-849E-531C-C594-30F1F86A4EA5");

    /// <summary>Read/notify; content UNKNOWN (spec §1.1).</summary>
    public static readonly Guid Communication = new("F8083533-849E-531C-C594-30F1F86A4EA5");

    public static readonly Guid Control = new("F8083534-849E-531C-C594-30F1F86A4EA5");

    public static readonly Guid Authentication = new("F8083535-849E-531C-C594-30F1F86A4EA5");

    public static readonly Guid Backfill = new("F8083536-849E-531C-C594-30F1F86A4EA5");

    /// <summary>G7/ONE+ J-PAKE / extra data (spec §1.1, §2.2).</summary>
    public static readonly Guid ExtraData = new("F8083538-849E-531C-C594-30F1F86A4EA5");

    /// <summary>Client Characteristic Configuration Descriptor 2902.</summary>
    public static readonly Guid Cccd = new("00002902-0000-1000-8000-00805F9B34FB");

    /// <summary>The characteristic a channel's messages travel on.</summary>
    public static Guid For(BleChannel channel) => channel switch
    {
        BleChannel.Authentication => Authentication,
        BleChannel.Control => Control,
        BleChannel.Backfill => Backfill,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown BLE channel."),
    };
}
