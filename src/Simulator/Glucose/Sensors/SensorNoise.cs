namespace Simulator.Glucose.Sensors;

/// <summary>
/// Streaming simglucose noise (spec §2): the 15-minute AR(1) sequence with the innovation quirk
/// eₙ = PACF·(eₙ₋₁ + wₙ) (first value e₁ ~ N(0,1), as <c>noise15_iter</c>), Johnson SU transform, then batches of ten
/// knots spline-interpolated to the sample time and chained through the last knot. One value per reading instant.
/// </summary>
internal sealed class SensorNoise
{
    private readonly JohnsonSuNoiseParameters p;
    private readonly SeededRandom random;
    private readonly double[] weights;
    private readonly double[] knots = new double[NoiseSpline.Knots];
    private readonly double[] batch;
    private int next;
    private double e;

    public SensorNoise(JohnsonSuNoiseParameters parameters, int sampleMinutes, SeededRandom random)
    {
        if (sampleMinutes is < 1 or > 150)
            throw new ArgumentOutOfRangeException(nameof(sampleMinutes), sampleMinutes, "Noise sample time must be 1–150 whole minutes.");
        p = parameters;
        this.random = random;
        weights = NoiseSpline.Weights(sampleMinutes);
        batch = new double[NoiseSpline.OutputsPerBatch(sampleMinutes)];
        next = batch.Length;
        e = random.NextNormal();
        knots[^1] = Transform(e); // becomes knot 0 of the first batch (simglucose's _noise_init)
    }

    public double Next()
    {
        if (next == batch.Length) Refill();
        return batch[next++];
    }

    private void Refill()
    {
        knots[0] = knots[^1];
        for (var k = 1; k < knots.Length; k++)
        {
            e = p.Pacf * (e + random.NextNormal());
            knots[k] = Transform(e);
        }
        for (var j = 0; j < batch.Length; j++)
        {
            var row = j * knots.Length;
            var sum = 0.0;
            for (var k = 0; k < knots.Length; k++) sum += weights[row + k] * knots[k];
            batch[j] = sum;
        }
        next = 0;
    }

    private double Transform(double x) => p.Xi + p.Lambda * Math.Sinh((x - p.Gamma) / p.Delta);
}
