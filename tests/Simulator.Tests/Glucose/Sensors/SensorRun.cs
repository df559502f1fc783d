using Simulator.Glucose.Sensors;

namespace Simulator.Tests.Glucose.Sensors;

/// <summary>Drives a <see cref="SensorModel"/> at its own cadence for tests.</summary>
internal static class SensorRun
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static bool AlwaysAsleep(DateTimeOffset at) => true;

    public static SensorSample[] Constant(SensorKind kind, SensorOptions options, double mgdl, int count, int seed = 1, Func<DateTimeOffset, bool>? isAsleep = null) =>
        Run(kind, options, count, _ => mgdl, seed, isAsleep);

    public static SensorSample[] Run(SensorKind kind, SensorOptions options, int count, Func<int, double> input, int seed = 1, Func<DateTimeOffset, bool>? isAsleep = null)
    {
        var model = new SensorModel(kind, options, seed, Start, isAsleep);
        var samples = new SensorSample[count];
        for (var i = 0; i < count; i++) samples[i] = model.Sample(Start + i * model.Interval, input(i));
        return samples;
    }

    /// <summary>Maximal runs of consecutive samples matching a predicate, as (first index, length).</summary>
    public static List<(int First, int Length)> Runs(SensorSample[] samples, Func<SensorSample, bool> match)
    {
        var runs = new List<(int, int)>();
        for (var i = 0; i < samples.Length; i++)
        {
            if (!match(samples[i])) continue;
            var first = i;
            while (i + 1 < samples.Length && match(samples[i + 1])) i++;
            runs.Add((first, i - first + 1));
        }
        return runs;
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Clamp(Math.Floor(p * (sorted.Length - 1)), 0, sorted.Length - 1)];
    }
}
