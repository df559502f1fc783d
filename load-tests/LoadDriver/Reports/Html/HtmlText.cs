using System.Globalization;
using System.Text;

namespace LoadDriver.Reports.Html;

/// <summary>Escaping and number formatting shared by every page and chart, so all text goes through one door.</summary>
public static class HtmlText
{
    /// <summary>Escapes text for element content and quoted attribute values alike.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 16);
        foreach (var ch in text)
        {
            sb.Append(ch switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => ch.ToString(),
            });
        }
        return sb.ToString();
    }

    /// <summary>A number as reports show it: invariant culture, at most <paramref name="decimals"/> decimals, no trailing zeros.</summary>
    public static string Number(double value, int decimals = 2) =>
        Math.Round(value, decimals).ToString("0." + new string('#', Math.Max(1, decimals)), CultureInfo.InvariantCulture);
}
