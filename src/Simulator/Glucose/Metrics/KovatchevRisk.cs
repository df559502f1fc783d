namespace Simulator.Glucose.Metrics;

/// <summary>
/// Kovatchev's symmetrised glucose scale (spec §6, Kovatchev1997): f(BG) = 1.509·((ln BG)^1.084 − 5.381), BG in
/// mg/dL; f = 0 at ≈ 112.5 mg/dL. Risk r = 10·f²; it counts as low risk when f &lt; 0 and high risk when f &gt; 0.
/// (Equivalent to 22.77·g² with g = (ln BG)^1.084 − 5.381; only one of the two factors is applied.)
/// </summary>
public static class KovatchevRisk
{
    public static double Symmetrised(double mgdl)
    {
        if (!(mgdl > 0)) throw new ArgumentOutOfRangeException(nameof(mgdl), mgdl, "Glucose must be a positive mg/dL value.");
        return 1.509 * (Math.Pow(Math.Log(mgdl), 1.084) - 5.381);
    }

    /// <summary>r(BG) = 10·f(BG)².</summary>
    public static double Risk(double mgdl)
    {
        var f = Symmetrised(mgdl);
        return 10 * f * f;
    }
}
