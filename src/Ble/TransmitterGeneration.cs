namespace Simulator.Ble;

/// <summary>
/// Which Dexcom message family a byte string belongs to. The G5/G6 and G7 control channels reuse
/// opcodes (0x4E, 0x52, …) with different layouts (spec §1.4 vs §2.3), so a decoder must be told.
/// </summary>
public enum TransmitterGeneration
{
    /// <summary>Dexcom G5 and G6 transmitters (spec §1); G5-only layouts are separate message types.</summary>
    G6 = 6,

    /// <summary>Dexcom G7, ONE+ and Stelo-class sensors (spec §2).</summary>
    G7 = 7,
}
