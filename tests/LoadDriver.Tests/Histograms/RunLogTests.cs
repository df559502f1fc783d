using LoadDriver.Histograms;
using LoadDriver.Models;
using LoadDriver.Running;
using LoadDriver.Sharding;
using LoadDriver.Targets;
using LoadDriver.Tests.Support;

namespace LoadDriver.Tests.Histograms;

public class RunLogTests
{
    /// <summary>A real run against a fake target: 3 seconds of 20/s, every 4th request a 503 and every 10th a timeout.</summary>
    private static async Task<LoadResult> RunAsync()
    {
        var runner = new LoadRunner(TimeProvider.System);
        Task<Outcome> Send(long index, CancellationToken _) =>
            index % 10 == 0 ? throw new TimeoutException() : Task.FromResult(Outcome.FromStatus(index % 4 == 0 ? 503 : 200));
        return await runner.RunAsync(new Bursts([new(TimeSpan.Zero, 20), new(TimeSpan.FromSeconds(1), 20), new(TimeSpan.FromMilliseconds(1100), 20)],
            TimeSpan.FromSeconds(2), 1000), new Uri("http://127.0.0.1:9/"), Send, Shard.Whole, CancellationToken.None);
    }

    [Fact]
    public async Task A_run_written_to_an_interval_log_reads_back_with_the_same_counts_errors_and_seconds()
    {
        var run = await RunAsync();
        using var log = new MemoryStream();

        RunLog.Write(log, run, new Shard(1, 3));
        log.Position = 0;
        var back = RunLog.Read(log);

        Assert.Equal(60, run.Requests);
        Assert.Equal(run.Requests, back.Requests);
        Assert.Equal(run.ErrorsByKind.OrderBy(e => e.Key), back.ErrorsByKind.OrderBy(e => e.Key));
        Assert.Equal(6, back.ErrorsByKind[ErrorKind.Timeout]);
        Assert.Equal(HistogramCounts.Pairs(run.Corrected), HistogramCounts.Pairs(back.Corrected));
        Assert.Equal(HistogramCounts.Pairs(run.Raw), HistogramCounts.Pairs(back.Raw));
        Assert.Equal(run.Intervals.Select(i => (i.Second, i.Requests, i.Errors)), back.Intervals.Select(i => (i.Second, i.Requests, i.Errors)));
        Assert.Equal(run.StartedAt.ToUnixTimeMilliseconds(), back.StartedAt.ToUnixTimeMilliseconds());
        Assert.Equal(run.Elapsed.TotalSeconds, back.Elapsed.TotalSeconds, 6);
        Assert.Equal(run.Model.Describe(), back.Model.Describe());
        Assert.IsType<RecordedModel>(back.Model);
    }

    [Fact]
    public async Task The_log_is_plain_hdrhistogram_text_with_a_tagged_line_per_error_kind_and_one_raw_line()
    {
        var run = await RunAsync();
        using var log = new MemoryStream();

        RunLog.Write(log, run, Shard.Whole);
        var lines = System.Text.Encoding.UTF8.GetString(log.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("#[Histogram log format version 1.3]", lines[0]);
        Assert.StartsWith("#[StartTime: ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("#[BaseTime: ", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("#loaddriver {\"model\":\"3 bursts over 2s\"", lines[3], StringComparison.Ordinal);
        Assert.All(lines, l => Assert.True(l.All(char.IsAscii), l));
        var intervals = lines.Where(l => !l.StartsWith('#') && !l.StartsWith('"')).ToList();
        Assert.Equal(run.Intervals.Count, intervals.Count(l => !l.StartsWith("Tag=", StringComparison.Ordinal)));
        Assert.Contains(intervals, l => l.StartsWith("Tag=errors-5xx,0.000,1.000,", StringComparison.Ordinal));
        Assert.Contains(intervals, l => l.StartsWith("Tag=errors-timeout,1.000,1.000,", StringComparison.Ordinal));
        Assert.Single(intervals, l => l.StartsWith("Tag=raw,0.000,", StringComparison.Ordinal));
    }

    [Fact]
    public void A_log_with_a_broken_line_is_refused_with_its_line_number()
    {
        var text = "#[Histogram log format version 1.3]\n#[StartTime: 1700000000.000 (seconds since epoch)]\n\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\",\"Interval_Compressed_Histogram\"\n0.000,1.000,not a histogram\n";

        var e = Assert.Throws<InvalidDataException>(() => RunLog.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text))));

        Assert.Equal("line 4: not an interval (start,length,max,histogram)", e.Message);
    }

    [Fact]
    public async Task The_same_run_merged_with_itself_doubles_every_count()
    {
        var run = await RunAsync();

        var merged = RunMerge.Merge([run, run]);

        Assert.Equal(2 * run.Requests, merged.Requests);
        Assert.Equal(2 * run.Corrected.TotalCount, merged.Corrected.TotalCount);
        Assert.Equal(2 * run.Raw.TotalCount, merged.Raw.TotalCount);
        Assert.Equal(12, merged.ErrorsByKind[ErrorKind.Timeout]);
        Assert.Equal("3 bursts over 2s (2 logs merged)", merged.Model.Describe());
    }
}
