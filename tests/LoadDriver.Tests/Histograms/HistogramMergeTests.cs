using HdrHistogram;
using LoadDriver.Histograms;
using LoadDriver.Tests.Support;

namespace LoadDriver.Tests.Histograms;

public class HistogramMergeTests
{
    private static (LongHistogram A, LongHistogram B, LongHistogram All) Recorded()
    {
        // A fixed seed: values spread from 1 us to minutes, so many buckets and both ends of the range are exercised.
        var random = new Random(42);
        LongHistogram a = LatencyHistograms.Create(), b = LatencyHistograms.Create(), all = LatencyHistograms.Create();
        for (var i = 0; i < 20_000; i++)
        {
            var micros = (long)Math.Pow(10, random.NextDouble() * 8.5) + 1;
            (i % 3 == 0 ? a : b).RecordValue(micros);
            all.RecordValue(micros);
        }
        return (a, b, all);
    }

    [Fact]
    public void Two_shards_merged_equal_one_histogram_that_recorded_everything()
    {
        var (a, b, all) = Recorded();

        HistogramMerge.Add(a, b);

        Assert.Equal(all.TotalCount, a.TotalCount);
        Assert.Equal(HistogramCounts.Pairs(all), HistogramCounts.Pairs(a));
        Assert.Equal(all.GetValueAtPercentile(99.9), a.GetValueAtPercentile(99.9));
    }

    [Fact]
    public void Shards_written_to_an_interval_log_and_read_back_merge_to_the_same_counts()
    {
        var (a, b, all) = Recorded();
        a.StartTimeStamp = 1_700_000_000_000; a.EndTimeStamp = 1_700_000_001_000;
        b.StartTimeStamp = 1_700_000_001_000; b.EndTimeStamp = 1_700_000_002_000;
        using var log = new MemoryStream();

        IntervalLog.Write(log, DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000), [a, b]);
        log.Position = 0;
        var read = IntervalLog.Read(log);

        Assert.Equal(2, read.Count);
        Assert.Equal(HistogramCounts.Pairs(a), HistogramCounts.Pairs(read[0]));
        Assert.Equal(HistogramCounts.Pairs(all), HistogramCounts.Pairs(HistogramMerge.Sum(read)));
    }

    [Fact]
    public void Merging_widens_the_time_span_to_cover_both()
    {
        var a = LatencyHistograms.Create();
        var b = LatencyHistograms.Create();
        a.StartTimeStamp = 2000; a.EndTimeStamp = 3000;
        b.StartTimeStamp = 1000; b.EndTimeStamp = 4000;

        HistogramMerge.Add(a, b);

        Assert.Equal(1000, a.StartTimeStamp);
        Assert.Equal(4000, a.EndTimeStamp);
    }

    [Fact]
    public void A_source_beyond_the_target_range_is_refused()
    {
        var small = new LongHistogram(1, 1000, 3);
        var big = LatencyHistograms.Create();
        big.RecordValue(1_000_000);

        Assert.Throws<ArgumentException>(() => HistogramMerge.Add(small, big));
    }
}
