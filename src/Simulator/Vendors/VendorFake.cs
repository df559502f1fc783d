using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Simulator.Faults;
using Simulator.Faults.Partial;
using Simulator.Journal;
using Simulator.Vendors.Harness;
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

    /// <summary>
    /// Root URL, e.g. <c>http://127.0.0.1:41234</c>, or <c>https://…</c> when started with a certificate: the bind
    /// address (127.0.0.1 for an unspecified one such as 0.0.0.0) and the port actually bound.
    /// </summary>
    public Uri BaseUrl => _listen.UrlFor(Server.Ports[0]);

    /// <summary>How the fake listens; set by <see cref="Start(FakeListen?)"/>.</summary>
    private FakeListen _listen = FakeListen.Loopback;

    /// <summary>Serve HTTP/2 only (APNs): over TLS when started with a certificate, else h2c with prior knowledge.</summary>
    protected virtual bool Http2Only => false;

    /// <summary>Ask TLS clients for a certificate (any is accepted at the handshake; the vendor judges it).</summary>
    protected virtual bool AcceptsClientCertificates => false;

    protected WireMockServer Server => _server ?? throw new InvalidOperationException($"The {Vendor} fake has not been started.");

    public void Start() => Start(null);

    /// <summary>Starts the fake where <paramref name="listen"/> says (default: plain HTTP on 127.0.0.1, any free port).</summary>
    public void Start(FakeListen? listen)
    {
        listen ??= FakeListen.Loopback;
        // WireMock's own scheme names: grpc/grpcs are how it is told to listen for HTTP/2 only.
        var scheme = (listen.Certificate is not null, Http2Only) switch
        {
            (true, true) => "grpcs",
            (true, false) => "https",
            (false, true) => "grpc",
            _ => "http",
        };
        _listen = listen;
        _server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [$"{scheme}://{listen.ListenHost}:{listen.Port}"],
            CertificateSettings = listen.Certificate is { } certificate ? new WireMockCertificateSettings { X509Certificate = certificate } : null,
            ClientCertificateMode = AcceptsClientCertificates ? ClientCertificateMode.AllowCertificate : ClientCertificateMode.NoCertificate,
            AcceptAnyClientCertificate = AcceptsClientCertificates,
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

    /// <summary>
    /// Who sent a request, for partial faults (<c>where:</c>) and per-client rate limits. The base knows the User-Agent and
    /// the platform it betrays; vendors add the account (a patient id) when they can tell it.
    /// </summary>
    protected virtual ValueTask<RequestIdentity> IdentifyAsync(HttpContext http) => ValueTask.FromResult(RequestIdentity.Of(http));

    /// <summary>
    /// The request body as text, left readable for WireMock afterwards. Bodies over 64 KiB are not read (none of the
    /// vendors' real requests come close): they identify nobody.
    /// </summary>
    protected static async ValueTask<string> PeekBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is > 64 * 1024) return "";
        request.EnableBuffering();
        request.Body.Position = 0;
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return text;
    }

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
            if (Http2Only) (request.Version, request.VersionPolicy) = (System.Net.HttpVersion.Version20, HttpVersionPolicy.RequestVersionExact);
            request.Headers.Add(WarmUpHeader, "1");
            using var response = await http.SendAsync(request, ct);
        }
    }

    /// <summary>Requests that reach the vendor's handlers without changing its state.</summary>
    protected abstract IEnumerable<(HttpMethod Method, string Path)> WarmUpRequests();

    private async Task ApplyFaultsAndJournalAsync(HttpContext http, Func<Task> next)
    {
        if (JournalEndpoint.Handles(http.Request))
        {
            await JournalEndpoint.AnswerAsync(http, Context.Journal, Vendor);
            return;
        }
        if (http.Request.Headers.ContainsKey(WarmUpHeader))
        {
            await next();
            return;
        }
        var endpoint = EndpointOf(http.Request) ?? "other";
        var request = new FaultRequest(http, Vendor, endpoint, Clock, this, IdentifyAsync);
        // The vendor's WireMock callbacks find the effects faults asked of them through FaultRequest.Current.
        request.MakeCurrent();
        try
        {
            await FaultPipeline.RunAsync(Context.Faults.ActiveFor(Vendor, endpoint, Clock.GetUtcNow()), request, next);
        }
        catch (Exception) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client left while a fault held or trickled its answer; journaled below with no status.
        }
        catch (Exception)
        {
            // Whatever broke, the client gets the vendor's own 500, never a harness stack trace.
            await AnswerInternalErrorAsync(http);
        }
        Context.Journal.Append(new RequestServed
        {
            At = Clock.GetUtcNow(),
            Vendor = Vendor,
            Endpoint = endpoint,
            Method = http.Request.Method,
            Path = http.Request.Path.Value ?? "",
            // A fault that aborted the connection says so; Kestrel may not have flagged RequestAborted yet (it
            // cancels that token on the thread pool), so don't rely on the token alone.
            Status = request.Unanswered || http.RequestAborted.IsCancellationRequested ? 0 : http.Response.StatusCode,
            Fault = request.ShapedBy,
        });
    }

    private async Task AnswerInternalErrorAsync(HttpContext http)
    {
        if (http.Response.HasStarted)
        {
            http.Abort();
            return;
        }
        var (contentType, body) = ErrorBody(500);
        http.Response.Clear();
        http.Response.StatusCode = 500;
        http.Response.ContentType = contentType;
        await http.Response.WriteAsync(body);
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
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops the server; a fake that holds more (keys, timers) releases it too.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing) return;
        _server?.Stop();
        _server?.Dispose();
    }
}
