using LoadDriver.Tests.Support;
using LoadDriver.Thresholds;

namespace LoadDriver.Tests.Thresholds;

public class ThresholdTests
{
    // The sample: p50 10 ms, p99 40 ms, max 80 ms (HdrHistogram reports the bucket's highest equivalent value, hence ranges).

    [Theory]
    [InlineData("p99 <= 50ms", true)]
    [InlineData("p99 <= 30ms", false)]
    [InlineData("p50 < 11ms", true)]
    [InlineData("max < 0.1s", true)]
    [InlineData("max <= 50000us", false)]
    [InlineData("p99.9 >= 79ms", true)]
    [InlineData("mean < 5ms", false)]
    public void Latency_thresholds_read_the_corrected_histogram(string expression, bool passes)
    {
        Assert.Equal(passes, Threshold.Parse(expression).Evaluate(Results.Sample()).Passed);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)] // exactly 1% is not below 1%
    [InlineData(5, false)]
    public void The_error_threshold_is_a_percentage_of_completed_requests(int errors, bool passes)
    {
        var result = Threshold.Parse("errors < 1%").Evaluate(Results.Sample(errors));

        Assert.Equal(passes, result.Passed);
        Assert.Equal(errors, result.Actual, 9);
    }

    [Fact]
    public void All_thresholds_passing_exits_0_and_any_failing_exits_2()
    {
        var ok = ThresholdVerdict.Evaluate(Results.Sample(), [Threshold.Parse("p99 <= 50ms"), Threshold.Parse("errors < 1%")]);
        var bad = ThresholdVerdict.Evaluate(Results.Sample(errors: 3), [Threshold.Parse("p99 <= 50ms"), Threshold.Parse("errors < 1%")]);

        Assert.True(ok.Passed);
        Assert.Equal(0, ok.ExitCode);
        Assert.False(bad.Passed);
        Assert.Equal(2, bad.ExitCode);
        Assert.Equal([true, false], bad.Results.Select(r => r.Passed));
    }

    [Theory]
    [InlineData("p99 50ms")]
    [InlineData("errors < 1ms")]
    [InlineData("p99 < 1%")]
    [InlineData("rps > 10")]
    public void Malformed_thresholds_are_rejected(string expression)
    {
        Assert.Throws<FormatException>(() => Threshold.Parse(expression));
    }
}
