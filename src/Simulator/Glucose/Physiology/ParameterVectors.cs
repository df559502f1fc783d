namespace Simulator.Glucose.Physiology;

/// <summary>The constants of one <see cref="Pack"/> of patients, loaded from <see cref="LaneParameters"/> once per run.</summary>
internal readonly struct ParameterVectors
{
    public readonly Pack Kmax, Kmin, HalfEmptyingRange, B, D, AlphaTimesDbar, BetaTimesDbar, Kabs, AppearanceGain,
        Kp1, Kp2, Kp3, Fsnc, Ke1, Ke2, K1, K2, Vm0, Vmx, Km0, M2PlusM4, M1, Ka1, Ka2, InverseVi, P2u, Ib, Ki, M1PlusM30, M2,
        Ka1PlusKd, Kd, Ksc;

    public ParameterVectors(LaneParameters p, int lane)
    {
        Kmax = At(p.Kmax, lane); Kmin = At(p.Kmin, lane); HalfEmptyingRange = At(p.HalfEmptyingRange, lane);
        B = At(p.B, lane); D = At(p.D, lane);
        AlphaTimesDbar = At(p.AlphaTimesDbar, lane); BetaTimesDbar = At(p.BetaTimesDbar, lane);
        Kabs = At(p.Kabs, lane); AppearanceGain = At(p.AppearanceGain, lane);
        Kp1 = At(p.Kp1, lane); Kp2 = At(p.Kp2, lane); Kp3 = At(p.Kp3, lane); Fsnc = At(p.Fsnc, lane);
        Ke1 = At(p.Ke1, lane); Ke2 = At(p.Ke2, lane); K1 = At(p.K1, lane); K2 = At(p.K2, lane);
        Vm0 = At(p.Vm0, lane); Vmx = At(p.Vmx, lane); Km0 = At(p.Km0, lane);
        M2PlusM4 = At(p.M2PlusM4, lane); M1 = At(p.M1, lane); Ka1 = At(p.Ka1, lane); Ka2 = At(p.Ka2, lane);
        InverseVi = At(p.InverseVi, lane); P2u = At(p.P2u, lane); Ib = At(p.Ib, lane); Ki = At(p.Ki, lane);
        M1PlusM30 = At(p.M1PlusM30, lane); M2 = At(p.M2, lane); Ka1PlusKd = At(p.Ka1PlusKd, lane);
        Kd = At(p.Kd, lane); Ksc = At(p.Ksc, lane);
    }

    public static Pack At(double[] column, int lane) => Pack.Load(column.AsSpan(lane));
}
