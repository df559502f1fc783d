using Simulator.Ble.Dexcom;

namespace Simulator.Ble.Btsnoop;

/// <summary>
/// ATT handle ↔ characteristic UUID map. Real handles come from GATT discovery, which our captures do not
/// contain, so <see cref="Dexcom"/> fixes one (spec §5.3 asks importers to accept a tester-supplied map):
/// <code>
/// 0x0010 CGM service declaration F8083532
/// 0x0012 Communication value F8083533 (0x0011 declaration, 0x0013 CCCD)
/// 0x0015 Control value       F8083534 (0x0014 declaration, 0x0016 CCCD)
/// 0x0018 Authentication value F8083535 (0x0017 declaration, 0x0019 CCCD)
/// 0x001B Backfill value      F8083536 (0x001A declaration, 0x001C CCCD)
/// 0x001E ExtraData value     F8083538 (0x001D declaration, 0x001F CCCD)
/// </code>
/// i.e. declaration, value (declaration + 1), CCCD (value + 1) per characteristic.
/// </summary>
public sealed class AttHandleMap
{
    private readonly Dictionary<ushort, Guid> byHandle;
    private readonly Dictionary<Guid, ushort> byCharacteristic;

    public AttHandleMap(IReadOnlyDictionary<ushort, Guid> handles)
    {
        ArgumentNullException.ThrowIfNull(handles);
        byHandle = handles.ToDictionary(kv => kv.Key, kv => kv.Value);
        byCharacteristic = new Dictionary<Guid, ushort>();
        foreach (var (handle, uuid) in handles)
        {
            if (!byCharacteristic.TryAdd(uuid, handle))
            {
                throw new ArgumentException($"Characteristic {uuid} is mapped to two handles.", nameof(handles));
            }
        }
    }

    /// <summary>The fixed Dexcom map documented on this class.</summary>
    public static AttHandleMap Dexcom { get; } = new(new Dictionary<ushort, Guid>
    {
        [0x0012] = DexcomUuids.Communication,
        [0x0015] = DexcomUuids.Control,
        [0x0018] = DexcomUuids.Authentication,
        [0x001B] = DexcomUuids.Backfill,
        [0x001E] = DexcomUuids.ExtraData,
    });

    public IReadOnlyDictionary<ushort, Guid> Handles => byHandle;

    public bool TryGetCharacteristic(ushort handle, out Guid characteristic) => byHandle.TryGetValue(handle, out characteristic);

    public ushort HandleFor(Guid characteristic) =>
        byCharacteristic.TryGetValue(characteristic, out var handle)
            ? handle
            : throw new ArgumentException($"Characteristic {characteristic} has no ATT handle in this map.", nameof(characteristic));
}
