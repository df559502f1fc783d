using Scenarios.Model;
using static Scenarios.Tests.Loading.ScenarioYaml;

namespace Scenarios.Tests.Loading;

/// <summary>slo: one "&lt;metric&gt; &lt;op&gt; &lt;value&gt;" per item; the first item is at line 11, column 5.</summary>
public class SloValidationTests
{
    private static string Slo(string expression) => With($"slo:\n  - {expression}");

    private static SloSpec Parsed(string expression) => Assert.Single(Load(Slo(expression)).Slos);

    [Theory]
    [InlineData("missed <= 0", "missed", SloOperator.LessOrEqual, 0)]
    [InlineData("false.high < 2", "false.high", SloOperator.Less, 2)]
    [InlineData("delivered.no-data == 1", "delivered.no-data", SloOperator.Equal, 1)]
    [InlineData("readings-never-delivered >= 0", "readings-never-delivered", SloOperator.GreaterOrEqual, 0)]
    [InlineData("too-late.urgent-low>3", "too-late.urgent-low", SloOperator.Greater, 3)]
    public void Count_metrics_take_plain_numbers(string expression, string metric, SloOperator op, double threshold)
    {
        var slo = Parsed(expression);

        Assert.Equal((metric, op, threshold, false), (slo.Metric, slo.Operator, slo.Threshold, slo.IsDuration));
        Assert.Equal(expression, slo.Text);
    }

    [Theory]
    [InlineData("no-data-notice <= 25m", "no-data-notice", 1500)]
    [InlineData("stale-exposure < 1h30m", "stale-exposure", 5400)]
    [InlineData("urgent-low.latency.p95 <= 90s", "urgent-low.latency.p95", 90)]
    [InlineData("latency.max <= 0", "latency.max", 0)]
    public void Duration_metrics_take_durations_stored_in_seconds(string expression, string metric, double seconds)
    {
        var slo = Parsed(expression);

        Assert.Equal((metric, seconds, true), (slo.Metric, slo.Threshold, slo.IsDuration));
    }

    [Fact]
    public void Unknown_metric_gets_a_suggestion()
    {
        Assert.Equal(
            Error(11, 5, "slo[0]", "unknown metric 'missed.urgent_low' (did you mean 'missed.urgent-low'?)"),
            SingleError(Slo("missed.urgent_low == 0")));
    }

    [Fact]
    public void Unknown_metric_with_nothing_close_describes_the_metric_families()
    {
        Assert.Equal(
            Error(11, 5, "slo[0]", "unknown metric 'uptime'; known metrics: counts missed, missed|delivered|late|duplicate|false|too-late.<type>, alert-burst, readings-never-delivered; durations latency.p50|p95|max, <type>.latency.p50|p95|max, no-data-notice, stale-exposure; types urgent-low, low, high, no-data"),
            SingleError(Slo("uptime >= 0.99")));
    }

    [Fact]
    public void Duration_metric_with_a_plain_number_asks_for_a_unit()
    {
        Assert.Equal(
            Error(11, 5, "slo[0]", "no-data-notice is a duration, so '25' needs a unit, e.g. 'no-data-notice <= 25m'"),
            SingleError(Slo("no-data-notice <= 25")));
    }

    [Fact]
    public void Count_metric_with_a_duration_asks_for_a_plain_number()
    {
        Assert.Equal(
            Error(11, 5, "slo[0]", "missed.low is a count, so give a plain number instead of '5m', e.g. 'missed.low == 0'"),
            SingleError(Slo("missed.low == 5m")));
    }

    [Fact]
    public void Count_metric_threshold_cannot_be_negative()
    {
        Assert.Equal(
            Error(11, 5, "slo[0]", "missed counts things, so the threshold cannot be negative"),
            SingleError(Slo("missed >= -1")));
    }

    [Fact]
    public void Single_equals_sign_suggests_double()
    {
        Assert.Equal(
            Error(11, 5, "slo[0]", "unknown operator '=' (did you mean '=='?)"),
            SingleError(Slo("missed = 0")));
    }

    [Fact]
    public void Not_equals_is_not_an_operator()
    {
        Assert.Equal(
            Error(11, 5, "slo[0]", "unknown operator '!='; use one of <=, <, ==, >=, >"),
            SingleError(Slo("missed != 1")));
    }

    [Fact]
    public void Several_problems_in_one_expression_are_reported_together()
    {
        Assert.Equal(
            Error(11, 5, "slo[0]", "unknown metric 'mised' (did you mean 'missed'?), and unknown operator '=<' (did you mean '<='?)"),
            SingleError(Slo("mised =< 0")));
    }

    [Fact]
    public void Text_that_is_not_an_expression_shows_the_format()
    {
        Assert.Equal(
            Error(11, 5, "slo[0]", "'no missed alerts' is not an SLO; write '<metric> <op> <value>' with op one of <=, <, ==, >=, >, e.g. 'missed.urgent-low == 0'"),
            SingleError(Slo("no missed alerts")));
    }

    [Fact]
    public void Slo_items_must_be_text()
    {
        Assert.Equal(
            Error(11, 5, "slo[0]", "expected an expression such as 'missed.urgent-low == 0', found a mapping"),
            SingleError(Slo("{ metric: missed }")));
    }
}
