namespace ReferenceSystem.Hosting;

/// <summary>
/// The one running job of an API (following, receiving): starting replaces the current job, stopping ends it, and
/// both happen one at a time so a stop never races a start. The coordinators own what a job is; this owns the slot.
/// </summary>
internal sealed class JobSlot<TJob> : IDisposable where TJob : class, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TJob? _current;

    public TJob? Current => Volatile.Read(ref _current);

    /// <summary>Stops and disposes the current job (if any), then creates and starts the next.</summary>
    public async Task<TJob> ReplaceAsync(Func<TJob, Task> stop, Func<TJob> create, Action<TJob> start, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_current is { } previous)
            {
                await stop(previous);
                previous.Dispose();
            }
            var job = create();
            start(job);
            _current = job;
            return job;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops and disposes the current job; <paramref name="none"/> when nothing was running.</summary>
    public async Task<TResult> StopAsync<TResult>(Func<TJob, Task<TResult>> stop, TResult none)
    {
        await _gate.WaitAsync();
        try
        {
            if (_current is not { } job)
                return none;
            _current = null;
            var result = await stop(job);
            job.Dispose();
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
