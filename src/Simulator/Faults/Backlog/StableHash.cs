namespace Simulator.Faults.Backlog;

/// <summary>
/// A seeded hash that is the same in every process (string.GetHashCode is randomised per process), for draws that
/// must depend on what is drawn for, not on the order things happen in: FNV-1a over the inputs, then SplitMix64's
/// finaliser to spread the bits.
/// </summary>
internal static class StableHash
{
    /// <summary>A number in [0, 1) from the seed, a name and a number.</summary>
    public static double Unit(int seed, string name, long value)
    {
        unchecked
        {
            const ulong Prime = 0x100000001B3UL;
            var h = 0xCBF29CE484222325UL ^ (ulong)(uint)seed;
            foreach (var c in name)
                h = (h ^ c) * Prime;
            for (var i = 0; i < 8; i++)
                h = (h ^ (byte)(value >> (8 * i))) * Prime;
            h += 0x9E3779B97F4A7C15UL;
            h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL;
            h = (h ^ (h >> 27)) * 0x94D049BB133111EBUL;
            h ^= h >> 31;
            // The top 53 bits make an exactly representable double below 1.
            return (h >> 11) * (1.0 / (1UL << 53));
        }
    }
}
