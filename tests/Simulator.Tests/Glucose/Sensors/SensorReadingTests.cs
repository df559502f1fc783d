using Simulator.Glucose;
using Simulator.Glucose.Sensors;

namespace Simulator.Tests.Glucose.Sensors;

public class SensorReadingTests
{
    [Theory]
    [InlineData(30, SensorState.Low, 40)]
    [InlineData(39.4, SensorState.Low, 40)]    // rounds to 39: below the floor
    [InlineData(39.5, SensorState.Ok, 40)]     // rounds (away from zero) to 40: reportable
    [InlineData(400.4, SensorState.Ok, 400)]
    [InlineData(400.5, SensorState.High, 400)] // rounds to 401
    [InlineData(450, SensorState.High, 400)]
    public void Reportable_limits_give_low_and_high(double input, SensorState state, int mgdl)
    {
        foreach (var kind in Enum.GetValues<SensorKind>())
        {
            var s = SensorRun.Constant(kind, SensorOptions.Ideal, input, 1)[0];
            Assert.Equal(state, s.State);
            Assert.Equal(mgdl, s.Mgdl);
            Assert.Equal(input, s.TruthMgdl);
        }
    }

    [Fact]
    public void With_everything_off_a_reading_is_the_rounded_input()
    {
        var random = new Random(123);
        var inputs = Enumerable.Range(0, 5000).Select(_ => 40 + 360 * random.NextDouble()).ToArray();
        foreach (var kind in Enum.GetValues<SensorKind>())
        {
            var samples = SensorRun.Run(kind, SensorOptions.Ideal, inputs.Length, i => inputs[i]);
            for (var i = 0; i < inputs.Length; i++)
            {
                Assert.Equal(SensorState.Ok, samples[i].State);
                Assert.Equal((int)Math.Round(inputs[i], MidpointRounding.AwayFromZero), samples[i].Mgdl);
            }
        }
    }

    [Fact]
    public void Truth_is_carried_separately_from_the_input()
    {
        var model = new SensorModel(SensorKind.DexcomG6, SensorOptions.Ideal, 1, SensorRun.Start);
        var s = model.Sample(SensorRun.Start, 100, truthMgdl: 93.5);
        Assert.Equal(93.5, s.TruthMgdl);
        Assert.Equal(100, s.Mgdl);
    }

    [Theory]
    [InlineData(SensorKind.DexcomG6, 5)]
    [InlineData(SensorKind.DexcomG7, 5)]
    [InlineData(SensorKind.Libre2, 1)]
    public void Interval_is_the_published_cadence(SensorKind kind, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), new SensorModel(kind, SensorOptions.Default, 1, SensorRun.Start).Interval);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(10)]
    public void Extra_lag_step_reaches_63_percent_after_tau(int tauMinutes)
    {
        // Step 100 → 300 at reading k = 4. First-order lag: 100 + 200·(1 − e^(−t/τ)); at t = τ: 100 + 200·0.632121 = 226.42.
        foreach (var kind in Enum.GetValues<SensorKind>())
        {
            var options = SensorOptions.Ideal with { ExtraLagMinutes = tauMinutes };
            var interval = (int)SensorProfile.For(kind).Interval.TotalMinutes;
            const int stepAt = 4;
            var samples = SensorRun.Run(kind, options, 40, i => i < stepAt ? 100 : 300);
            Assert.Equal(100, samples[stepAt].Mgdl); // no change at the step instant itself
            Assert.Equal(226, samples[stepAt + tauMinutes / interval].Mgdl);
            for (var i = stepAt; i < samples.Length; i++)
            {
                var expected = 100 + 200 * (1 - Math.Exp(-(i - stepAt) * interval / (double)tauMinutes));
                Assert.Equal((int)Math.Round(expected, MidpointRounding.AwayFromZero), samples[i].Mgdl);
            }
        }
    }

    [Fact]
    public void Sensor_trace_resamples_input_at_the_sensor_cadence()
    {
        // 3-minute input 100, 103, 106, … (1 mg/dL/min) → 5-min readings 100, 105, 110, …
        var input = Enumerable.Range(0, 21).Select(i => (SensorRun.Start.AddMinutes(3 * i), 100.0 + 3 * i)).ToArray();
        var samples = SensorTrace.Apply(SensorKind.DexcomG6, SensorOptions.Ideal, 1, input);
        Assert.Equal(13, samples.Count); // 0, 5, …, 60 min
        for (var i = 0; i < samples.Count; i++)
        {
            Assert.Equal(SensorRun.Start.AddMinutes(5 * i), samples[i].At);
            Assert.Equal(100 + 5 * i, samples[i].Mgdl);
            Assert.Equal(100 + 5.0 * i, samples[i].TruthMgdl, 9);
        }
        Assert.Empty(SensorTrace.Apply(SensorKind.Libre2, SensorOptions.Ideal, 1, []));
    }

    [Fact]
    public void Sensor_kind_names_round_trip_and_unknown_names_are_null()
    {
        foreach (var kind in Enum.GetValues<SensorKind>())
            Assert.Equal(kind, SensorKinds.Parse(kind.ToScenarioName()));
        Assert.Equal(["g6", "g7", "libre2"], SensorKinds.Names);
        Assert.Equal(SensorKind.Libre2, SensorKinds.Parse(" Libre2 "));
        Assert.Null(SensorKinds.Parse("g5"));
        Assert.Null(SensorKinds.Parse(null));
        Assert.Equal(Reading.MinReportable, SensorProfile.DexcomG6.MinReportable);
    }
}
