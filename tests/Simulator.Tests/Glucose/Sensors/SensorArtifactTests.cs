using Simulator.Glucose.Physiology;
using Simulator.Glucose.Sensors;

namespace Simulator.Tests.Glucose.Sensors;

public class SensorArtifactTests
{
    private const double Input = 150;

    private static bool NightUtc(DateTimeOffset at) => SleepWindow.Default.Contains(TimeOnly.FromTimeSpan(at.UtcDateTime.TimeOfDay));

    [Fact]
    public void Compression_lows_happen_only_asleep_at_about_3_percent_of_night_readings()
    {
        // 1,000 nights at 5-min cadence; noise off so each event's depth is readable from the values.
        var options = SensorOptions.Ideal with { CompressionLows = CompressionLowOptions.Default };
        var samples = SensorRun.Constant(SensorKind.DexcomG6, options, Input, 1000 * 288, seed: 21, isAsleep: NightUtc);

        Assert.All(samples.Where(s => s.State == SensorState.CompressionLow), s => Assert.True(NightUtc(s.At)));
        Assert.All(samples.Where(s => !NightUtc(s.At)), s => Assert.Equal(Input, s.Mgdl!.Value)); // no residue by day
        var night = samples.Where(s => NightUtc(s.At)).ToArray();
        var share = night.Count(s => s.State == SensorState.CompressionLow) / (double)night.Length;
        // ~320 events; relative SE of the share ≈ 1/√320 ≈ 6 % → ±0.6 points is > 3 SE (wake-up truncation lowers it a little).
        Assert.InRange(share, 0.024, 0.036);
    }

    [Fact]
    public void Compression_depth_and_duration_follow_facchinetti_2016()
    {
        var options = SensorOptions.Ideal with { CompressionLows = CompressionLowOptions.Default };
        var samples = SensorRun.Constant(SensorKind.DexcomG6, options, Input, 1000 * 288, seed: 22, isAsleep: SensorRun.AlwaysAsleep);
        var events = SensorRun.Runs(samples, s => s.State == SensorState.CompressionLow);
        Assert.InRange(events.Count, 700, 1300); // ~3 % of 288k readings / ~9.8 readings per event ≈ 900

        var durations = events.Select(e => e.Length * 5.0).ToArray();
        var depths = events.Select(e => Input - samples.Skip(e.First).Take(e.Length).Min(s => s.Mgdl!.Value)).ToArray();
        // Published: duration median 45 min (5th–95th 30–70); depth median 24 mg/dL (10–48). Durations are whole
        // readings (ceil to 5 min), so the median moves up by up to 5 min.
        Assert.InRange(SensorRun.Median(durations), 43, 52);
        Assert.InRange(SensorRun.Percentile(durations, 0.05), 25, 35);
        Assert.InRange(SensorRun.Percentile(durations, 0.95), 65, 80);
        Assert.InRange(SensorRun.Median(depths), 21, 27);
        Assert.InRange(SensorRun.Percentile(depths, 0.05), 8, 13);
        Assert.InRange(SensorRun.Percentile(depths, 0.95), 42, 58);

        // Fast drop, slower recovery: the first labelled reading already shows ≥ 85 % of the event's depth
        // (τ_drop 2 min: 1 − e^(−2.5) = 92 %), while the reading after the pulse still shows > 30 % (τ 6 min: e^(−5/6) = 43 %) and the label covers ≥ 2 more.
        foreach (var (first, length) in events.Where(e => e.Length >= 6))
        {
            var depth = Input - samples.Skip(first).Take(length).Min(s => s.Mgdl!.Value);
            Assert.True(Input - samples[first].Mgdl!.Value >= 0.85 * depth - 1, $"slow onset at {first}");
            var lastDeep = Enumerable.Range(first, length).Last(i => Input - samples[i].Mgdl!.Value >= 0.9 * depth - 1);
            Assert.True(lastDeep + 2 < first + length, $"no recovery tail at {first}");
            Assert.True(Input - samples[lastDeep + 1].Mgdl!.Value > 0.3 * depth - 1, $"instant recovery at {first}"); // e^(−5/6) = 43 %
        }
    }

    [Fact]
    public void Compression_lows_never_happen_awake()
    {
        var options = SensorOptions.Ideal with { CompressionLows = CompressionLowOptions.Default };
        var samples = SensorRun.Constant(SensorKind.Libre2, options, Input, 100_000, isAsleep: _ => false);
        Assert.All(samples, s => Assert.Equal(SensorState.Ok, s.State));
    }

    [Theory]
    [InlineData(SensorKind.DexcomG6)]
    [InlineData(SensorKind.Libre2)]
    public void Dropouts_are_mostly_under_20_minutes_and_more_frequent_by_day(SensorKind kind)
    {
        var perDay = (int)(1440 / SensorProfile.For(kind).Interval.TotalMinutes);
        var days = kind == SensorKind.Libre2 ? 200 : 1000;
        var options = SensorOptions.Ideal with { Dropouts = DropoutOptions.Default };
        var samples = SensorRun.Constant(kind, options, Input, days * perDay, seed: 31, isAsleep: NightUtc);
        var episodes = SensorRun.Runs(samples, s => s.State == SensorState.Dropout);
        var minutes = SensorProfile.For(kind).Interval.TotalMinutes;

        // Duration = time without readings = missing readings × interval. Designed for ≈ 90 % under 20 min (§11.3).
        var shortShare = episodes.Count(e => e.Length * minutes < 20) / (double)episodes.Count;
        Assert.InRange(shortShare, 0.86, 0.95);

        // Day episodes per awake hour vs night episodes per asleep hour: designed 0.25 vs 0.125.
        var dayStarts = episodes.Count(e => !NightUtc(samples[e.First].At)) / (days * 16.0);
        var nightStarts = episodes.Count(e => NightUtc(samples[e.First].At)) / (days * 8.0);
        Assert.True(dayStarts > 1.5 * nightStarts, $"day {dayStarts:F3}/h vs night {nightStarts:F3}/h");
        Assert.All(samples.Where(s => s.State == SensorState.Dropout), s => Assert.Null(s.Mgdl));

        var missing = samples.Count(s => s.Mgdl is null) / (double)samples.Length;
        Assert.InRange(missing, 0.01, 0.06); // ≈ 97 % capture by design
    }

    [Fact]
    public void Sensor_errors_are_rare_and_at_most_3_hours()
    {
        var options = SensorOptions.Ideal with { SensorErrors = SensorErrorOptions.Default };
        var samples = SensorRun.Constant(SensorKind.DexcomG6, options, Input, 1000 * 288, seed: 41);
        var episodes = SensorRun.Runs(samples, s => s.State == SensorState.SensorError);
        // 0.1 per day × 1000 days = 100 expected (Poisson SD 10). Back-to-back episodes would merge, which is rare.
        Assert.InRange(episodes.Count, 70, 130);
        Assert.All(episodes, e => Assert.InRange(e.Length * 5, 15, 180 + 5));
        Assert.All(samples.Where(s => s.State == SensorState.SensorError), s => Assert.Null(s.Mgdl));
    }

    [Fact]
    public void Default_options_keep_most_readings()
    {
        var samples = SensorRun.Constant(SensorKind.DexcomG7, SensorOptions.Default, Input, 14 * 288, seed: 2);
        var present = samples.Count(s => s.Mgdl is not null) / (double)samples.Length;
        Assert.InRange(present, 0.9, 1.0);
    }
}
