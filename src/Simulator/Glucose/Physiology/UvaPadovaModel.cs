namespace Simulator.Glucose.Physiology;

/// <summary>
/// Scalar reference of the UVA/Padova 2008 right-hand side as implemented by simglucose's
/// <c>T1DPatient.model</c> (post-2022 D̄ fix), spec glucose-model.md 1.3. Readable rather than fast: the
/// vectorised cohort kernel (<see cref="CohortSimulator"/>) implements the same equations and is tested
/// against this one. The only addition to the published model is the pair of exercise multipliers in
/// <see cref="ModelInputs"/> (spec 10, see <see cref="ExerciseEffect"/>); with both at 1 it is simglucose exactly.
/// </summary>
public static class UvaPadovaModel
{
    public const int StateCount = 13;

    /// <summary>pmol per unit of insulin, the conversion simglucose uses throughout (spec 1.2).</summary>
    public const double PmolPerUnit = 6000;

    /// <summary>Writes dx/dt at state <paramref name="x"/> into <paramref name="dxdt"/>.</summary>
    public static void Derivatives(PatientParameters p, ReadOnlySpan<double> x, in ModelInputs inputs, Span<double> dxdt)
    {
        if (x.Length != StateCount || dxdt.Length != StateCount)
            throw new ArgumentException($"State and derivative must both have {StateCount} values.", nameof(x));

        var qsto1 = x[UvaPadovaState.Qsto1];
        var qsto2 = x[UvaPadovaState.Qsto2];
        var qgut = x[UvaPadovaState.Qgut];
        var gp = x[UvaPadovaState.Gp];
        var gt = x[UvaPadovaState.Gt];
        var ip = x[UvaPadovaState.Ip];
        var xAction = x[UvaPadovaState.X];
        var i1 = x[UvaPadovaState.I1];
        var id = x[UvaPadovaState.Id];
        var il = x[UvaPadovaState.Il];
        var isc1 = x[UvaPadovaState.Isc1];
        var isc2 = x[UvaPadovaState.Isc2];
        var gs = x[UvaPadovaState.Gs];

        // Stomach and gut. Gastric emptying slows as the stomach content falls from b·D̄ to d·D̄, where D̄ is the
        // stomach content when the meal began plus everything eaten since (spec 1.3, 1.6).
        var dbar = inputs.DbarMg;
        var qsto = qsto1 + qsto2;
        var kempt = p.Kmax;
        if (dbar > 0)
        {
            var alpha = 5 / (2 * dbar * (1 - p.B));
            var beta = 5 / (2 * dbar * p.D);
            kempt = p.Kmin + (p.Kmax - p.Kmin) / 2
                * (Math.Tanh(alpha * (qsto - p.B * dbar)) - Math.Tanh(beta * (qsto - p.D * dbar)) + 2);
        }
        dxdt[UvaPadovaState.Qsto1] = -p.Kmax * qsto1 + inputs.MealMgPerMinute;
        dxdt[UvaPadovaState.Qsto2] = p.Kmax * qsto1 - kempt * qsto2;
        dxdt[UvaPadovaState.Qgut] = kempt * qsto2 - p.Kabs * qgut;

        // Glucose: rate of appearance, endogenous production (floored at 0), insulin-independent use (Fsnc,
        // raised during exercise), renal excretion above ke2, insulin-dependent use (scaled by exercise).
        var ra = p.F * p.Kabs * qgut / p.BW;
        var egp = p.Kp1 - p.Kp2 * gp - p.Kp3 * id;
        var uii = p.Fsnc * inputs.FsncScale;
        var renal = gp > p.Ke2 ? p.Ke1 * (gp - p.Ke2) : 0;
        var uid = (p.Vm0 + p.Vmx * xAction) * inputs.UptakeScale * gt / (p.Km0 + gt);
        dxdt[UvaPadovaState.Gp] = NonNegative(gp, Math.Max(egp, 0) + ra - uii - renal - p.K1 * gp + p.K2 * gt);
        dxdt[UvaPadovaState.Gt] = NonNegative(gt, -uid + p.K1 * gp - p.K2 * gt);

        // Insulin kinetics and action.
        var plasmaInsulin = ip / p.Vi;
        dxdt[UvaPadovaState.Ip] = NonNegative(ip, -(p.M2 + p.M4) * ip + p.M1 * il + p.Ka1 * isc1 + p.Ka2 * isc2);
        dxdt[UvaPadovaState.X] = -p.P2u * xAction + p.P2u * (plasmaInsulin - p.Ib);
        dxdt[UvaPadovaState.I1] = -p.Ki * (i1 - plasmaInsulin);
        dxdt[UvaPadovaState.Id] = -p.Ki * (id - i1);
        dxdt[UvaPadovaState.Il] = NonNegative(il, -(p.M1 + p.M30) * il + p.M2 * ip);
        dxdt[UvaPadovaState.Isc1] = NonNegative(isc1, inputs.InsulinPmolPerKgPerMinute - (p.Ka1 + p.Kd) * isc1);
        dxdt[UvaPadovaState.Isc2] = NonNegative(isc2, p.Kd * isc1 - p.Ka2 * isc2);

        // Interstitial glucose follows plasma with rate ksc (kept as a mass, spec 1.3).
        dxdt[UvaPadovaState.Gs] = NonNegative(gs, -p.Ksc * gs + p.Ksc * gp);
    }

    /// <summary>simglucose multiplies these derivatives by (state ≥ 0): a negative state stops moving (spec 1.3).</summary>
    private static double NonNegative(double state, double derivative) => state >= 0 ? derivative : 0;
}
