using LoadDriver.Reports;
using LoadDriver.Tests.Support;
using LoadDriver.Thresholds;

namespace LoadDriver.Tests.Reports;

public class LoadReportJsonTests
{
    [Fact]
    public async Task A_report_round_trips_through_json_with_totals_percentiles_series_and_thresholds()
    {
        var result = Results.Sample(errors: 2);
        var report = LoadReport.From(result, ThresholdVerdict.Evaluate(result, [Threshold.Parse("p99 <= 50ms"), Threshold.Parse("errors < 1%")]));
        var path = Path.Combine(Path.GetTempPath(), $"load-report-{Guid.NewGuid():N}.json");

        try
        {
            await LoadReportJson.WriteAsync(report, path, CancellationToken.None);
            var json = await File.ReadAllTextAsync(path);
            var back = LoadReportJson.Deserialize(json);

            // Records holding lists compare by reference, so compare the re-serialised text instead.
            Assert.Equal(json, LoadReportJson.Serialize(back));
            Assert.Equal(100, back.Totals.Requests);
            Assert.Equal(2, back.Totals.ErrorsByKind["5xx"]);
            Assert.Equal(2, back.ExitCode);
            Assert.False(back.Passed);
            Assert.InRange(back.Corrected.P99Ms, 39.9, 40.1);
            Assert.Single(back.Intervals);
            Assert.Contains("\"p99Ms\"", json, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
