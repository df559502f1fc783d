using Scenarios.Loading;

namespace Scenarios.Tests.Loading;

public class HumanDurationTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("20m", 1200)]
    [InlineData("3h", 10800)]
    [InlineData("4d", 345600)]
    [InlineData("1h30m", 5400)]
    [InlineData("1d12h", 129600)]
    [InlineData("1d2h3m4s", 93784)]
    [InlineData("0", 0)]
    [InlineData("0s", 0)]
    [InlineData(" 5m ", 300)]
    public void Parses_whole_numbers_with_units(string text, int seconds)
    {
        Assert.True(HumanDuration.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromSeconds(seconds), value);
    }

    [Theory]
    [InlineData("1.5h")]
    [InlineData("90")]
    [InlineData("30m1h")]
    [InlineData("1h1h")]
    [InlineData("5M")]
    [InlineData("-5m")]
    [InlineData("")]
    [InlineData("1ms")]
    public void Rejects_anything_else(string text)
    {
        Assert.False(HumanDuration.TryParse(text, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(45, "45s")]
    [InlineData(5400, "1h30m")]
    [InlineData(129600, "1d12h")]
    [InlineData(93784, "1d2h3m4s")]
    public void Formats_in_the_shortest_form_that_reads_back(int seconds, string text)
    {
        Assert.Equal(text, HumanDuration.Format(TimeSpan.FromSeconds(seconds)));
        Assert.True(HumanDuration.TryParse(text, out var back));
        Assert.Equal(TimeSpan.FromSeconds(seconds), back);
    }
}
