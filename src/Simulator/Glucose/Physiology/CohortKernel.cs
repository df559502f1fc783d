using System.Runtime.CompilerServices;

namespace Simulator.Glucose.Physiology;

/// <summary>
/// Advances packs of lanes by a number of minutes: fixed-step RK4 with h = 1 min and the inputs held for the
/// minute (zero-order hold, spec 1.7 suggestion), keeping each pack's states, constants and inputs in registers or
/// L1 for the whole run. Two packs are stepped side by side: an RK4 minute is a chain of four dependent stages,
/// and issuing two independent chains lets the core overlap their latencies. Pairing never changes a lane's
/// arithmetic. No allocation.
/// </summary>
internal static class CohortKernel
{
    public const int Width = Pack.Width;

    /// <summary>Runs the packs starting at <paramref name="firstLane"/> up to (not including) <paramref name="endLane"/>.</summary>
    public static void Run(CohortLanes c, int firstLane, int endLane, int firstMinute, int minutes)
    {
        var lane = firstLane;
        for (; lane + (2 * Width) <= endLane; lane += 2 * Width) RunPair(c, lane, lane + Width, firstMinute, minutes);
        if (lane < endLane) RunSingle(c, lane, firstMinute, minutes);
    }

    private static void RunPair(CohortLanes c, int laneA, int laneB, int firstMinute, int minutes)
    {
        var a = new PackRun(c, laneA);
        var b = new PackRun(c, laneB);
        var half = Pack.Create(0.5);
        var one = Pack.One;
        var sixth = Pack.Create(1.0 / 6);
        for (var minute = firstMinute; minute < firstMinute + minutes; minute++)
        {
            var ua = a.BeginMinute(c, minute);
            var ub = b.BeginMinute(c, minute);
            var k1a = VectorRightHandSide.Derivatives(a.P, a.X, a.X, Pack.Zero, ua);   // x + 0·x = x exactly
            var k1b = VectorRightHandSide.Derivatives(b.P, b.X, b.X, Pack.Zero, ub);
            var k2a = VectorRightHandSide.Derivatives(a.P, a.X, k1a, half, ua);
            var k2b = VectorRightHandSide.Derivatives(b.P, b.X, k1b, half, ub);
            var k3a = VectorRightHandSide.Derivatives(a.P, a.X, k2a, half, ua);
            var k3b = VectorRightHandSide.Derivatives(b.P, b.X, k2b, half, ub);
            var k4a = VectorRightHandSide.Derivatives(a.P, a.X, k3a, one, ua);
            var k4b = VectorRightHandSide.Derivatives(b.P, b.X, k3b, one, ub);
            a.X = StateVectors.Combine(a.X, k1a, k2a, k3a, k4a, sixth);
            b.X = StateVectors.Combine(b.X, k1b, k2b, k3b, k4b, sixth);
            a.EndMinute();
            b.EndMinute();
        }
        a.Finish(c);
        b.Finish(c);
    }

    private static void RunSingle(CohortLanes c, int lane, int firstMinute, int minutes)
    {
        var a = new PackRun(c, lane);
        var half = Pack.Create(0.5);
        var sixth = Pack.Create(1.0 / 6);
        for (var minute = firstMinute; minute < firstMinute + minutes; minute++)
        {
            var u = a.BeginMinute(c, minute);
            var k1 = VectorRightHandSide.Derivatives(a.P, a.X, a.X, Pack.Zero, u);
            var k2 = VectorRightHandSide.Derivatives(a.P, a.X, k1, half, u);
            var k3 = VectorRightHandSide.Derivatives(a.P, a.X, k2, half, u);
            var k4 = VectorRightHandSide.Derivatives(a.P, a.X, k3, Pack.One, u);
            a.X = StateVectors.Combine(a.X, k1, k2, k3, k4, sixth);
            a.EndMinute();
        }
        a.Finish(c);
    }

