using System.Globalization;

namespace Simulator.Ble.Messages;

/// <summary>
/// The u16 glucose word shared by GlucoseRx, EGV and backfill records: value = low 12 bits,
/// top 4 bits = flags (G6: any set means display-only, spec §1.4). G7 writes 0xFFFF for "no value" (§2.4).
/// Keeping the flags as their own field makes decode → encode lossless.
/// </summary>
public static class BleGlucoseWord
{
    public const ushort None = 0xFFFF;

    public static (ushort Glucose, byte Flags) Split(ushort word) => ((ushort)(word & 0x0FFF), (byte)(word >> 12));

    public static (ushort? Glucose, byte Flags) SplitOptional(ushort word) =>
        word == None ? (null, (byte)0) : ((ushort)(word & 0x0FFF), (byte)(word >> 12));

    public static ushort Join(string messageName, ushort glucose, byte flags)
    {
        if (glucose > 0x0FFF)
        {
            throw new ArgumentOutOfRangeException(nameof(glucose), glucose, string.Create(CultureInfo.InvariantCulture, $"{messageName}.glucose must fit in 12 bits (0-4095)."));
        }

        if (flags > 0x0F)
        {
            throw new ArgumentOutOfRangeException(nameof(flags), flags, string.Create(CultureInfo.InvariantCulture, $"{messageName}.glucoseFlags must fit in 4 bits (0-15)."));
        }

        return (ushort)((flags << 12) | glucose);
    }

    public static ushort JoinOptional(string messageName, ushort? glucose, byte flags)
    {
        if (glucose is null)
        {
            if (flags != 0)
            {
                throw new ArgumentOutOfRangeException(nameof(flags), flags, string.Create(CultureInfo.InvariantCulture, $"{messageName}.glucoseFlags must be 0 when glucose is none."));
            }

            return None;
        }

        var word = Join(messageName, glucose.Value, flags);
        if (word == None)
        {
            throw new ArgumentOutOfRangeException(nameof(glucose), glucose, $"{messageName}: glucose 4095 with flags 15 would encode as 0xFFFF, which means none.");
        }

        return word;
    }
}
