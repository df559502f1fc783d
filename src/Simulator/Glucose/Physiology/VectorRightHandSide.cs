using System.Runtime.CompilerServices;

namespace Simulator.Glucose.Physiology;

/// <summary>
/// <see cref="UvaPadovaModel.Derivatives"/> for one <see cref="Pack"/> of patients, term for term in the same
/// order, so the two agree to rounding. Differences in rounding only: the gastric shape constants α, β, b·D̄,
/// d·D̄ are formed once per minute (<see cref="GastricVectors"/>, D̄ is constant within a minute), plasma insulin
/// is Ip × (1/Vi), and the tanh pair is one expression (<see cref="TanhDifference"/>).
/// </summary>
internal static class VectorRightHandSide
{
    // Not inlined: four calls per minute would exceed the JIT's inlining budget for the caller and leave the Pack
    // operators as calls; as its own method every operator inlines. Fully optimised from the first call, as the
    // kernel loop that calls it (a one-shot run would otherwise spend its first part in unoptimised code).
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static StateVectors Derivatives(in ParameterVectors p, in StateVectors at, in StateVectors k, Pack h, in InputVectors u)
    {
        // The RK4 stage point at + h·k is formed here rather than stored as its own state (h = 0 for the first
        // stage, where at + 0·at = at exactly): that saves a store and reload of 13 packs per stage.
        var x = StateVectors.Stage(at, k, h);
        var zero = Pack.Zero;

        // Gastric emptying (spec 1.3). The tanh pair is only evaluated when some lane both has an anchor D̄ and
        // liquid stomach content: with Qsto2 = 0 the emptying rate multiplies zero and the derivatives are the
        // same whatever it is (kmax is used), so skipping is exact.
        var kempt = p.Kmax;
        var g = u.Gastric;
        if (Pack.Any(Pack.And(g.HasDbar, Pack.NotEqual(x.Qsto2, zero))))
        {
            var qsto = x.Qsto1 + x.Qsto2;
            var shaped = p.Kmin + p.HalfEmptyingRange * (TanhDifference(g.Alpha * (qsto - g.BDbar), g.Beta * (qsto - g.DDbar)) + Pack.Create(2.0));
            kempt = Pack.Select(g.HasDbar, shaped, p.Kmax);
        }

        var ra = p.AppearanceGain * x.Qgut;
        var egp = p.Kp1 - p.Kp2 * x.Gp - p.Kp3 * x.Id;
        var uii = p.Fsnc * u.FsncScale;
        var renal = Pack.Select(Pack.GreaterThan(x.Gp, p.Ke2), p.Ke1 * (x.Gp - p.Ke2), zero);
        var uid = (p.Vm0 + p.Vmx * x.X) * u.UptakeScale * x.Gt / (p.Km0 + x.Gt);
        var plasmaInsulin = x.Ip * p.InverseVi;

        return new StateVectors
        {
            Qsto1 = -p.Kmax * x.Qsto1 + u.MealMgPerMinute,
            Qsto2 = p.Kmax * x.Qsto1 - kempt * x.Qsto2,
            Qgut = kempt * x.Qsto2 - p.Kabs * x.Qgut,
            Gp = NonNegative(x.Gp, Pack.Max(egp, zero) + ra - uii - renal - p.K1 * x.Gp + p.K2 * x.Gt),
            Gt = NonNegative(x.Gt, -uid + p.K1 * x.Gp - p.K2 * x.Gt),
            Ip = NonNegative(x.Ip, -p.M2PlusM4 * x.Ip + p.M1 * x.Il + p.Ka1 * x.Isc1 + p.Ka2 * x.Isc2),
            X = -p.P2u * x.X + p.P2u * (plasmaInsulin - p.Ib),
            I1 = -p.Ki * (x.I1 - plasmaInsulin),
            Id = -p.Ki * (x.Id - x.I1),
            Il = NonNegative(x.Il, -p.M1PlusM30 * x.Il + p.M2 * x.Ip),
            Isc1 = NonNegative(x.Isc1, u.InsulinPmolPerKgPerMinute - p.Ka1PlusKd * x.Isc1),
            Isc2 = NonNegative(x.Isc2, p.Kd * x.Isc1 - p.Ka2 * x.Isc2),
            Gs = NonNegative(x.Gs, -p.Ksc * x.Gs + p.Ksc * x.Gp),
        };
    }

    /// <summary>
    /// tanh(a) − tanh(b) = 2/(e^{2b}+1) − 2/(e^{2a}+1) = 2(e^{2a} − e^{2b}) / ((e^{2a}+1)(e^{2b}+1)): two
    /// exponentials and one division. Arguments are clamped to ±20, where tanh is ±1 to double precision.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pack TanhDifference(Pack a, Pack b)
    {
        var limit = Pack.Create(20.0);
        var two = Pack.Create(2.0);
        var ea = Pack.ExpBounded(two * Pack.Clamp(a, -limit, limit));
        var eb = Pack.ExpBounded(two * Pack.Clamp(b, -limit, limit));
        var one = Pack.One;
        return two * (ea - eb) / ((ea + one) * (eb + one));
    }

    /// <summary>simglucose's (state ≥ 0) × derivative (spec 1.3).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Pack NonNegative(Pack state, Pack derivative) =>
        Pack.Select(Pack.GreaterThanOrEqual(state, Pack.Zero), derivative, Pack.Zero);
}