    /// <summary>
    /// One pack's working set for a run. Input events are handled by the scalar
    /// <see cref="PatientInputState.ApplyEvents"/> only in minutes where some lane has one; the per-minute input
    /// updates mirror <see cref="PatientInputState.BeginMinute"/> and <see cref="PatientInputState.EndMinute"/>.
    /// </summary>
    private struct PackRun
    {
        public readonly ParameterVectors P;
        public StateVectors X;
        private readonly int lane;
        private readonly Pack u2ss;
        private readonly Pack unitsPerPmolPerKg;
        private InputLanes v;
        private int nextEvent;

        public PackRun(CohortLanes c, int lane)
        {
            this.lane = lane;
            P = new ParameterVectors(c.Parameters, lane);
            u2ss = ParameterVectors.At(c.Parameters.U2ss, lane);
            unitsPerPmolPerKg = ParameterVectors.At(c.Parameters.UnitsPerPmolPerKg, lane);
            X = StateVectors.Load(c.State, lane);
            v = InputLanes.Load(c.InputColumns, lane);
            nextEvent = NextEvent(c.Inputs.AsSpan(lane, Width));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public InputVectors BeginMinute(CohortLanes c, int minute)
        {
            if (minute >= nextEvent) ApplyEvents(c, minute);
            var thousand = Pack.Create(1000.0);
            var one = Pack.One;
            v.DbarMg += v.Carbs * thousand;
            return new InputVectors(v.Carbs * thousand, u2ss + v.Bolus, one + v.BoutUptake + v.Tail + v.Sensitivity, one + v.BoutFsnc, GastricVectors.For(P, v.DbarMg));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void EndMinute()
        {
            v.EatenGrams += v.Carbs;
            v.InsulinUnits += (u2ss + v.Bolus) * unitsPerPmolPerKg;
            v.Bolus = Pack.Zero;
            v.Tail *= Pack.Create(ExerciseEffect.TailDecayPerMinute);
        }

        public readonly void Finish(CohortLanes c)
        {
            X.Store(c.State, lane);
            v.Store(c.InputColumns, lane);
            var vg = ParameterVectors.At(c.Parameters.Vg, lane);
            (X.Gs / vg).Store(c.Interstitial.AsSpan(lane));
            (X.Gp / vg).Store(c.Plasma.AsSpan(lane));
        }

        private void ApplyEvents(CohortLanes c, int minute)
        {
            var columns = c.InputColumns;
            var inputs = c.Inputs.AsSpan(lane, Width);
            v.Store(columns, lane);
            for (var l = 0; l < Width; l++)
            {
                ref var s = ref inputs[l];
                if (minute < s.NextEventMinute) continue;
                columns.CopyTo(ref s, lane + l);
                s.ApplyEvents(c.Timelines[lane + l], minute, X.Qsto1[l] + X.Qsto2[l], X.Gs[l]);
                columns.CopyFrom(s, lane + l);
            }
            v = InputLanes.Load(columns, lane);
            nextEvent = NextEvent(inputs);
        }

        private static int NextEvent(ReadOnlySpan<PatientInputState> inputs)
        {
            var next = int.MaxValue;
            foreach (ref readonly var s in inputs) next = Math.Min(next, s.NextEventMinute);
            return next;
        }
    }

    /// <summary>One pack of <see cref="InputColumns"/>.</summary>
    private struct InputLanes
    {
        public Pack Carbs, Bolus, DbarMg, BoutUptake, BoutFsnc, Tail, Sensitivity, EatenGrams, InsulinUnits;

        public static InputLanes Load(InputColumns c, int lane) => new()
        {
            Carbs = Pack.Load(c.Carbs.AsSpan(lane)),
            Bolus = Pack.Load(c.Bolus.AsSpan(lane)),
            DbarMg = Pack.Load(c.DbarMg.AsSpan(lane)),
            BoutUptake = Pack.Load(c.BoutUptake.AsSpan(lane)),
            BoutFsnc = Pack.Load(c.BoutFsnc.AsSpan(lane)),
            Tail = Pack.Load(c.Tail.AsSpan(lane)),
            Sensitivity = Pack.Load(c.Sensitivity.AsSpan(lane)),
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
            Sensitivity.Store(c.Sensitivity.AsSpan(lane));
            EatenGrams.Store(c.EatenGrams.AsSpan(lane));
            InsulinUnits.Store(c.InsulinUnits.AsSpan(lane));
        }
    }
}
