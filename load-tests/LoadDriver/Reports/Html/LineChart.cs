namespace LoadDriver.Reports.Html;

public readonly record struct ChartPoint(double X, double Y);

/// <summary>One named line of a chart; points in ascending X.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points);

/// <summary>A line chart of named series over a shared X axis (e.g. seconds of a run), drawn by <see cref="SvgLineChart"/>.</summary>
public sealed record LineChart(string Title, string XLabel, string YLabel, IReadOnlyList<ChartSeries> Series)
{
    /// <summary>One series per name, each point taken from the same rows: the usual shape of a per-second time series.</summary>
    public static LineChart Of<T>(string title, string xLabel, string yLabel, IReadOnlyList<T> rows, Func<T, double> x,
        params (string Name, Func<T, double> Y)[] series) =>
        new(title, xLabel, yLabel, [.. series.Select(s => new ChartSeries(s.Name, [.. rows.Select(r => new ChartPoint(x(r), s.Y(r)))]))]);
}
