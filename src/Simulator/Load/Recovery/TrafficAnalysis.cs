using HdrHistogram;
using LoadDriver.Histograms;
using LoadDriver.Targets;

namespace Simulator.Load.Recovery;

/// <summary>One virtual minute of requests: how many, how many failed, and their latencies.</summary>
internal sealed class TrafficMinute
{
    public long Requests { get; set; }
    public long Errors { get; set; }
    public LongHistogram Latency { get; } = LatencyHistograms.Create();
}

/// <summary>
/// Error and latency curves per virtual minute of the live phase. Polls are the follower system's Share reads as the
/// relay timed them (real milliseconds from arrival to the whole answer); uploads are the phones' uploads as the load
/// driver measured them (corrected for coordinated omission, from each upload's due time), placed in the virtual minute
/// their real second starts in.
/// </summary>
internal sealed class TrafficAnalysis
{
    private readonly DateTimeOffset _from;
    private readonly Dictionary<long, TrafficMinute> _polls = [];
    private readonly Dictionary<long, TrafficMinute> _uploads = [];
    private readonly LongHistogram _pollTotal = LatencyHistograms.Create();
    private readonly LongHistogram _uploadTotal = LatencyHistograms.Create();
    private readonly Dictionary<string, long> _pollErrors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _uploadErrors = new(StringComparer.Ordinal);
    private long _pollCount, _pollErrorCount, _uploadCount, _uploadErrorCount;

    /// <param name="from">The origin of the minutes (recovery).</param>
    /// <param name="until">The end of the live phase: reads the follower system still made while it was being stopped are not counted.</param>
    public TrafficAnalysis(DateTimeOffset from, DateTimeOffset until, IReadOnlyList<RelayedCall> calls, IReadOnlyList<UploadSegment> uploads, double speed)
    {
        _from = from;
        foreach (var call in calls.Where(c => c.IsRead && c.At <= until))
        {
            var minute = Minute(_polls, call.At);
            var latency = TimeSpan.FromMilliseconds(call.RealMilliseconds);
            minute.Requests++;
            LatencyHistograms.Record(minute.Latency, latency);
            LatencyHistograms.Record(_pollTotal, latency);
            _pollCount++;
            if (call.Status != 200)
            {
                minute.Errors++;
                _pollErrorCount++;
                var kind = call.Status != 0 ? (call.Status >= 500 ? "5xx" : "4xx") : call.CallerGaveUp ? "gave-up" : "connection";
                _pollErrors[kind] = _pollErrors.GetValueOrDefault(kind) + 1;
            }
        }
        foreach (var segment in uploads)
        {
            var result = segment.Result;
            HistogramMerge.Add(_uploadTotal, result.Corrected);
            _uploadCount += result.Requests;
            _uploadErrorCount += result.Errors;
            foreach (var (kind, count) in result.ErrorsByKind)
                _uploadErrors[Outcome.Label(kind)] = _uploadErrors.GetValueOrDefault(Outcome.Label(kind)) + count;
            foreach (var interval in result.Intervals)
            {
                // The start of the real second, in virtual time from the round's start: never after the requests in it
                // completed, so every upload lands in a minute of the live phase.
                var at = segment.VirtualStart + TimeSpan.FromSeconds(interval.Second * speed);
                var minute = Minute(_uploads, at);
                minute.Requests += interval.Requests;
                minute.Errors += interval.Errors;
                HistogramMerge.Add(minute.Latency, interval.Latency);
            }
        }
    }

    public TrafficFigures PollFigures => Figures(_pollCount, _pollErrorCount, _pollTotal, _pollErrors);
    public TrafficFigures UploadFigures => Figures(_uploadCount, _uploadErrorCount, _uploadTotal, _uploadErrors);

    public TrafficMinute? PollsIn(long minute) => _polls.GetValueOrDefault(minute);
    public TrafficMinute? UploadsIn(long minute) => _uploads.GetValueOrDefault(minute);

    /// <summary>Whole virtual minutes from the analysis origin (floor, so the minute before it is −1).</summary>
    public long MinuteOf(DateTimeOffset at) => (long)Math.Floor((at - _from).TotalMinutes);

    private TrafficMinute Minute(Dictionary<long, TrafficMinute> minutes, DateTimeOffset at)
    {
        var key = MinuteOf(at);
        if (!minutes.TryGetValue(key, out var minute)) minutes[key] = minute = new TrafficMinute();
        return minute;
    }

    private static TrafficFigures Figures(long requests, long errors, LongHistogram latency, Dictionary<string, long> byKind) => new(
        requests, errors,
        Math.Round(LatencyHistograms.PercentileMs(latency, 50), 3),
        Math.Round(LatencyHistograms.PercentileMs(latency, 99), 3),
        Math.Round(LatencyHistograms.MaxMs(latency), 3),
        new SortedDictionary<string, long>(byKind, StringComparer.Ordinal));
}
