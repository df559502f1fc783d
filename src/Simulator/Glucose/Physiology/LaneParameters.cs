namespace Simulator.Glucose.Physiology;

/// <summary>
/// Structure-of-arrays copy of every patient's constants, one array per constant across lanes, with the
/// combinations the right-hand side needs precomputed once (e.g. m2+m4, f·kabs/BW, 5/(2(1−b))) so the vector
/// kernel only multiplies and adds. Lengths are the padded lane count (a multiple of the vector width).
/// </summary>
internal sealed class LaneParameters
{
    public LaneParameters(IReadOnlyList<PatientParameters> lanes)
    {
        double[] Column(Func<PatientParameters, double> select) => [.. lanes.Select(select)];

        Kmax = Column(p => p.Kmax);
        Kmin = Column(p => p.Kmin);
        HalfEmptyingRange = Column(p => (p.Kmax - p.Kmin) / 2);
        B = Column(p => p.B);
        D = Column(p => p.D);
        AlphaTimesDbar = Column(p => 5 / (2 * (1 - p.B)));
        BetaTimesDbar = Column(p => 5 / (2 * p.D));
        Kabs = Column(p => p.Kabs);
        AppearanceGain = Column(p => p.F * p.Kabs / p.BW);
        Kp1 = Column(p => p.Kp1);
        Kp2 = Column(p => p.Kp2);
        Kp3 = Column(p => p.Kp3);
        Fsnc = Column(p => p.Fsnc);
        Ke1 = Column(p => p.Ke1);
        Ke2 = Column(p => p.Ke2);
        K1 = Column(p => p.K1);
        K2 = Column(p => p.K2);
        Vm0 = Column(p => p.Vm0);
        Vmx = Column(p => p.Vmx);
        Km0 = Column(p => p.Km0);
        M2PlusM4 = Column(p => p.M2 + p.M4);
        M1 = Column(p => p.M1);
        Ka1 = Column(p => p.Ka1);
        Ka2 = Column(p => p.Ka2);
        InverseVi = Column(p => 1 / p.Vi);
        P2u = Column(p => p.P2u);
        Ib = Column(p => p.Ib);
        Ki = Column(p => p.Ki);
        M1PlusM30 = Column(p => p.M1 + p.M30);
        M2 = Column(p => p.M2);
        Ka1PlusKd = Column(p => p.Ka1 + p.Kd);
        Kd = Column(p => p.Kd);
        Ksc = Column(p => p.Ksc);
        U2ss = Column(p => p.U2ss);
        Vg = Column(p => p.Vg);
        UnitsPerPmolPerKg = Column(p => p.BW / UvaPadovaModel.PmolPerUnit);
    }

    public double[] Kmax { get; }
    public double[] Kmin { get; }
    public double[] HalfEmptyingRange { get; }
    public double[] B { get; }
    public double[] D { get; }
    /// <summary>α·D̄ = 5 / (2(1 − b)); dividing by D̄ gives α (spec 1.3).</summary>
    public double[] AlphaTimesDbar { get; }
    /// <summary>β·D̄ = 5 / (2d).</summary>
    public double[] BetaTimesDbar { get; }
    public double[] Kabs { get; }
    /// <summary>f·kabs/BW: Ra = this × Qgut.</summary>
    public double[] AppearanceGain { get; }
    public double[] Kp1 { get; }
    public double[] Kp2 { get; }
    public double[] Kp3 { get; }
    public double[] Fsnc { get; }
    public double[] Ke1 { get; }
    public double[] Ke2 { get; }
    public double[] K1 { get; }
    public double[] K2 { get; }
    public double[] Vm0 { get; }
    public double[] Vmx { get; }
    public double[] Km0 { get; }
    public double[] M2PlusM4 { get; }
    public double[] M1 { get; }
    public double[] Ka1 { get; }
    public double[] Ka2 { get; }
    public double[] InverseVi { get; }
    public double[] P2u { get; }
    public double[] Ib { get; }
    public double[] Ki { get; }
    public double[] M1PlusM30 { get; }
    public double[] M2 { get; }
    public double[] Ka1PlusKd { get; }
    public double[] Kd { get; }
    public double[] Ksc { get; }
    public double[] U2ss { get; }
    public double[] Vg { get; }
    /// <summary>BW/6000: pmol/kg/min × this = U/min.</summary>
    public double[] UnitsPerPmolPerKg { get; }
}
