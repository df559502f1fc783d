using System.Runtime.CompilerServices;

namespace Simulator.Glucose.Physiology;

/// <summary>
/// Advances packs of lanes by a number of minutes: fixed-step RK4 with h = 1 min and the inputs held for the
/// minute (zero-order hold, spec 1.7 suggestion), keeping each pack's states, constants and inputs in registers or
/// L1 for the whole run. Two packs are stepped side by side: an RK4 minute is a chain of four dependent stages,
/// and issuing two independent chains lets the core overlap their latencies. Pairing never changes a lane's
/// arithmetic. No allocation in the minute loop (a sampled run allocates a little per block and, once per thread,
/// its recording buffers).
/// </summary>
internal static class CohortKernel
{
    public const int Width = Pack.Width;

    /// <summary>Runs the packs starting at <paramref name="firstLane"/> up to (not including) <paramref name="endLane"/>.</summary>
    public static void Run(CohortLanes c, int firstLane, int endLane, int firstMinute, int minutes)
    {
        var lane = firstLane;
        for (; lane + (2 * Width) <= endLane; lane += 2 * Width) RunPair(c, lane, lane + Width, firstMinute, minutes, null);
        if (lane < endLane) RunSingle(c, lane, firstMinute, minutes, null);
    }

    /// <summary>What a sampled <see cref="Run(CohortLanes, int, int, int, int, Sampling)"/> reports to, and how often.</summary>
    public sealed record Sampling(ICohortSampler Sampler, int Every, DateTimeOffset Start);

    /// <summary>Instants recorded per kernel call: bounds the buffers (16 lanes × 8 B each, two of them).</summary>
    private const int StretchInstants = 288;

    private const int BufferLanes = 2 * Width;

    // One pair per worker thread: a stretch is recorded and handed over on the same thread before the next starts.
    [ThreadStatic] private static double[]? interstitialBuffer;
    [ThreadStatic] private static double[]? plasmaBuffer;

    /// <summary>
    /// As <see cref="Run(CohortLanes, int, int, int, int)"/>, with the lanes' outputs recorded at every
    /// <see cref="Sampling.Every"/>-th minute from <paramref name="firstMinute"/> (before stepping it; not at the
    /// end) and handed to the sampler. The recording happens inside the minute loop, so the state stays in
    /// registers; the values are the ones <see cref="PackRun.Finish"/> stores, so this is bitwise a sequence of
    /// short plain runs. The sampler is called from here, after the vector method has returned (the JIT clears the
    /// upper vector state on return, sparing the scalar sensor code and the native maths it calls a transition
    /// penalty), a stretch of instants at a time, so each patient's sensor runs over many instants warm in cache.
    /// </summary>
    public static void Run(CohortLanes c, int firstLane, int endLane, int firstMinute, int minutes, Sampling sampling)
    {
        var interstitial = interstitialBuffer ??= new double[StretchInstants * BufferLanes];
        var plasma = plasmaBuffer ??= new double[StretchInstants * BufferLanes];
        var buffers = new Buffers(interstitial, plasma, sampling.Every);
        var stretch = Math.Min((long)StretchInstants * sampling.Every, int.MaxValue);
        var lane = firstLane;
        while (lane < endLane)
        {
            var width = lane + (2 * Width) <= endLane ? 2 * Width : Width;
            for (var offset = 0L; offset < minutes; offset += stretch)
            {
                var minute = firstMinute + (int)offset;
                var length = (int)Math.Min(stretch, minutes - offset);
                // The first instant is the outputs as they stand (from the previous run or stretch, or initial).
                c.Interstitial.AsSpan(lane, width).CopyTo(interstitial);
                c.Plasma.AsSpan(lane, width).CopyTo(plasma);
                if (width == 2 * Width) RunPair(c, lane, lane + Width, minute, length, buffers);
                else RunSingle(c, lane, minute, length, buffers);
                var real = Math.Min(width, c.Count - lane);
                if (real > 0)
                {
                    var instants = (length + sampling.Every - 1) / sampling.Every;
                    sampling.Sampler.Sample(new CohortSamples(lane, real, sampling.Start.AddMinutes(minute), sampling.Every * TimeSpan.TicksPerMinute,
                        instants, interstitial.AsSpan(0, instants * BufferLanes), plasma.AsSpan(0, instants * BufferLanes), BufferLanes));
                }
            }
            lane += width;
        }
    }

    /// <summary>Where a sampled run records its outputs: row r (the instant r·every minutes in) at r·16.</summary>
    private sealed record Buffers(double[] Interstitial, double[] Plasma, int Every);

    // Fully optimised from the first call: a sampled run calls this only a few times per pair, each for a day of
    // minutes, so tiered compilation would leave much of a one-shot run in unoptimised or on-stack-replaced code.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void RunPair(CohortLanes c, int laneA, int laneB, int firstMinute, int minutes, Buffers? record)
    {
        var a = new PackRun(c, laneA);
        var b = new PackRun(c, laneB);
        var half = Pack.Create(0.5);
        var one = Pack.One;
        var sixth = Pack.Create(1.0 / 6);
        var end = firstMinute + minutes;
        var minute = firstMinute;
        var row = 0;
        while (true)
        {
            for (var stop = record is null ? end : Math.Min(end, minute + record.Every); minute < stop; minute++)
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
            if (minute == end) break;
            row++;
            a.StoreOutputs(c, record!.Interstitial.AsSpan(row * BufferLanes), record.Plasma.AsSpan(row * BufferLanes));
            b.StoreOutputs(c, record.Interstitial.AsSpan(row * BufferLanes + Width), record.Plasma.AsSpan(row * BufferLanes + Width));
        }
        a.Finish(c);
        b.Finish(c);
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void RunSingle(CohortLanes c, int lane, int firstMinute, int minutes, Buffers? record)
    {
        var a = new PackRun(c, lane);
        var half = Pack.Create(0.5);
        var sixth = Pack.Create(1.0 / 6);
        var end = firstMinute + minutes;
        var minute = firstMinute;
        var row = 0;
        while (true)
        {
            for (var stop = record is null ? end : Math.Min(end, minute + record.Every); minute < stop; minute++)
            {
                var u = a.BeginMinute(c, minute);
                var k1 = VectorRightHandSide.Derivatives(a.P, a.X, a.X, Pack.Zero, u);
                var k2 = VectorRightHandSide.Derivatives(a.P, a.X, k1, half, u);
                var k3 = VectorRightHandSide.Derivatives(a.P, a.X, k2, half, u);
                var k4 = VectorRightHandSide.Derivatives(a.P, a.X, k3, Pack.One, u);
                a.X = StateVectors.Combine(a.X, k1, k2, k3, k4, sixth);
                a.EndMinute();
            }
            if (minute == end) break;
            row++;
            a.StoreOutputs(c, record!.Interstitial.AsSpan(row * BufferLanes), record.Plasma.AsSpan(row * BufferLanes));
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
            StoreOutputs(c, c.Interstitial.AsSpan(lane), c.Plasma.AsSpan(lane));
        }

        /// <summary>Interstitial and plasma mg/dL as of the last completed minute.</summary>
        public readonly void StoreOutputs(CohortLanes c, Span<double> interstitial, Span<double> plasma)
        {
            var vg = ParameterVectors.At(c.Parameters.Vg, lane);
            (X.Gs / vg).Store(interstitial);
            (X.Gp / vg).Store(plasma);
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
