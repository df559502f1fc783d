using Simulator.Reports;
using Simulator.Tests.Support;

namespace Simulator.Tests.Reports;

public sealed class ReportJsonWriterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("report-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Report_json_keeps_its_versioned_shape()
    {
        var path = Path.Combine(_dir, "report.json");

        await ReportJsonWriter.WriteAsync(SampleRun.Report("reference-system/resilient"), path, CancellationToken.None);

        Golden.Match(await File.ReadAllTextAsync(path), "report");
        Assert.False(File.Exists(path + ".tmp"), "the temporary file is moved into place");
    }

    [Fact]
    public async Task A_written_report_reads_back_with_the_same_verdicts_and_figures()
    {
        var report = SampleRun.Report("reference-system/resilient");
        var path = Path.Combine(_dir, "report.json");
        await ReportJsonWriter.WriteAsync(report, path, CancellationToken.None);

        var read = ReportJsonWriter.Read(path);

        Assert.Equal(report.Verdict, read.Verdict);
        Assert.Equal(report.Slos.Select(s => (s.Expression, s.Met, s.Value)), read.Slos.Select(s => (s.Expression, s.Met, s.Value)));
        Assert.Equal(report.Scorecard.Total.Missed, read.Scorecard.Total.Missed);
        Assert.Equal(report.Scenario.Seed, read.Scenario.Seed);
    }
}
