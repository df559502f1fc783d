using LoadDriver.Options;

namespace LoadDriver.Tests.Options;

public class DurationTextTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("10s", 10_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("2m", 120_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1s250ms", 1_250)]
    public void Durations_read_as_people_type_them(string text, double milliseconds)
    {
        Assert.True(DurationText.TryParse(text, "--duration", out var value, out var error), error);
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }

    [Theory]
    [InlineData("10", "--duration '10' has no unit; write e.g. --duration 10s or --duration 10ms.")]
    [InlineData("-5s", "--duration '-5s' is negative; give a positive duration, e.g. --duration 10s.")]
    [InlineData("0s", "--duration '0s' is zero; give a positive duration, e.g. --duration 10s.")]
    [InlineData("30s1m", "--duration '30s1m' is not a duration; write a number and a unit (ms, s, m, h), largest first, e.g. 500ms, 10s, 1m30s.")]
    [InlineData("ten seconds", "--duration 'ten seconds' is not a duration; write a number and a unit (ms, s, m, h), largest first, e.g. 500ms, 10s, 1m30s.")]
    [InlineData("", "--duration has no value; give a duration such as 10s, 500ms or 2m.")]
    public void A_bad_duration_says_what_to_write_instead(string text, string message)
    {
        Assert.False(DurationText.TryParse(text, "--duration", out _, out var error));
        Assert.Equal(message, error);
    }

    [Theory]
    [InlineData(500, "500ms")]
    [InlineData(10_000, "10s")]
    [InlineData(90_000, "1m30s")]
    [InlineData(1_500, "1500ms")]
    public void Format_reads_back_the_same(double milliseconds, string text)
    {
        Assert.Equal(text, DurationText.Format(TimeSpan.FromMilliseconds(milliseconds)));
        Assert.True(DurationText.TryParse(text, "--x", out var back, out _));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), back);
    }
}
