using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Simulator.Glucose.Physiology;

/// <summary>
/// <see cref="Width"/> doubles, one per patient lane: the unit of the cohort kernel's vector arithmetic. Backed by
/// <see cref="Vector512{T}"/>, which the JIT maps to AVX-512 where the CPU has it (as this project's 2-core
/// benchmark machine does) and otherwise runs as two <see cref="Vector256{T}"/> halves. Eight lanes rather than
/// four because the kernel is bound by instruction count, not memory, so twice the lanes per instruction is
/// nearly twice the throughput. Every operation is lane-wise IEEE arithmetic, so a lane's result never depends on
/// which pack it is in or on its neighbours.
/// </summary>
internal readonly struct Pack
{
    public const int Width = 8;

    private readonly Vector512<double> v;

    private Pack(Vector512<double> v) => this.v = v;

    public static Pack Zero => default;

    public static Pack One => new(Vector512<double>.One);

    public double this[int lane] => v[lane];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pack Create(double value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pack Load(ReadOnlySpan<double> values) => new(Vector512.Create(values));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Span<double> destination) => v.CopyTo(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pack operator +(Pack x, Pack y) => new(x.v + y.v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pack operator -(Pack x, Pack y) => new(x.v - y.v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pack operator *(Pack x, Pack y) => new(x.v * y.v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pack operator /(Pack x, Pack y) => new(x.v / y.v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pack operator -(Pack x) => new(-x.v);

    /// <summary>Lane-wise mask (all bits set where true).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pack GreaterThan(Pack x, Pack y) => new(Vector512.GreaterThan(x.v, y.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pack GreaterThanOrEqual(Pack x, Pack y) => new(Vector512.GreaterThanOrEqual(x.v, y.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pack NotEqual(Pack x, Pack y) => new(~Vector512.Equals(x.v, y.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pack And(Pack x, Pack y) => new(x.v & y.v);

    /// <summary>True when any lane of a mask is set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(Pack mask) => Vector512.ExtractMostSignificantBits(mask.v) != 0;

    /// <summary>Where <paramref name="mask"/> is set, <paramref name="whenTrue"/>, else <paramref name="whenFalse"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pack Select(Pack mask, Pack whenTrue, Pack whenFalse) => new(Vector512.ConditionalSelect(mask.v, whenTrue.v, whenFalse.v));

    /// <summary>Lane-wise maximum for non-NaN inputs (the model never produces NaN), without IEEE NaN fix-ups.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pack Max(Pack x, Pack y) => new(Vector512.MaxNative(x.v, y.v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pack Clamp(Pack x, Pack min, Pack max) => new(Vector512.ClampNative(x.v, min.v, max.v));

    /// <summary>
    /// e^x for |x| ≤ 700 (callers clamp), to about 2 ulp: x = k·ln2 + r with |r| ≤ ln2/2 (ln2 split in two for an
    /// exact reduction, fdlibm's constants), e^r by its degree-12 Taylor polynomial (truncation error below
    /// 2e-16 relative) evaluated in Estrin's scheme (a dependency chain of 4 multiply-adds rather than Horner's
    /// 12, which matters because the gastric tanh is the longest chain of the RK4 stage), times 2^k built in the
    /// exponent bits. About 30 instructions inline, where the library's general
    /// <see cref="Vector512.Exp(Vector512{double})"/> is a call several times longer that also handles
    /// infinities, NaN and subnormals, none of which can occur here.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pack ExpBounded(Pack x)
    {
        var k = Vector512.Round(x.v * Vector512.Create(1.4426950408889634));   // log2(e)
        var r = Vector512.FusedMultiplyAdd(-k, Vector512.Create(6.93147180369123816490e-01), x.v);
        r = Vector512.FusedMultiplyAdd(-k, Vector512.Create(1.90821492927058770002e-10), r);
        var r2 = r * r;
        var r4 = r2 * r2;
        var r8 = r4 * r4;
        // Taylor coefficients 1/n!, paired: q_j = c_2j + c_2j+1·r.
        var q0 = Vector512.FusedMultiplyAdd(r, Vector512<double>.One, Vector512<double>.One);
        var q1 = Vector512.FusedMultiplyAdd(r, Vector512.Create(1.0 / 6), Vector512.Create(0.5));
        var q2 = Vector512.FusedMultiplyAdd(r, Vector512.Create(1.0 / 120), Vector512.Create(1.0 / 24));
        var q3 = Vector512.FusedMultiplyAdd(r, Vector512.Create(1.0 / 5040), Vector512.Create(1.0 / 720));
        var q4 = Vector512.FusedMultiplyAdd(r, Vector512.Create(1.0 / 362880), Vector512.Create(1.0 / 40320));
        var q5 = Vector512.FusedMultiplyAdd(r, Vector512.Create(1.0 / 39916800), Vector512.Create(1.0 / 3628800));
        var s0 = Vector512.FusedMultiplyAdd(q1, r2, q0);
        var s1 = Vector512.FusedMultiplyAdd(q3, r2, q2);
        var s2 = Vector512.FusedMultiplyAdd(q5, r2, q4);
        var s3 = Vector512.Create(1.0 / 479001600);                               // 1/12!
        var t0 = Vector512.FusedMultiplyAdd(s1, r4, s0);
        var t1 = Vector512.FusedMultiplyAdd(s3, r4, s2);
        var p = Vector512.FusedMultiplyAdd(t1, r8, t0);
        var scale = Vector512.ShiftLeft(Vector512.ConvertToInt64(k) + Vector512.Create(1023L), 52).AsDouble();
        return new(p * scale);
    }
}
