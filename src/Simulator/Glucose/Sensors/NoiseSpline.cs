using System.Collections.Concurrent;

namespace Simulator.Glucose.Sensors;

/// <summary>
/// simglucose interpolates each batch of 11 fifteen-minute noise knots (the previous batch's last value plus ten
/// new ones, 0…150 min) with scipy's <c>interp1d(kind='cubic')</c>, a not-a-knot cubic spline, and returns the values
/// at t = s, 2s, …, 150 min for sample time s (spec §2 step 3; <c>noise_gen.py</c> <c>_get_noise_seq</c>). On a fixed
/// grid that spline is linear in the knots, so we precompute the weight matrix once per sample time: a batch is then
/// a small matrix–vector product, with no allocation.
/// </summary>
internal static class NoiseSpline
{
    public const int Knots = JohnsonSuNoiseParameters.KnotsPerBatch + 1;

    private const double KnotMinutes = 15;

    private static readonly ConcurrentDictionary<int, double[]> Cache = new();

    /// <summary>Outputs per batch for a sample time: floor(150 / s) (simglucose's nsample minus the t = 0 point).</summary>
    public static int OutputsPerBatch(int sampleMinutes) => (int)(JohnsonSuNoiseParameters.KnotsPerBatch * KnotMinutes / sampleMinutes);

    /// <summary>Row-major [OutputsPerBatch × 11] weights: output j = Σₖ W[j, k]·knot[k].</summary>
    public static double[] Weights(int sampleMinutes) => Cache.GetOrAdd(sampleMinutes, Build);

    private static double[] Build(int sampleMinutes)
    {
        var outputs = OutputsPerBatch(sampleMinutes);
        var weights = new double[outputs * Knots];
        var unit = new double[Knots];
        for (var k = 0; k < Knots; k++)
        {
            Array.Clear(unit);
            unit[k] = 1;
            var second = NotAKnotSecondDerivatives(unit);
            for (var j = 0; j < outputs; j++)
                weights[j * Knots + k] = Evaluate(unit, second, (j + 1) * sampleMinutes);
        }
        return weights;
    }

    /// <summary>
    /// Second derivatives M of the not-a-knot spline on the uniform grid: interior rows are the usual
    /// M[i−1] + 4M[i] + M[i+1] = 6/h²·(y[i−1] − 2y[i] + y[i+1]); the end rows make the third derivative continuous
    /// at the second and second-to-last knots, M[0] − 2M[1] + M[2] = 0 (and mirrored).
    /// </summary>
    private static double[] NotAKnotSecondDerivatives(double[] y)
    {
        const int n = Knots;
        var a = new double[n, n];
        var b = new double[n];
        a[0, 0] = 1; a[0, 1] = -2; a[0, 2] = 1;
        a[n - 1, n - 3] = 1; a[n - 1, n - 2] = -2; a[n - 1, n - 1] = 1;
        for (var i = 1; i < n - 1; i++)
        {
            a[i, i - 1] = 1; a[i, i] = 4; a[i, i + 1] = 1;
            b[i] = 6 / (KnotMinutes * KnotMinutes) * (y[i - 1] - 2 * y[i] + y[i + 1]);
        }
        return Solve(a, b);
    }

    private static double Evaluate(double[] y, double[] m, double t)
    {
        const double h = KnotMinutes;
        var i = Math.Min((int)(t / h), Knots - 2);
        var right = (h * (i + 1) - t) / h;
        var left = (t - h * i) / h;
        return right * y[i] + left * y[i + 1]
            + ((right * right * right - right) * m[i] + (left * left * left - left) * m[i + 1]) * h * h / 6;
    }

    /// <summary>Gaussian elimination with partial pivoting (11×11, run once per sample time).</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
                if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col])) pivot = r;
            if (pivot != col)
            {
                for (var c = 0; c < n; c++) (a[col, c], a[pivot, c]) = (a[pivot, c], a[col, c]);
                (b[col], b[pivot]) = (b[pivot], b[col]);
            }
            for (var r = col + 1; r < n; r++)
            {
                var factor = a[r, col] / a[col, col];
                if (factor == 0) continue;
                for (var c = col; c < n; c++) a[r, c] -= factor * a[col, c];
                b[r] -= factor * b[col];
            }
        }
        var x = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var sum = b[r];
            for (var c = r + 1; c < n; c++) sum -= a[r, c] * x[c];
            x[r] = sum / a[r, r];
        }
        return x;
    }
}
