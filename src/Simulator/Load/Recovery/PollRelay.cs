using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Simulator.Load.Recovery;

/// <summary>One call the follower system made to Share through the relay.</summary>
/// <param name="At">Virtual instant the call arrived.</param>
/// <param name="RealMilliseconds">Real time until the relay had the whole answer.</param>
/// <param name="Status">HTTP status, 0 when no answer was passed on.</param>
/// <param name="CallerGaveUp">With status 0: the follower system stopped waiting (its own time budget); otherwise the fake was unreachable.</param>
public readonly record struct RelayedCall(DateTimeOffset At, double RealMilliseconds, int Status, bool IsRead, bool CallerGaveUp = false);

/// <summary>
/// A loopback relay between the follower system and the Share fake that times every call: the fake journals when it
/// answered but not how long that took, and the follower system's own client is not the harness's to instrument (an
/// outside team's would not be either). It forwards method, path, query, body and content type unchanged and adds
/// well under a millisecond of its own (measured in the live phase's calls).
/// </summary>
internal sealed class PollRelay : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RelayedCall> _calls;

    private PollRelay(WebApplication app, Uri baseUrl, ConcurrentQueue<RelayedCall> calls) => (_app, BaseUrl, _calls) = (app, baseUrl, calls);

    public Uri BaseUrl { get; }

    public IReadOnlyList<RelayedCall> Calls => [.. _calls];

    public static async Task<PollRelay> StartAsync(Uri target, HttpClient http, TimeProvider clock, TimeProvider real, CancellationToken ct)
    {
        var calls = new ConcurrentQueue<RelayedCall>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(context => ForwardAsync(context, target, http, clock, real, calls));
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new PollRelay(app, new Uri(address), calls);
    }

    private static async Task ForwardAsync(HttpContext context, Uri target, HttpClient http, TimeProvider clock, TimeProvider real, ConcurrentQueue<RelayedCall> calls)
    {
        var at = clock.GetUtcNow();
        var started = real.GetTimestamp();
        var request = context.Request;
        var isRead = (request.Path.Value ?? "").EndsWith("ReadPublisherLatestGlucoseValues", StringComparison.OrdinalIgnoreCase);
        var status = 0;
        var gaveUp = false;
        try
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, context.RequestAborted);
            using var forward = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(target, request.Path + request.QueryString))
            {
                Content = new ByteArrayContent(body.ToArray()),
            };
            if (request.ContentType is { } type)
                forward.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            using var response = await http.SendAsync(forward, HttpCompletionOption.ResponseContentRead, context.RequestAborted);
            var bytes = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
            status = (int)response.StatusCode;
            context.Response.StatusCode = status;
            if (response.Content.Headers.ContentType is { } contentType)
                context.Response.ContentType = contentType.ToString();
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            // The fake could not be reached or the caller gave up: the follower system sees a failed call, as it would.
            gaveUp = context.RequestAborted.IsCancellationRequested;
            context.Abort();
        }
        finally
        {
            calls.Enqueue(new RelayedCall(at, real.GetElapsedTime(started).TotalMilliseconds, status, isRead, gaveUp));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
