using ReferenceSystem.Clock;
using ReferenceSystem.Hosting;

namespace ReferenceSystem.Receiver;

/// <summary>Holds the one current receiver: start replaces it, stop ends it. Also stops it when the host stops.</summary>
internal sealed class ReceiverCoordinator(
    ClockFactory clocks,
    IHttpClientFactory http,
    ILogger<ReceiverCoordinator> logger) : IHostedService, IDisposable
{
    private readonly JobSlot<ReceiverJob> _slot = new();

    /// <summary>Reads the harness clock, stops any current receiver and starts a new one.</summary>
    /// <exception cref="ClockUnavailableException">The clock endpoint could not be read.</exception>
    public async Task<ReceiverJob> StartAsync(ReceiverSettings settings, CancellationToken ct)
    {
        var clock = await clocks.CreateAsync(settings.ClockUrl, ct);
        return await _slot.ReplaceAsync(job => job.StopAsync(), () => new ReceiverJob(settings, clock, http, logger), job => job.Start(), ct);
    }

    /// <summary>Stops the current receiver; false when none was running.</summary>
    public Task<bool> StopAsync() => _slot.StopAsync(async job => { await job.StopAsync(); return true; }, false);

    public ReceiverJobState? State() => _slot.Current?.State();

    public void Dispose() => _slot.Dispose();

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    async Task IHostedService.StopAsync(CancellationToken cancellationToken) => await StopAsync();
}
