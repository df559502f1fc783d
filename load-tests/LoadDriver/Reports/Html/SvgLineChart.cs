using System.Text;

namespace LoadDriver.Reports.Html;

/// <summary>
/// Draws a <see cref="LineChart"/> as inline SVG: axes with rounded ticks, one coloured line per series and a legend.
/// No scripts and no external resources, so a report stays readable offline and from a CI artifact. Output is a pure
/// function of the input (invariant numbers), which is what lets reports be golden-file tested.
/// </summary>
public static class SvgLineChart
{
    /// <summary>Colour-blind-safe (Okabe–Ito) order; a ninth series reuses the first colour.</summary>
    public static readonly IReadOnlyList<string> Palette = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#f0e442", "#000000"];

    private const int Left = 64, Right = 16, Top = 30, Bottom = 64;

    public static string Render(LineChart chart, int width = 760, int height = 280)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var sb = new StringBuilder();
        var title = HtmlText.Escape(chart.Title);
        sb.Append($"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{title}\">");
        sb.Append($"<title>{title}</title>");
        sb.Append($"<text x=\"{Left}\" y=\"18\" class=\"chart-title\">{title}</text>");
        var points = chart.Series.SelectMany(s => s.Points).ToList();
        if (points.Count == 0)
        {
            sb.Append($"<text x=\"{width / 2}\" y=\"{height / 2}\" text-anchor=\"middle\" class=\"chart-empty\">no data</text></svg>");
            return sb.ToString();
        }

        double plotW = width - Left - Right, plotH = height - Top - Bottom;
        // Whole-number X (seconds, minutes) gets whole-number ticks: "second 0.5" is not a second anyone can look up.
        var (x0, x1, xTicks) = Axis(points.Min(p => p.X), points.Max(p => p.X), fromZero: false, integral: points.All(p => p.X == Math.Floor(p.X)));
        var (y0, y1, yTicks) = Axis(0, points.Max(p => p.Y), fromZero: true, integral: false);
        double Px(double x) => Left + (x - x0) / (x1 - x0) * plotW;
        double Py(double y) => Top + plotH - (y - y0) / (y1 - y0) * plotH;

        // Grid and tick labels first, so the lines are drawn over them.
        foreach (var t in yTicks)
        {
            var y = N(Py(t));
            sb.Append($"<line x1=\"{Left}\" y1=\"{y}\" x2=\"{N(Left + plotW)}\" y2=\"{y}\" class=\"grid\"/>");
            sb.Append($"<text x=\"{Left - 6}\" y=\"{y}\" text-anchor=\"end\" dominant-baseline=\"middle\" class=\"tick\">{HtmlText.Number(t)}</text>");
        }
        foreach (var t in xTicks)
        {
            var x = N(Px(t));
            sb.Append($"<line x1=\"{x}\" y1=\"{N(Top + plotH)}\" x2=\"{x}\" y2=\"{N(Top + plotH + 4)}\" class=\"axis\"/>");
            sb.Append($"<text x=\"{x}\" y=\"{N(Top + plotH + 16)}\" text-anchor=\"middle\" class=\"tick\">{HtmlText.Number(t)}</text>");
        }
        sb.Append($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{N(Top + plotH)}\" class=\"axis\"/>");
        sb.Append($"<line x1=\"{Left}\" y1=\"{N(Top + plotH)}\" x2=\"{N(Left + plotW)}\" y2=\"{N(Top + plotH)}\" class=\"axis\"/>");
        sb.Append($"<text x=\"{N(Left + plotW / 2)}\" y=\"{N(Top + plotH + 32)}\" text-anchor=\"middle\" class=\"axis-label\">{HtmlText.Escape(chart.XLabel)}</text>");
        sb.Append($"<text x=\"14\" y=\"{N(Top + plotH / 2)}\" text-anchor=\"middle\" transform=\"rotate(-90 14 {N(Top + plotH / 2)})\" class=\"axis-label\">{HtmlText.Escape(chart.YLabel)}</text>");

        var legendX = (double)Left;
        for (var i = 0; i < chart.Series.Count; i++)
        {
            var series = chart.Series[i];
            var colour = Palette[i % Palette.Count];
            var name = HtmlText.Escape(series.Name);
            if (series.Points.Count == 1)
            {
                var p = series.Points[0];
                sb.Append($"<circle cx=\"{N(Px(p.X))}\" cy=\"{N(Py(p.Y))}\" r=\"3\" fill=\"{colour}\"><title>{name}</title></circle>");
            }
            else if (series.Points.Count > 1)
            {
                var path = string.Join(" ", series.Points.Select(p => $"{N(Px(p.X))},{N(Py(p.Y))}"));
                sb.Append($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{path}\"><title>{name}</title></polyline>");
            }
            var legendY = N(height - 12);
            sb.Append($"<rect x=\"{N(legendX)}\" y=\"{N(height - 21)}\" width=\"12\" height=\"12\" fill=\"{colour}\"/>");
            sb.Append($"<text x=\"{N(legendX + 16)}\" y=\"{legendY}\" dominant-baseline=\"middle\" class=\"legend\">{name}</text>");
            legendX += 28 + 7 * series.Name.Length;
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>An axis from a rounded-down start to a rounded-up end, with about five ticks at 1, 2 or 5 times a power of ten.</summary>
    private static (double Min, double Max, List<double> Ticks) Axis(double min, double max, bool fromZero, bool integral)
    {
        if (fromZero) min = Math.Min(0, min);
        if (max <= min) max = min + 1;
        var step = NiceStep((max - min) / 5);
        if (integral) step = Math.Max(1, step);
        var lo = Math.Floor(min / step) * step;
        var hi = Math.Ceiling(max / step) * step;
        var ticks = new List<double>();
        for (var i = 0; lo + i * step <= hi + step / 1e6; i++) ticks.Add(Math.Round(lo + i * step, 10));
        return (lo, hi, ticks);
    }

    private static double NiceStep(double rough)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / power;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    }

    private static string N(double v) => HtmlText.Number(v, 1);
}
