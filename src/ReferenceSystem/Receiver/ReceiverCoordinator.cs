using ReferenceSystem.Clock;

namespace ReferenceSystem.Receiver;

/// <summary>Holds the one current receiver: start replaces it, stop ends it. Also stops it when the host stops.</summary>
internal sealed class ReceiverCoordinator(
    ClockFactory clocks,
    IHttpClientFactory http,
    ILogger<ReceiverCoordinator> logger) : IHostedService, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ReceiverJob? _current;

    /// <summary>Reads the harness clock, stops any current receiver and starts a new one.</summary>
    /// <exception cref="ClockUnavailableException">The clock endpoint could not be read.</exception>
    public async Task<ReceiverJob> StartAsync(ReceiverSettings settings, CancellationToken ct)
    {
        var clock = await clocks.CreateAsync(settings.ClockUrl, ct);
        await _gate.WaitAsync(ct);
        try
        {
            if (_current is { } previous)
            {
                await previous.StopAsync();
                previous.Dispose();
            }
            var job = new ReceiverJob(settings, clock, http, logger);
            job.Start();
            _current = job;
            return job;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the current receiver; false when none was running.</summary>
    public async Task<bool> StopAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_current is not { } job)
                return false;
            _current = null;
            await job.StopAsync();
            job.Dispose();
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public ReceiverJobState? State() => Volatile.Read(ref _current)?.State();

    public void Dispose() => _gate.Dispose();

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    async Task IHostedService.StopAsync(CancellationToken cancellationToken) => await StopAsync();
}
