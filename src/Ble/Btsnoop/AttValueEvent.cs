namespace Simulator.Ble.Btsnoop;

/// <summary>
/// A characteristic value carried by an ATT notification (0x1B), indication (0x1D), write request (0x12)
/// or write command (0x52) on a handle the <see cref="AttHandleMap"/> knows (spec §5.3).
/// </summary>
/// <param name="RecordIndex">Index of the btsnoop record that completed the PDU.</param>
/// <param name="Timestamp">Record timestamp, µs since 0 AD.</param>
/// <param name="AttOpcode">The ATT opcode.</param>
/// <param name="Handle">The ATT attribute handle.</param>
/// <param name="Characteristic">The characteristic UUID the handle maps to.</param>
/// <param name="Value">The characteristic value bytes (e.g. a 16-byte GlucoseRx).</param>
/// <param name="IsReceived">True for controller→host (peripheral→phone).</param>
/// <param name="ConnectionHandle">The ACL connection handle.</param>
public sealed record AttValueEvent(int RecordIndex, long Timestamp, byte AttOpcode, ushort Handle, Guid Characteristic, byte[] Value, bool IsReceived, ushort ConnectionHandle);
