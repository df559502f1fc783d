namespace Simulator.Faults;

/// <summary>
/// A fault's seeded random draws (from the run seed and the fault's position), safe to share between concurrent
/// requests: the order of draws follows request arrival, the values follow the seed.
/// </summary>
public sealed class FaultDraws(Random random)
{
    private readonly Lock _gate = new();

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble()
    {
        lock (_gate) return random.NextDouble();
    }

    /// <summary>Standard normal (Box-Muller), from two uniform draws.</summary>
    public double NextGaussian()
    {
        double u1, u2;
        lock (_gate)
        {
            u1 = 1 - random.NextDouble();
            u2 = random.NextDouble();
        }
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
