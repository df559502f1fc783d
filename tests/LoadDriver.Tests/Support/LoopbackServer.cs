using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LoadDriver.Tests.Support;

/// <summary>
/// A real Kestrel server on 127.0.0.1 and a free port, answering every request with <paramref name="handle"/>. It counts
/// requests in flight on the server side, so tests can check what the target actually saw.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _inFlight;
    private int _maxInFlight;
    private int _received;

    private LoopbackServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);
    public int Received => Volatile.Read(ref _received);

    /// <param name="handle">Gets the request and its 1-based arrival number; writes the answer.</param>
    public static async Task<LoopbackServer> StartAsync(Func<HttpContext, int, Task> handle)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.Run(async ctx =>
        {
            var number = Interlocked.Increment(ref server._received);
            var now = Interlocked.Increment(ref server._inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref server._maxInFlight)) && Interlocked.CompareExchange(ref server._maxInFlight, now, seen) != seen) { }
            try { await handle(ctx, number); }
            finally { Interlocked.Decrement(ref server._inFlight); }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address + "/");
        return server;
    }

    public static Task<LoopbackServer> StartOkAsync() => StartAsync((ctx, _) => ctx.Response.WriteAsync("ok"));

    public Uri Url(string path) => new(BaseUrl, path);

    /// <summary>A few requests before measuring, so JIT and the first connection are not charged to the run.</summary>
    public async Task WarmUpAsync(HttpClient client)
    {
        for (var i = 0; i < 5; i++) (await client.GetAsync(Url("warmup"))).Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
