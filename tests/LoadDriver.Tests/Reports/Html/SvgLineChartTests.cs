using LoadDriver.Reports.Html;

namespace LoadDriver.Tests.Reports.Html;

public class SvgLineChartTests
{
    [Fact]
    public void Each_series_is_one_line_with_its_name_in_the_legend_and_ticks_are_round_numbers()
    {
        var chart = new LineChart("Backlog", "minute", "readings", [
            new ChartSeries("queued", [new(0, 0), new(1, 180), new(2, 37)]),
            new ChartSeries("delivered <late>", [new(0, 0), new(1, 20), new(2, 160)]),
        ]);

        var svg = SvgLineChart.Render(chart);

        Assert.Equal(2, svg.Split("<polyline ").Length - 1);
        Assert.Contains($"stroke=\"{SvgLineChart.Palette[0]}\"", svg, StringComparison.Ordinal);
        Assert.Contains($"stroke=\"{SvgLineChart.Palette[1]}\"", svg, StringComparison.Ordinal);
        Assert.Contains(">delivered &lt;late&gt;</text>", svg, StringComparison.Ordinal);
        // Y runs from 0 to the first round number at or above 180, in steps of 50.
        foreach (var tick in new[] { "0", "50", "100", "150", "200" })
            Assert.Contains($"class=\"tick\">{tick}</text>", svg, StringComparison.Ordinal);
        Assert.StartsWith("<svg ", svg, StringComparison.Ordinal);
        Assert.EndsWith("</svg>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chart_without_points_says_so_and_a_single_point_is_a_dot()
    {
        Assert.Contains(">no data</text>", SvgLineChart.Render(new LineChart("Empty", "x", "y", [])), StringComparison.Ordinal);
        Assert.Contains("<circle ", SvgLineChart.Render(new LineChart("One", "x", "y", [new ChartSeries("a", [new(3, 4)])])), StringComparison.Ordinal);
    }

    [Fact]
    public void Series_built_from_rows_take_one_point_per_row()
    {
        var rows = new[] { (Second: 0, Ok: 5.0, Bad: 1.0), (Second: 1, Ok: 7.0, Bad: 0.0) };

        var chart = LineChart.Of("t", "s", "n", rows, r => r.Second, ("ok", r => r.Ok), ("bad", r => r.Bad));

        Assert.Equal(["ok", "bad"], chart.Series.Select(s => s.Name));
        Assert.Equal([new ChartPoint(0, 5), new ChartPoint(1, 7)], chart.Series[0].Points);
    }
}
