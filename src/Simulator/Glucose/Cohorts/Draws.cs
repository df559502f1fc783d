using Bogus;

namespace Simulator.Glucose.Cohorts;

/// <summary>The few distributions the generator needs, on top of a seeded Bogus <see cref="Randomizer"/>.</summary>
internal static class Draws
{
    /// <summary>Standard normal by Box–Muller (one of the pair; simple and exact, speed is not an issue here).</summary>
    public static double Normal(this Randomizer random, double mean, double sd)
    {
        var u1 = 1.0 - random.Double();
        var u2 = random.Double();
        return mean + sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Normal truncated to [lower, upper] by rejection, as scipy's truncnorm draws from the same law.</summary>
    public static double TruncatedNormal(this Randomizer random, double mean, double sd, double lower, double upper)
    {
        while (true)
        {
            var x = random.Normal(mean, sd);
            if (x >= lower && x <= upper)
                return x;
        }
    }

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public static bool Chance(this Randomizer random, double p) => random.Double() < p;

    /// <summary>A whole number of <paramref name="step"/>-sized steps from <paramref name="min"/> to <paramref name="max"/> inclusive.</summary>
    public static int Stepped(this Randomizer random, int min, int max, int step) => min + step * random.Number(0, (max - min) / step);
}
