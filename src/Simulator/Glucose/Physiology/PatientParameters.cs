namespace Simulator.Glucose.Physiology;

/// <summary>
/// Every constant the UVA/Padova 2008 right-hand side uses (spec glucose-model.md 1.3–1.4), named after the
/// symbols of the spec and of simglucose's <c>vpatient_params.csv</c>, plus the 13-value initial state
/// (CSV columns <c>x0_ 1</c>..<c>x0_13</c>, spec 1.1), which is an exact steady state at the basal infusion
/// <see cref="U2ss"/> (spec 1.5). Units are the model's: minutes, mg, pmol, kg, dL, L.
/// </summary>
public sealed record PatientParameters
{
    /// <summary>Body weight, kg.</summary>
    public required double BW { get; init; }

    // Gastro-intestinal tract (spec 1.3).
    public required double Kabs { get; init; }
    public required double Kmax { get; init; }
    public required double Kmin { get; init; }
    /// <summary>Fraction of the dose at which gastric emptying starts to fall.</summary>
    public required double B { get; init; }
    /// <summary>Fraction of the dose at which gastric emptying recovers (not the meal input D(t)).</summary>
    public required double D { get; init; }
    /// <summary>Fraction of intestinal absorption appearing in plasma.</summary>
    public required double F { get; init; }

    // Glucose subsystem.
    public required double Vg { get; init; }
    public required double K1 { get; init; }
    public required double K2 { get; init; }
    public required double Vm0 { get; init; }
    public required double Vmx { get; init; }
    public required double Km0 { get; init; }
    public required double Kp1 { get; init; }
    public required double Kp2 { get; init; }
    public required double Kp3 { get; init; }
    public required double Fsnc { get; init; }
    public required double Ke1 { get; init; }
    public required double Ke2 { get; init; }

    // Insulin subsystem.
    public required double Vi { get; init; }
    public required double Ib { get; init; }
    public required double P2u { get; init; }
    public required double Ki { get; init; }
    public required double M1 { get; init; }
    public required double M2 { get; init; }
    public required double M4 { get; init; }
    public required double M30 { get; init; }
    public required double Kd { get; init; }
    public required double Ka1 { get; init; }
    public required double Ka2 { get; init; }

    /// <summary>Plasma → interstitium glucose transfer rate, 1/min.</summary>
    public required double Ksc { get; init; }

    /// <summary>Steady-state (basal) subcutaneous insulin infusion, pmol/kg/min (spec 1.4 unit note).</summary>
    public required double U2ss { get; init; }

    /// <summary>The 13 initial state values in <see cref="UvaPadovaState"/> order.</summary>
    public required IReadOnlyList<double> InitialState { get; init; }
}
