namespace Simulator.Glucose.Sensors;

/// <summary>
/// The arrow a receiver computes from its own recent readings: the least-squares slope over the readings in the
/// last <see cref="SensorProfile.TrendWindow"/> (15 min: 4 readings at 5-min cadence, 16 at 1-min), in mg/dL/min,
/// then the vendor's bands. Dexcom shows no arrow when readings are missing in that window (receiver manual §8.2),
/// so any gap, and the start of a run, give NotComputable. Allocation-free ring buffer.
/// </summary>
internal sealed class TrendEstimator
{
    private readonly double[] values;
    private readonly double[] slopeWeights;
    private readonly TrendAlgorithm algorithm;
    private int head;
    private int filled;

    public TrendEstimator(SensorProfile profile)
    {
        algorithm = profile.TrendAlgorithm;
        var count = (int)Math.Round(profile.TrendWindow / profile.Interval) + 1;
        values = new double[count];
        slopeWeights = new double[count];
        // slope = Σ (xᵢ − x̄)·yᵢ / Σ (xᵢ − x̄)², x in minutes, oldest first.
        var step = profile.Interval.TotalMinutes;
        var mean = (count - 1) / 2.0;
        var sumSquares = 0.0;
        for (var i = 0; i < count; i++) sumSquares += (i - mean) * (i - mean) * step * step;
        for (var i = 0; i < count; i++) slopeWeights[i] = (i - mean) * step / sumSquares;
    }

    /// <summary>Forget the history: a gap or a new sensor.</summary>
    public void Reset() => filled = 0;

    /// <summary>Adds the newest reading (unquantised sensor glucose) and returns the arrow for it.</summary>
    public Trend Add(double mgdl)
    {
        values[head] = mgdl;
        head = head + 1 == values.Length ? 0 : head + 1;
        if (filled < values.Length) filled++;
        if (filled < values.Length) return Trend.NotComputable;
        var rate = 0.0;
        var index = head; // oldest
        for (var i = 0; i < values.Length; i++)
        {
            rate += slopeWeights[i] * values[index];
            index = index + 1 == values.Length ? 0 : index + 1;
        }
        return algorithm == TrendAlgorithm.Libre ? LibreTrendArrows.FromRate(rate) : TrendArrows.FromRate(rate);
    }
}
