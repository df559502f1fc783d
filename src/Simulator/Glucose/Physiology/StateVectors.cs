using System.Runtime.CompilerServices;

namespace Simulator.Glucose.Physiology;

/// <summary>The 13 states of one <see cref="Pack"/> of patients, in <see cref="UvaPadovaState"/> order.</summary>
internal struct StateVectors
{
    public Pack Qsto1, Qsto2, Qgut, Gp, Gt, Ip, X, I1, Id, Il, Isc1, Isc2, Gs;

    public static StateVectors Load(double[][] state, int lane) => new()
    {
        Qsto1 = Pack.Load(state[UvaPadovaState.Qsto1].AsSpan(lane)),
        Qsto2 = Pack.Load(state[UvaPadovaState.Qsto2].AsSpan(lane)),
        Qgut = Pack.Load(state[UvaPadovaState.Qgut].AsSpan(lane)),
        Gp = Pack.Load(state[UvaPadovaState.Gp].AsSpan(lane)),
        Gt = Pack.Load(state[UvaPadovaState.Gt].AsSpan(lane)),
        Ip = Pack.Load(state[UvaPadovaState.Ip].AsSpan(lane)),
        X = Pack.Load(state[UvaPadovaState.X].AsSpan(lane)),
        I1 = Pack.Load(state[UvaPadovaState.I1].AsSpan(lane)),
        Id = Pack.Load(state[UvaPadovaState.Id].AsSpan(lane)),
        Il = Pack.Load(state[UvaPadovaState.Il].AsSpan(lane)),
        Isc1 = Pack.Load(state[UvaPadovaState.Isc1].AsSpan(lane)),
        Isc2 = Pack.Load(state[UvaPadovaState.Isc2].AsSpan(lane)),
        Gs = Pack.Load(state[UvaPadovaState.Gs].AsSpan(lane)),
    };

    public readonly void Store(double[][] state, int lane)
    {
        Qsto1.Store(state[UvaPadovaState.Qsto1].AsSpan(lane));
        Qsto2.Store(state[UvaPadovaState.Qsto2].AsSpan(lane));
        Qgut.Store(state[UvaPadovaState.Qgut].AsSpan(lane));
        Gp.Store(state[UvaPadovaState.Gp].AsSpan(lane));
        Gt.Store(state[UvaPadovaState.Gt].AsSpan(lane));
        Ip.Store(state[UvaPadovaState.Ip].AsSpan(lane));
        X.Store(state[UvaPadovaState.X].AsSpan(lane));
        I1.Store(state[UvaPadovaState.I1].AsSpan(lane));
        Id.Store(state[UvaPadovaState.Id].AsSpan(lane));
        Il.Store(state[UvaPadovaState.Il].AsSpan(lane));
        Isc1.Store(state[UvaPadovaState.Isc1].AsSpan(lane));
        Isc2.Store(state[UvaPadovaState.Isc2].AsSpan(lane));
        Gs.Store(state[UvaPadovaState.Gs].AsSpan(lane));
    }

    /// <summary>x + h·k, the intermediate state of a Runge–Kutta stage.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static StateVectors Stage(in StateVectors x, in StateVectors k, Pack h) => new()
    {
        Qsto1 = x.Qsto1 + h * k.Qsto1,
        Qsto2 = x.Qsto2 + h * k.Qsto2,
        Qgut = x.Qgut + h * k.Qgut,
        Gp = x.Gp + h * k.Gp,
        Gt = x.Gt + h * k.Gt,
        Ip = x.Ip + h * k.Ip,
        X = x.X + h * k.X,
        I1 = x.I1 + h * k.I1,
        Id = x.Id + h * k.Id,
        Il = x.Il + h * k.Il,
        Isc1 = x.Isc1 + h * k.Isc1,
        Isc2 = x.Isc2 + h * k.Isc2,
        Gs = x.Gs + h * k.Gs,
    };

    /// <summary>RK4 combination x + (k1 + 2·k2 + 2·k3 + k4)·h/6, in the same order as the scalar reference.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static StateVectors Combine(in StateVectors x, in StateVectors k1, in StateVectors k2, in StateVectors k3, in StateVectors k4, Pack hOver6)
    {
        var two = Pack.Create(2.0);
        return new()
        {
            Qsto1 = x.Qsto1 + (k1.Qsto1 + two * k2.Qsto1 + two * k3.Qsto1 + k4.Qsto1) * hOver6,
            Qsto2 = x.Qsto2 + (k1.Qsto2 + two * k2.Qsto2 + two * k3.Qsto2 + k4.Qsto2) * hOver6,
            Qgut = x.Qgut + (k1.Qgut + two * k2.Qgut + two * k3.Qgut + k4.Qgut) * hOver6,
            Gp = x.Gp + (k1.Gp + two * k2.Gp + two * k3.Gp + k4.Gp) * hOver6,
            Gt = x.Gt + (k1.Gt + two * k2.Gt + two * k3.Gt + k4.Gt) * hOver6,
            Ip = x.Ip + (k1.Ip + two * k2.Ip + two * k3.Ip + k4.Ip) * hOver6,
            X = x.X + (k1.X + two * k2.X + two * k3.X + k4.X) * hOver6,
            I1 = x.I1 + (k1.I1 + two * k2.I1 + two * k3.I1 + k4.I1) * hOver6,
            Id = x.Id + (k1.Id + two * k2.Id + two * k3.Id + k4.Id) * hOver6,
            Il = x.Il + (k1.Il + two * k2.Il + two * k3.Il + k4.Il) * hOver6,
            Isc1 = x.Isc1 + (k1.Isc1 + two * k2.Isc1 + two * k3.Isc1 + k4.Isc1) * hOver6,
            Isc2 = x.Isc2 + (k1.Isc2 + two * k2.Isc2 + two * k3.Isc2 + k4.Isc2) * hOver6,
            Gs = x.Gs + (k1.Gs + two * k2.Gs + two * k3.Gs + k4.Gs) * hOver6,
        };
    }
}
