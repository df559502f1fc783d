using Simulator.Glucose.Sensors;

namespace Simulator.Tests.Glucose.Sensors;

/// <summary>
/// The noise against spec §2's computed statistics. The process's exact stationary values (ours, closed form): with
/// e ~ N(0, 0.49/0.51 = 0.961) and u = (e − γ)/δ ~ N(0.3222, 0.3365), E[sinh u] = e^(v/2)·sinh(m) and
/// Var = (e^(2v)·cosh 2m − 1)/2 − E², giving mean ε = 0.72 and SD = 11.72 mg/dL at the 15-min knots. §2's
/// Monte-Carlo figures (0.75, 11.8, 0.69) agree within their own sampling error. Tolerances: 200k readings at 5 min
/// are 66.7k knots; with AR(1) ρ = 0.69 the variance inflation (1+ρ)/(1−ρ) ≈ 5.5 gives SE(mean) ≈ 11.7·√(5.5/66.7k)
/// ≈ 0.11, so ±0.4 is ~3.5 SE; SD and autocorrelation have SEs of ~0.1 and ~0.005 (heavier with the Johnson tails),
/// so ±0.5 and ±0.02. The run is seeded, so the test is deterministic either way.
/// </summary>
public class SensorNoiseTests
{
    private const double Input = 200; // far from 40/400 even at the noise's extreme tails

    [Fact]
    public void Noise_at_the_15_minute_knots_matches_section_2()
    {
        var samples = SensorRun.Constant(SensorKind.DexcomG6, SensorOptions.Ideal with { Noise = true }, Input, 200_000, seed: 11);
        // Reading i carries the noise at t = 5(i + 1) min of the spline (simglucose drops t = 0), so every third
        // reading (i = 2, 5, 8, …) sits on a 15-min knot.
        var knots = samples.Where((_, i) => (i + 1) % 3 == 0).Select(s => s.Mgdl!.Value - Input).ToArray();

        Assert.All(samples, s => Assert.Equal(SensorState.Ok, s.State));
        Assert.Equal(0.75, knots.Average(), 0.4);
        Assert.Equal(11.8, Sd(knots), 0.5);
        Assert.Equal(0.69, Autocorrelation(knots, 1), 0.02);
    }

    [Theory]
    [InlineData(SensorKind.DexcomG6, 3)]
    [InlineData(SensorKind.DexcomG7, 3)]
    [InlineData(SensorKind.Libre2, 15)]
    public void Resampled_noise_keeps_the_15_minute_correlation_and_has_the_profiles_lag1(SensorKind kind, int readingsPer15Min)
    {
        var samples = SensorRun.Constant(kind, SensorOptions.Ideal with { Noise = true }, Input, 200_000, seed: 5);
        var noise = samples.Select(s => s.Mgdl!.Value - Input).ToArray();

        // Over all readings the spline smooths between knots: SD ≈ 11.6, 15-min autocorrelation ≈ 0.72 (2M-sample MC).
        Assert.Equal(11.6, Sd(noise), 0.5);
        Assert.Equal(0.72, Autocorrelation(noise, readingsPer15Min), 0.03);
        Assert.Equal(SensorProfile.For(kind).NoiseLag1Autocorrelation, Autocorrelation(noise, 1), 0.01);
    }

    [Fact]
    public void Noise_median_is_below_its_mean_as_the_johnson_su_skew_implies()
    {
        // §2: median ≈ −0.2 while the mean is ≈ +0.75 (right-skewed). Integer rounding makes the median an integer.
        var samples = SensorRun.Constant(SensorKind.DexcomG6, SensorOptions.Ideal with { Noise = true }, Input, 100_000, seed: 3);
        var noise = samples.Select(s => (double)(s.Mgdl!.Value - Input)).ToArray();
        Assert.InRange(SensorRun.Median(noise), -1, 0);
        Assert.InRange(SensorRun.Percentile(noise, 0.025), -22, -18);
        Assert.InRange(SensorRun.Percentile(noise, 0.975), 24, 30);
    }

    private static double Sd(double[] x)
    {
        var mean = x.Average();
        return Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1));
    }

    private static double Autocorrelation(double[] x, int lag)
    {
        var mean = x.Average();
        double num = 0, den = 0;
        for (var i = 0; i < x.Length; i++)
        {
            den += (x[i] - mean) * (x[i] - mean);
            if (i >= lag) num += (x[i] - mean) * (x[i - lag] - mean);
        }
        return num / den;
    }
}
