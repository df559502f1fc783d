using ReferenceSystem.Clock;

namespace ReferenceSystem.Follow;

/// <summary>Holds the one current follow job: start replaces it, stop ends it. Also stops it when the host stops.</summary>
internal sealed class FollowCoordinator(
    ClockFactory clocks,
    IHttpClientFactory http,
    TimeProvider real,
    ILogger<FollowCoordinator> logger) : IHostedService, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private FollowJob? _current;

    /// <summary>Reads the clock, stops any current job and starts a new one.</summary>
    /// <exception cref="ClockUnavailableException">The clock endpoint could not be read.</exception>
    public async Task<FollowJob> StartAsync(FollowSettings settings, CancellationToken ct)
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
            var job = new FollowJob(settings, clock, real, http, logger);
            job.Start();
            _current = job;
            return job;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the current job, if any, and returns its pushes sent.</summary>
    public async Task<long> StopAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_current is not { } job)
                return 0;
            _current = null;
            var sent = await job.StopAsync();
            job.Dispose();
            return sent;
        }
        finally
        {
            _gate.Release();
        }
    }

    public FollowJobState? State() => Volatile.Read(ref _current)?.State();

    public void Dispose() => _gate.Dispose();

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    async Task IHostedService.StopAsync(CancellationToken cancellationToken) => await StopAsync();
}
