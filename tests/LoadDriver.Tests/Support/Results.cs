using LoadDriver.Histograms;
using LoadDriver.Models;
using LoadDriver.Running;
using LoadDriver.Targets;

namespace LoadDriver.Tests.Support;

/// <summary>Hand-made results for tests of what happens after a run (thresholds, reports).</summary>
public static class Results
{
    /// <summary>100 requests: 98 at 10 ms, one at 40 ms, one at 80 ms, with <paramref name="errors"/> 5xx among them.</summary>
    public static LoadResult Sample(int errors = 0)
    {
        var corrected = LatencyHistograms.Create();
        var raw = LatencyHistograms.Create();
        var interval = new IntervalStats(0);
        for (var i = 0; i < 100; i++)
        {
            var ms = i == 98 ? 40 : i == 99 ? 80 : 10;
            LatencyHistograms.Record(corrected, TimeSpan.FromMilliseconds(ms));
            LatencyHistograms.Record(raw, TimeSpan.FromMilliseconds(ms));
            LatencyHistograms.Record(interval.Latency, TimeSpan.FromMilliseconds(ms));
        }
        var byKind = errors == 0 ? new Dictionary<ErrorKind, long>() : new Dictionary<ErrorKind, long> { [ErrorKind.Status5xx] = errors };
        return new LoadResult(new ConstantRate(100, TimeSpan.FromSeconds(1), 100), new Uri("http://127.0.0.1:5000/"),
            DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), TimeSpan.FromSeconds(1), 100, byKind, corrected, raw, [interval]);
    }
}
