using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Simulator.Time;

namespace Simulator.Runs;

/// <summary>
/// The harness's own loopback endpoint. It publishes the clock protocol at <c>GET /clock</c>, so a system under
/// test can run on the run's virtual time exactly as an outside team's system would.
/// </summary>
public sealed class HarnessApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HarnessApi(WebApplication app, Uri baseUrl) => (_app, BaseUrl) = (app, baseUrl);

    public Uri BaseUrl { get; }
    public Uri ClockUrl => new(BaseUrl, "/clock");

    public static async Task<HarnessApi> StartAsync(VirtualClock clock, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/clock", () => clock.IsRunning
            ? Results.Json(clock.Snapshot)
            : Results.Problem("The run's clock has not started yet.", statusCode: 503));
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HarnessApi(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
