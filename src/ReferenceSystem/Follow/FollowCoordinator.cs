using ReferenceSystem.Clock;
using ReferenceSystem.Hosting;

namespace ReferenceSystem.Follow;

/// <summary>Holds the one current follow job: start replaces it, stop ends it. Also stops it when the host stops.</summary>
internal sealed class FollowCoordinator(
    ClockFactory clocks,
    IHttpClientFactory http,
    TimeProvider real,
    ILogger<FollowCoordinator> logger) : IHostedService, IDisposable
{
    private readonly JobSlot<FollowJob> _slot = new();

    /// <summary>Reads the clock, stops any current job and starts a new one.</summary>
    /// <exception cref="ClockUnavailableException">The clock endpoint could not be read.</exception>
    public async Task<FollowJob> StartAsync(FollowSettings settings, CancellationToken ct)
    {
        var clock = await clocks.CreateAsync(settings.ClockUrl, ct);
        return await _slot.ReplaceAsync(job => job.StopAsync(), () => new FollowJob(settings, clock, real, http, logger), job => job.Start(), ct);
    }

    /// <summary>Stops the current job, if any, and returns its pushes sent.</summary>
    public Task<long> StopAsync() => _slot.StopAsync(job => job.StopAsync(), 0L);

    public FollowJobState? State() => _slot.Current?.State();

    public void Dispose() => _slot.Dispose();

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    async Task IHostedService.StopAsync(CancellationToken cancellationToken) => await StopAsync();
}
