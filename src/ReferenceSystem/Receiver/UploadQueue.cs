using ReferenceSystem.Clock;
using ReferenceSystem.Profiles;
using ReferenceSystem.Readings;
using ReferenceSystem.Vendors;

namespace ReferenceSystem.Receiver;

internal sealed record UploadQueueState(int Pending, long Uploaded, long Batches, long Failures, string? LastError);

/// <summary>
/// One vendor's upload backlog for one transmitter. Readings wait here, keyed by sensor time (so the same reading is
/// never queued twice), until a batch holding all of them (oldest first, at most 288) is accepted; only then are they
/// removed, so a failed upload loses nothing and a later batch still starts with the oldest reading. Failures back off
/// exponentially with full jitter (5 s doubling to 5 min of virtual time); each call has a virtual budget of 30 s
/// (at least 2 s of real time) so a hanging vendor counts as a failure.
/// </summary>
internal sealed class UploadQueue(
    string vendor,
    Func<IReadOnlyList<GlucoseReading>, CancellationToken, Task> upload,
    TimeProvider clock,
    Random random,
    ILogger logger)
{
    public const int MaxBatch = 288;
    public static readonly TimeSpan BackoffBase = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan BackoffCap = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan CallBudget = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan CallBudgetRealFloor = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private readonly SortedDictionary<DateTimeOffset, GlucoseReading> _pending = [];
    private readonly AsyncSignal _added = new();
    private long _uploaded;
    private long _batches;
    private long _failures;
    private string? _lastError;

    public string Vendor => vendor;

    public void Enqueue(IEnumerable<GlucoseReading> readings)
    {
        lock (_gate)
        {
            foreach (var reading in readings)
                _pending.TryAdd(reading.SensorTime, reading);
        }
        _added.Pulse();
    }

    public UploadQueueState State()
    {
        lock (_gate)
            return new UploadQueueState(_pending.Count, _uploaded, _batches, _failures, _lastError);
    }

    public async Task RunAsync(CancellationToken ct)
    {
        var backoff = new ExponentialBackoff(BackoffBase, BackoffCap, random);
        try
        {
            while (true)
            {
                var added = _added.NextPulse;
                List<GlucoseReading> batch;
                lock (_gate)
                    batch = _pending.Values.Take(MaxBatch).ToList();
                if (batch.Count == 0)
                {
                    await added.WaitAsync(ct);
                    continue;
                }

                try
                {
                    await WithBudgetAsync(batch, ct);
                    lock (_gate)
                    {
                        foreach (var reading in batch)
                            _pending.Remove(reading.SensorTime);
                        _uploaded += batch.Count;
                        _batches++;
                        _lastError = null;
                    }
                    backoff.Reset();
                }
                catch (SourceException ex)
                {
                    lock (_gate)
                    {
                        _failures++;
                        _lastError = ex.Message;
                    }
                    if (logger.IsEnabled(LogLevel.Information))
                        logger.LogInformation("receiver: upload of {Count} readings to {Vendor} failed: {Error}", batch.Count, vendor, ex.Message);
                    await Task.Delay(backoff.NextDelay(), clock, ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task WithBudgetAsync(IReadOnlyList<GlucoseReading> batch, CancellationToken ct)
    {
        var budgetSpan = CallBudget;
        if (clock is HarnessClock harness && harness.ToReal(budgetSpan) < CallBudgetRealFloor)
            budgetSpan = harness.ToVirtual(CallBudgetRealFloor);
        using var budget = new CancellationTokenSource(budgetSpan, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, budget.Token);
        try
        {
            await upload(batch, linked.Token);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new SourceException("no answer within the call budget", ex);
        }
    }
}
