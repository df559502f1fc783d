using LoadDriver.Reports;
using LoadDriver.Tests.Support;
using LoadDriver.Thresholds;

namespace LoadDriver.Tests.Reports;

public class LoadReportHtmlTests
{
    /// <summary>Three seconds with a 5xx burst in the middle one and a timeout in the last; one threshold holds, one fails.</summary>
    private static LoadReport Sample(string model = "constant 100/s for 3s") => new(
        model,
        "http://127.0.0.1:5080/api/v1/entries",
        new DateTimeOffset(2026, 11, 24, 9, 30, 0, 125, TimeSpan.Zero),
        3.004,
        new LoadTotals(300, 13, 4.333, new Dictionary<string, long> { ["5xx"] = 12, ["timeout"] = 1 }, 99.87),
        new LatencySummary(300, 2.1, 4.5, 6.2, 41.3, 250.1, 250.1, 5.2),
        new LatencySummary(300, 1.9, 3.1, 3.8, 9.7, 30.2, 30.2, 2.4),
        [
            new IntervalReport(0, 100, 0, new Dictionary<string, long>(), 2.0, 3.1, 4.0),
            new IntervalReport(1, 98, 12, new Dictionary<string, long> { ["5xx"] = 12 }, 2.3, 30.5, 48.2),
            new IntervalReport(2, 102, 1, new Dictionary<string, long> { ["timeout"] = 1 }, 2.0, 3.4, 250.1),
        ],
        [new ThresholdResult("p99 <= 50ms", 41.3, true), new ThresholdResult("errors < 1%", 4.333, false)],
        Passed: false,
        ExitCode: 2);

    [Fact]
    public void The_html_report_reads_as_approved()
    {
        Golden.Match(LoadReportHtml.Render(Sample()), "load-report", "html");
    }

    [Fact]
    public void The_page_is_self_contained_no_scripts_nothing_fetched()
    {
        var html = LoadReportHtml.Render(Sample());

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3, html.Split("<svg ").Length - 1); // rate, errors by kind, p50/p95/p99
    }

    [Fact]
    public void Every_text_is_escaped()
    {
        var html = LoadReportHtml.Render(Sample(model: "<script>alert('x')</script> & \"more\""));

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;", html, StringComparison.Ordinal);
    }
}
