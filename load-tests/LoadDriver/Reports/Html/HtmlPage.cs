using System.Text;

namespace LoadDriver.Reports.Html;

/// <summary>One row of an <see cref="HtmlPage.Table"/>; <see cref="CssClass"/> may be <c>pass</c> or <c>fail</c>.</summary>
public sealed record TableRow(IReadOnlyList<string> Cells, string? CssClass = null);

/// <summary>
/// A self-contained HTML page built section by section: inline CSS, inline SVG charts, no scripts and nothing fetched
/// from the network, so it opens the same from a CI artifact, an e-mail or a laptop offline. Every text argument is
/// escaped here; callers pass plain text. Shared by the load report and any other report that wants the same look.
/// </summary>
public sealed class HtmlPage(string title)
{
    private const string Style = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;margin:24px auto;max-width:820px;padding:0 16px}
        h1{font-size:22px;margin:0 0 12px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
        table{border-collapse:collapse;margin:8px 0}th,td{padding:4px 10px;border-bottom:1px solid #e6e6e6;text-align:right}
        th:first-child,td:first-child{text-align:left}thead th{background:#f4f4f4}
        dl{display:grid;grid-template-columns:max-content auto;gap:2px 16px;margin:8px 0}dt{color:#555}dd{margin:0}
        .pass{color:#05683a}.fail{color:#b00020;font-weight:600}tr.fail td{background:#fff0f0}
        .note{color:#555;font-size:13px}
        svg.chart{display:block;margin:8px 0;max-width:100%;height:auto}
        .chart-title{font-size:13px;font-weight:600}.tick,.legend{font-size:11px;fill:#333}.axis-label{font-size:11px;fill:#555}
        .axis{stroke:#888}.grid{stroke:#eee}.chart-empty{fill:#888}
        """;

    private readonly StringBuilder _body = new();

    public HtmlPage Heading(string text)
    {
        _body.Append("<h2>").Append(HtmlText.Escape(text)).Append("</h2>\n");
        return this;
    }

    public HtmlPage Paragraph(string text, string? cssClass = null)
    {
        _body.Append(cssClass is null ? "<p>" : $"<p class=\"{HtmlText.Escape(cssClass)}\">").Append(HtmlText.Escape(text)).Append("</p>\n");
        return this;
    }

    /// <summary>A list of name/value pairs (what was run, totals).</summary>
    public HtmlPage Facts(IEnumerable<(string Name, string Value)> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        _body.Append("<dl>\n");
        foreach (var (name, value) in facts)
            _body.Append("<dt>").Append(HtmlText.Escape(name)).Append("</dt><dd>").Append(HtmlText.Escape(value)).Append("</dd>\n");
        _body.Append("</dl>\n");
        return this;
    }

    public HtmlPage Table(IReadOnlyList<string> headers, IEnumerable<TableRow> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        _body.Append("<table>\n<thead><tr>");
        foreach (var h in headers) _body.Append("<th scope=\"col\">").Append(HtmlText.Escape(h)).Append("</th>");
        _body.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            _body.Append(row.CssClass is null ? "<tr>" : $"<tr class=\"{HtmlText.Escape(row.CssClass)}\">");
            for (var i = 0; i < row.Cells.Count; i++)
                _body.Append(i == 0 ? "<th scope=\"row\">" : "<td>").Append(HtmlText.Escape(row.Cells[i])).Append(i == 0 ? "</th>" : "</td>");
            _body.Append("</tr>\n");
        }
        _body.Append("</tbody>\n</table>\n");
        return this;
    }

    public HtmlPage Chart(LineChart chart)
    {
        _body.Append(SvgLineChart.Render(chart)).Append('\n');
        return this;
    }

    public string Render() =>
        $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{HtmlText.Escape(title)}</title>
        <style>
        {Style}
        </style>
        </head>
        <body>
        <h1>{HtmlText.Escape(title)}</h1>
        {_body}</body>
        </html>

        """;
}
