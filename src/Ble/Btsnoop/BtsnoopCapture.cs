namespace Simulator.Ble.Btsnoop;

/// <summary>A read btsnoop file: its datalink, every record, and the ATT values found on known handles.</summary>
public sealed record BtsnoopCapture(BtsnoopDatalink Datalink, IReadOnlyList<BtsnoopRecord> Records, IReadOnlyList<AttValueEvent> AttValues);
