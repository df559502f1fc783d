using Simulator.Glucose.Sensors;

namespace Simulator.Tests.Glucose.Sensors;

public class SensorDeterminismTests
{
    private static SensorSample[] Day(int seed, SensorOptions? options = null) =>
        SensorRun.Run(SensorKind.DexcomG6, options ?? SensorOptions.Default, 288 * 7, i => 140 + 60 * Math.Sin(i / 30.0), seed);

    [Fact]
    public void Same_seed_and_inputs_give_identical_samples()
    {
        Assert.Equal(Day(7), Day(7));
        Assert.Equal(SensorRun.Run(SensorKind.Libre2, SensorOptions.Default, 5000, i => 120, 9), SensorRun.Run(SensorKind.Libre2, SensorOptions.Default, 5000, i => 120, 9));
    }

    [Fact]
    public void Different_seeds_or_scenario_salts_differ()
    {
        Assert.NotEqual(Day(7), Day(8));
        Assert.NotEqual(Day(7), Day(7, SensorOptions.Default with { Seed = 1 }));
    }

    [Fact]
    public void Switching_an_artifact_off_leaves_the_noise_unchanged()
    {
        // Each artifact has its own stream: turning dropouts and sensor errors on only hides readings; every reading
        // still present carries exactly the noise of the noise-only run.
        var full = Day(3, SensorOptions.Default with { CompressionLows = CompressionLowOptions.Off });
        var noiseOnly = Day(3, SensorOptions.Ideal with { Noise = true });
        var compared = 0;
        for (var i = 0; i < full.Length; i++)
        {
            if (full[i].State != SensorState.Ok) continue;
            Assert.Equal(noiseOnly[i].Mgdl, full[i].Mgdl);
            compared++;
        }
        Assert.True(compared > full.Length / 2);
    }
}
