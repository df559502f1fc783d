using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Simulator.Faults;
using Simulator.Journal;
using WireMock;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace Simulator.Vendors;

/// <summary>
/// A fake vendor cloud: a WireMock.Net server on its own loopback port that serves the vendor's real API
/// from a store fed by the run. A middleware in front of WireMock applies the faults aimed at the vendor
/// (WireMock has no connection reset and its delays run on the real clock) and journals every request,
/// including the ones a fault never let through.
/// </summary>
public abstract class VendorFake : IVendorErrors, IDisposable
{
    private WireMockServer? _server;

    protected VendorFake(string vendor, FakeContext context)
    {
        Vendor = vendor;
        Context = context;
    }

    public string Vendor { get; }
    protected FakeContext Context { get; }
    protected TimeProvider Clock => Context.Clock;

    /// <summary>Root URL on loopback, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseUrl => new($"http://127.0.0.1:{Server.Ports[0]}");

    protected WireMockServer Server => _server ?? throw new InvalidOperationException($"The {Vendor} fake has not been started.");

    public void Start()
    {
        _server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = ["http://127.0.0.1:0"],
            // The journal is the record; WireMock's own log is kept tiny because trimming a long one is O(n) per request.
            MaxRequestLogCount = 100,
            PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use(ApplyFaultsAndJournalAsync),
        });
        Map(_server);
    }

    /// <summary>Registers the vendor's API on the server.</summary>
    protected abstract void Map(WireMockServer server);

    /// <summary>The endpoint name a fault target uses for this request (e.g. <c>read</c>), or null when unknown.</summary>
    protected abstract string? EndpointOf(HttpRequest request);

    public virtual (string ContentType, string Body) ErrorBody(int status) =>
        ("text/html", $"<html><head><title>{status}</title></head><body><h1>{status}</h1></body></html>");

    /// <summary>Header of the harness's own warm-up calls, made before the clock starts: no faults, no journal.</summary>
    public const string WarmUpHeader = "X-Simulator-Warm-Up";

    /// <summary>
    /// Exercises the fake's handlers once before virtual time runs, so the first real request does not pay for
    /// JIT and connection set-up: at 3000x, one cold second would cost fifty virtual minutes.
    /// </summary>
    public async Task WarmUpAsync(HttpClient http, CancellationToken ct)
    {
        foreach (var (method, path) in WarmUpRequests())
        {
            using var request = new HttpRequestMessage(method, new Uri(BaseUrl, path)) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
            request.Headers.Add(WarmUpHeader, "1");
            using var response = await http.SendAsync(request, ct);
        }
    }

    /// <summary>Requests that reach the vendor's handlers without changing its state.</summary>
    protected abstract IEnumerable<(HttpMethod Method, string Path)> WarmUpRequests();

    private async Task ApplyFaultsAndJournalAsync(HttpContext http, Func<Task> next)
    {
        if (http.Request.Headers.ContainsKey(WarmUpHeader))
        {
            await next();
            return;
        }
        var endpoint = EndpointOf(http.Request) ?? "other";
        string? fault = null;
        var handled = false;
        var request = new FaultRequest(http, Vendor, endpoint, Clock, this);
        foreach (var active in Context.Faults.ActiveFor(Vendor, endpoint, Clock.GetUtcNow()))
        {
            fault = active.Spec.Kind;
            if (await active.ApplyAsync(request)) { handled = true; break; }
        }
        if (!handled) await next();
        Context.Journal.Append(new RequestServed
        {
            At = Clock.GetUtcNow(),
            Vendor = Vendor,
            Endpoint = endpoint,
            Method = http.Request.Method,
            Path = http.Request.Path.Value ?? "",
            // A fault that aborted the connection never started a response; Kestrel may not have flagged
            // RequestAborted yet (it cancels that token on the thread pool), so don't rely on it alone.
            Status = http.RequestAborted.IsCancellationRequested || (handled && !http.Response.HasStarted) ? 0 : http.Response.StatusCode,
            Fault = fault,
        });
    }

    protected static ResponseMessage Json(int status, object body, string? contentType = "application/json") =>
        Text(status, JsonSerializer.Serialize(body), contentType);

    protected static ResponseMessage Text(int status, string body, string? contentType)
    {
        var message = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        if (contentType is not null) message.AddHeader("Content-Type", contentType);
        return message;
    }

    public void Dispose()
    {
        _server?.Stop();
        _server?.Dispose();
        GC.SuppressFinalize(this);
    }
}
