namespace Simulator.Ble;

/// <summary>The GATT characteristic a Dexcom message travels on (spec §1.1, §2.1).</summary>
public enum BleChannel
{
    /// <summary>Authentication characteristic <c>F8083535-…</c>: auth, keep-alive, bond (spec §1.3).</summary>
    Authentication,

    /// <summary>Control characteristic <c>F8083534-…</c>: every data command and response (spec §1.4).</summary>
    Control,

    /// <summary>Backfill characteristic <c>F8083536-…</c>: G6 frames (§1.5) or G7 9-byte records (§2.5); no opcode byte.</summary>
    Backfill,
}
