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
    // The ledger of the job stopped last, so a harness can stop following first and then ask what was ingested.
    private IngestReport? _lastIngest;

    /// <summary>Reads the clock, stops any current job and starts a new one.</summary>
    /// <exception cref="ClockUnavailableException">The clock endpoint could not be read.</exception>
    public async Task<FollowJob> StartAsync(FollowSettings settings, CancellationToken ct)
    {
        var clock = await clocks.CreateAsync(settings.ClockUrl, ct);
        return await _slot.ReplaceAsync(StopKeepingIngestAsync, () => new FollowJob(settings, clock, real, http, logger), job => job.Start(), ct);
    }

    /// <summary>Stops the current job, if any, and returns its pushes sent.</summary>
    public Task<long> StopAsync() => _slot.StopAsync(StopKeepingIngestAsync, 0L);

    public FollowJobState? State() => _slot.Current?.State();

    /// <summary>The current job's ingest ledger, else the last stopped job's; null when nothing has been followed.</summary>
    public IngestReport? Ingest() => _slot.Current?.Ingest() ?? Volatile.Read(ref _lastIngest);

    private async Task<long> StopKeepingIngestAsync(FollowJob job)
    {
        var sent = await job.StopAsync();
        Volatile.Write(ref _lastIngest, job.Ingest());
        return sent;
    }

    public void Dispose() => _slot.Dispose();

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    async Task IHostedService.StopAsync(CancellationToken cancellationToken) => await StopAsync();
}
