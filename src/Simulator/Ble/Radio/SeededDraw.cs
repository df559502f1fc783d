namespace Simulator.Ble.Radio;

/// <summary>
/// Stateless seeded draws: the same (seed, stream, a, b) always gives the same number in [0, 1), whatever order
/// the questions are asked in. A stateful <see cref="Random"/> would make "is window 40 missed?" depend on how
/// many windows and frames came before, so a receiver that retries more would change the radio.
/// </summary>
internal static class SeededDraw
{
    public static double Unit(int seed, ulong stream, long a, long b = 0)
    {
        var x = Mix(unchecked((ulong)seed) ^ Mix(stream));
        x = Mix(x ^ unchecked((ulong)a));
        x = Mix(x ^ Mix(unchecked((ulong)b) + 0x5851F42D4C957F2DUL));
        // 53 random bits → a double in [0, 1).
        return (x >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>SplitMix64's finaliser: a bijective, well-distributed 64-bit mix.</summary>
    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
