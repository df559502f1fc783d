namespace Simulator.Glucose.Sensors;

/// <summary>
/// xoshiro256** (Blackman &amp; Vigna) seeded through SplitMix64: fast, allocation-free and fully determined by its
/// seed, so a sensor's output depends only on (seed, inputs) — never on wall-clock time or a shared generator.
/// </summary>
internal sealed class SeededRandom
{
    private ulong s0, s1, s2, s3;
    private double spareNormal;
    private bool hasSpare;

    public SeededRandom(ulong seed)
    {
        var x = seed;
        s0 = SplitMix(ref x);
        s1 = SplitMix(ref x);
        s2 = SplitMix(ref x);
        s3 = SplitMix(ref x);
    }

    /// <summary>Derives independent per-artifact seeds from (scenario salt, patient seed, stream number).</summary>
    public static ulong Derive(long salt, int seed, int stream)
    {
        var x = unchecked((ulong)salt * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)seed ^ ((ulong)(uint)stream << 32));
        return SplitMix(ref x) ^ SplitMix(ref x);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Standard normal by the Box–Muller transform, keeping the second value for the next call.</summary>
    public double NextNormal()
    {
        if (hasSpare)
        {
            hasSpare = false;
            return spareNormal;
        }
        var u1 = 1.0 - NextDouble(); // (0, 1]: log is finite
        var u2 = NextDouble();
        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        var (sin, cos) = Math.SinCos(2.0 * Math.PI * u2);
        spareNormal = radius * sin;
        hasSpare = true;
        return radius * cos;
    }

    /// <summary>exp(N(ln median, σ²)): a log-normal with the given median.</summary>
    public double NextLogNormal(double median, double logSigma) => median * Math.Exp(logSigma * NextNormal());

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
