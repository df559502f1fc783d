namespace Simulator.Glucose.Sensors;

/// <summary>Runs a whole trace through a <see cref="SensorModel"/>: for replayed recordings and scripted traces.</summary>
public static class SensorTrace
{
    /// <summary>
    /// Samples the input at the sensor's cadence, from the first input instant to the last, linearly interpolating
    /// between input points (so a 3-min simglucose trace or a 15-min history can feed a 5-min or 1-min sensor). The
    /// interpolated input is also the sample's truth.
    /// </summary>
    public static IReadOnlyList<SensorSample> Apply(
        SensorKind kind,
        SensorOptions options,
        int seed,
        IReadOnlyList<(DateTimeOffset At, double Mgdl)> input,
        Func<DateTimeOffset, bool>? isAsleep = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Count == 0) return [];
        for (var i = 1; i < input.Count; i++)
            if (input[i].At <= input[i - 1].At)
                throw new ArgumentException($"Input instants must be strictly increasing (index {i}).", nameof(input));

        var start = input[0].At;
        var model = new SensorModel(kind, options, seed, start, isAsleep);
        var samples = new List<SensorSample>((int)((input[^1].At - start) / model.Interval) + 1);
        var segment = 0;
        for (var at = start; at <= input[^1].At; at += model.Interval)
        {
            while (segment + 1 < input.Count && input[segment + 1].At <= at) segment++;
            var value = segment + 1 < input.Count ? Interpolate(input[segment], input[segment + 1], at) : input[segment].Mgdl;
            samples.Add(model.Sample(at, value));
        }
        return samples;
    }

    private static double Interpolate((DateTimeOffset At, double Mgdl) a, (DateTimeOffset At, double Mgdl) b, DateTimeOffset at) =>
        a.Mgdl + (b.Mgdl - a.Mgdl) * ((at - a.At) / (b.At - a.At));
}
