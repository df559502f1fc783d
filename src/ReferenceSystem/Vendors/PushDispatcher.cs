namespace ReferenceSystem.Vendors;

/// <summary>How a profile retries a push.</summary>
internal sealed record PushRetryPolicy(int MaxRetries, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    /// <summary>One attempt, whatever happens (naive / 2019 Follow).</summary>
    public static readonly PushRetryPolicy None = new(0, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>
    /// Up to 3 retries on 5xx, 429 and transport errors: 2 s, 4 s, 8 s (virtual), or the server's Retry-After
    /// when it gives one (capped at 60 s).
    /// </summary>
    public static readonly PushRetryPolicy Resilient = new(3, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60));
}

/// <summary>
/// Sends a job's pushes, counts them, and keeps track of the ones in flight so that stopping the job can wait for them.
/// A push counts as sent when FCM answered 2xx.
/// </summary>
internal sealed class PushDispatcher(FcmClient fcm, TimeProvider clock, CancellationToken hardStop)
{
    private readonly Lock _gate = new();
    private readonly List<Task> _inFlight = [];
    private bool _closed;
    private long _sent;
    private long _failed;
    private long _attempts;

    public long Sent => Interlocked.Read(ref _sent);
    public long Failed => Interlocked.Read(ref _failed);
    public long Attempts => Interlocked.Read(ref _attempts);

    /// <summary>Starts a push (tracked) and returns whether it was delivered. After <see cref="Close"/> nothing is sent.</summary>
    public Task<bool> SendAsync(PushMessage message, PushRetryPolicy retry, Action<bool>? onFinished = null)
    {
        lock (_gate)
        {
            if (_closed)
                return Task.FromResult(false);
            var task = SendWithRetriesAsync(message, retry, onFinished);
            _inFlight.RemoveAll(t => t.IsCompleted);
            _inFlight.Add(task);
            return task;
        }
    }

    /// <summary>No new pushes from now on.</summary>
    public void Close()
    {
        lock (_gate)
            _closed = true;
    }

    /// <summary>Completes when every push started so far has finished.</summary>
    public async Task DrainAsync()
    {
        while (true)
        {
            Task[] pending;
            lock (_gate)
            {
                _inFlight.RemoveAll(t => t.IsCompleted);
                pending = [.. _inFlight];
            }
            if (pending.Length == 0)
                return;
            await Task.WhenAll(pending);
        }
    }

    private async Task<bool> SendWithRetriesAsync(PushMessage message, PushRetryPolicy retry, Action<bool>? onFinished)
    {
        var delivered = await AttemptAsync(message, retry);
        onFinished?.Invoke(delivered);
        return delivered;
    }

    private async Task<bool> AttemptAsync(PushMessage message, PushRetryPolicy retry)
    {
        await Task.Yield();
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                Interlocked.Increment(ref _attempts);
                var outcome = await fcm.SendAsync(message, hardStop);
                if (outcome.Delivered)
                {
                    Interlocked.Increment(ref _sent);
                    return true;
                }
                if (!outcome.Retryable || attempt >= retry.MaxRetries)
                    break;
                var backoff = TimeSpan.FromTicks(retry.FirstDelay.Ticks << attempt);
                var delay = outcome.RetryAfter is { } after && after > TimeSpan.Zero ? after : backoff;
                await Task.Delay(delay > retry.MaxDelay ? retry.MaxDelay : delay, clock, hardStop);
            }
        }
        catch (OperationCanceledException) when (hardStop.IsCancellationRequested)
        {
        }
        Interlocked.Increment(ref _failed);
        return false;
    }
}
