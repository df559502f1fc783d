namespace Simulator.Glucose.Physiology;

/// <summary>
/// Advances one pack of lanes by a number of minutes: fixed-step RK4 with h = 1 min and the inputs held for the minute
/// (zero-order hold, spec 1.7 suggestion), keeping the block's states, constants and inputs in registers or L1
/// for the whole run. Input events are handled by the scalar <see cref="PatientInputState.ApplyEvents"/> only
/// in minutes where some lane has one; the per-minute input updates mirror
/// <see cref="PatientInputState.BeginMinute"/> and <see cref="PatientInputState.EndMinute"/>. No allocation.
/// </summary>
internal static class CohortKernel
{
    public const int Width = Pack.Width;

    public static void RunBlock(CohortLanes c, int lane, int firstMinute, int minutes)
    {
        var p = new ParameterVectors(c.Parameters, lane);
        var u2ss = ParameterVectors.At(c.Parameters.U2ss, lane);
        var unitsPerPmolPerKg = ParameterVectors.At(c.Parameters.UnitsPerPmolPerKg, lane);
        var x = StateVectors.Load(c.State, lane);
        var inputs = c.Inputs.AsSpan(lane, Width);
        var columns = c.InputColumns;
        var v = InputLanes.Load(columns, lane);
        var nextEvent = NextEvent(inputs);

        var one = Pack.One;
        var half = Pack.Create(0.5);
        var sixth = Pack.Create(1.0 / 6);
        var thousand = Pack.Create(1000.0);
        var decay = Pack.Create(ExerciseEffect.TailDecayPerMinute);

        for (var minute = firstMinute; minute < firstMinute + minutes; minute++)
        {
            if (minute >= nextEvent)
            {
                v.Store(columns, lane);
                for (var l = 0; l < Width; l++)
                {
                    ref var s = ref inputs[l];
                    if (minute < s.NextEventMinute) continue;
                    columns.CopyTo(ref s, lane + l);
                    s.ApplyEvents(c.Timelines[lane + l], minute, x.Qsto1[l] + x.Qsto2[l], x.Gs[l]);
                    columns.CopyFrom(s, lane + l);
                }
                v = InputLanes.Load(columns, lane);
                nextEvent = NextEvent(inputs);
            }

            v.DbarMg += v.Carbs * thousand;
            var u = new InputVectors(v.Carbs * thousand, u2ss + v.Bolus, one + v.BoutUptake + v.Tail, one + v.BoutFsnc, GastricVectors.For(p, v.DbarMg));
            var k1 = VectorRightHandSide.Derivatives(p, x, default, Pack.Zero, u);
            var k2 = VectorRightHandSide.Derivatives(p, x, k1, half, u);
            var k3 = VectorRightHandSide.Derivatives(p, x, k2, half, u);
            var k4 = VectorRightHandSide.Derivatives(p, x, k3, one, u);
            x = StateVectors.Combine(x, k1, k2, k3, k4, sixth);

            v.EatenGrams += v.Carbs;
            v.InsulinUnits += (u2ss + v.Bolus) * unitsPerPmolPerKg;
            v.Bolus = Pack.Zero;
            v.Tail *= decay;
        }

        x.Store(c.State, lane);
        v.Store(columns, lane);
        var vg = ParameterVectors.At(c.Parameters.Vg, lane);
        (x.Gs / vg).Store(c.Interstitial.AsSpan(lane));
        (x.Gp / vg).Store(c.Plasma.AsSpan(lane));
    }

    private static int NextEvent(ReadOnlySpan<PatientInputState> inputs)
    {
        var next = int.MaxValue;
        foreach (ref readonly var s in inputs) next = Math.Min(next, s.NextEventMinute);
        return next;
    }

    /// <summary>One pack of <see cref="InputColumns"/>.</summary>
    private struct InputLanes
    {
        public Pack Carbs, Bolus, DbarMg, BoutUptake, BoutFsnc, Tail, EatenGrams, InsulinUnits;

        public static InputLanes Load(InputColumns c, int lane) => new()
        {
            Carbs = Pack.Load(c.Carbs.AsSpan(lane)),
            Bolus = Pack.Load(c.Bolus.AsSpan(lane)),
            DbarMg = Pack.Load(c.DbarMg.AsSpan(lane)),
            BoutUptake = Pack.Load(c.BoutUptake.AsSpan(lane)),
            BoutFsnc = Pack.Load(c.BoutFsnc.AsSpan(lane)),
            Tail = Pack.Load(c.Tail.AsSpan(lane)),
            EatenGrams = Pack.Load(c.EatenGrams.AsSpan(lane)),
            InsulinUnits = Pack.Load(c.InsulinUnits.AsSpan(lane)),
        };

        public readonly void Store(InputColumns c, int lane)
        {
            Carbs.Store(c.Carbs.AsSpan(lane));
            Bolus.Store(c.Bolus.AsSpan(lane));
            DbarMg.Store(c.DbarMg.AsSpan(lane));
            BoutUptake.Store(c.BoutUptake.AsSpan(lane));
            BoutFsnc.Store(c.BoutFsnc.AsSpan(lane));
            Tail.Store(c.Tail.AsSpan(lane));
            EatenGrams.Store(c.EatenGrams.AsSpan(lane));
            InsulinUnits.Store(c.InsulinUnits.AsSpan(lane));
        }
    }
}
