using LoadDriver.Models;
using LoadDriver.Sharding;
using LoadDriver.Targets;

namespace LoadDriver.Running;

/// <summary>
/// Runs a <see cref="LoadModel"/> against a request delegate and measures every request twice: from its intended
/// send time (corrected) and from its actual send time (raw service time). Only loopback targets are accepted.
/// </summary>
public sealed class LoadRunner(TimeProvider clock, TimeSpan? requestTimeout = null)
{
    /// <summary>Long enough for a stalled target to show as latency, short enough that a hung one ends the run.</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);

    private readonly TimeSpan _requestTimeout = requestTimeout ?? DefaultRequestTimeout;

    /// <param name="target">Where <paramref name="send"/> sends; checked by <see cref="LoopbackGuard"/> before anything is sent.</param>
    /// <param name="send">Sends one request. Exceptions count as errors: timeouts, connection failures, anything else.</param>
    public Task<LoadResult> RunAsync(LoadModel model, Uri target, Func<CancellationToken, Task<Outcome>> send, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(send);
        return RunAsync(model, target, (_, t) => send(t), Shard.Whole, ct);
    }

    /// <param name="send">Sends request number <c>index</c> of the whole schedule (open model) or of this shard's
    /// requests (closed model, where requests have no schedule).</param>
    /// <param name="shard">Which part of the load this process sends; <see cref="Shard.Whole"/> for all of it.</param>
    public async Task<LoadResult> RunAsync(LoadModel model, Uri target, Func<long, CancellationToken, Task<Outcome>> send, Shard shard, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(send);
        LoopbackGuard.Ensure(target);

        var recorder = new LatencyRecorder();
        var startedAt = clock.GetUtcNow();
        var start = clock.GetTimestamp();
        switch (model)
        {
            case OpenModel open: await RunOpenAsync(open, send, shard, recorder, start, ct); break;
            case ClosedModel closed: await RunClosedAsync(closed, send, shard, recorder, start, ct); break;
            default: throw new NotSupportedException($"No runner for {model.GetType().Name}.");
        }
        var elapsed = clock.GetElapsedTime(start);

        var intervals = recorder.Intervals();
        // Interval histograms carry their wall-clock span, which is what an HdrHistogram interval log records.
        var startMs = startedAt.ToUnixTimeMilliseconds();
        foreach (var interval in intervals)
        {
            interval.Latency.StartTimeStamp = startMs + interval.Second * 1000L;
            interval.Latency.EndTimeStamp = startMs + (interval.Second + 1) * 1000L;
        }
        recorder.Corrected.StartTimeStamp = recorder.Raw.StartTimeStamp = startMs;
        recorder.Corrected.EndTimeStamp = recorder.Raw.EndTimeStamp = startMs + (long)elapsed.TotalMilliseconds;

        return new LoadResult(model, target, startedAt, elapsed, recorder.Requests,
            new Dictionary<ErrorKind, long>(recorder.ErrorsByKind), recorder.Corrected, recorder.Raw, intervals);
    }

    private async Task RunOpenAsync(OpenModel model, Func<long, CancellationToken, Task<Outcome>> send, Shard shard, LatencyRecorder recorder, long start, CancellationToken ct)
    {
        using var slots = new SemaphoreSlim(model.MaxInFlight, model.MaxInFlight);
        try
        {
            foreach (var (index, offset) in model.IndexedSchedule())
            {
                if (!shard.Owns(index)) continue;
                var wait = offset - clock.GetElapsedTime(start);
                if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, ct);
                // When every slot is busy the request waits here, late; its corrected latency still starts at `offset`.
                await slots.WaitAsync(ct);
                _ = SendAndReleaseAsync(index, offset);
            }
        }
        finally
        {
            // Drain: owning every slot means every request has finished and been recorded.
            for (var i = 0; i < model.MaxInFlight; i++) await slots.WaitAsync(CancellationToken.None);
        }

        async Task SendAndReleaseAsync(long index, TimeSpan intended)
        {
            try { await SendOneAsync(t => send(index, t), recorder, start, intended, ct); }
            finally { slots.Release(); }
        }
    }

    private async Task RunClosedAsync(ClosedModel model, Func<long, CancellationToken, Task<Outcome>> send, Shard shard, LatencyRecorder recorder, long start, CancellationToken ct)
    {
        // A closed load has no schedule to deal out: each shard runs its share of the workers and of the request budget.
        var concurrency = (int)shard.ShareOf(model.Concurrency);
        var maxRequests = shard.ShareOf(model.MaxRequests);
        long started = 0;
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            // Yield first so one worker's synchronous completions cannot starve the others' start.
            await Task.Yield();
            while (!ct.IsCancellationRequested)
            {
                var index = Interlocked.Increment(ref started) - 1;
                if (index >= maxRequests || clock.GetElapsedTime(start) >= model.Duration) break;
                // A closed worker intends to send exactly when it does (no intended time), so corrected and raw agree.
                await SendOneAsync(t => send(index, t), recorder, start, intended: null, ct);
            }
        });
        await Task.WhenAll(workers);
    }

    /// <summary>Sends one request and records it; never throws except when the whole run is cancelled.</summary>
    /// <param name="intended">The scheduled send time (open model), or null to mean "now" (closed model).</param>
    private async Task SendOneAsync(Func<CancellationToken, Task<Outcome>> send, LatencyRecorder recorder, long start, TimeSpan? intended, CancellationToken ct)
    {
        var sentAt = clock.GetElapsedTime(start);
        var intendedAt = intended ?? sentAt;
        using var timeout = new CancellationTokenSource(_requestTimeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        Outcome outcome;
        try
        {
            outcome = await send(linked.Token);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return; // The caller stopped the run: this request was abandoned, not answered.
        }
        catch (Exception e)
        {
            outcome = Classify(e, timeout.IsCancellationRequested);
        }
        var completedAt = clock.GetElapsedTime(start);
        recorder.Record(completedAt, completedAt - intendedAt, completedAt - sentAt, outcome);
    }

    private static Outcome Classify(Exception e, bool timedOut) => e switch
    {
        OperationCanceledException when timedOut => Outcome.Timeout,
        // HttpClient's own Timeout surfaces as a TaskCanceledException wrapping a TimeoutException.
        OperationCanceledException { InnerException: TimeoutException } => Outcome.Timeout,
        TimeoutException => Outcome.Timeout,
        HttpRequestException or System.Net.Sockets.SocketException or IOException => Outcome.ConnectionError,
        _ => new Outcome(ErrorKind.Other),
    };
}
