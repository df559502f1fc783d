using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Scenarios.Model;
using Simulator.Faults;
using Simulator.Faults.Partial;
using Simulator.Faults.PushFailure;
using Simulator.Journal;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Simulator.Vendors.Webhook;

/// <summary>
/// A generic webhook receiver, for follower backends that notify over HTTP: <c>POST {BasePath}/{name}</c> with any JSON
/// body. Each accepted delivery is journaled as <see cref="PushReceived"/> with the raw body.
/// </summary>
/// <remarks>
/// The request's Content-Type is not checked, the body is: it must be JSON (an empty or unparsable body is answered 400
/// <c>{"error":"invalid_json","message":"…"}</c>). With a <see cref="WebhookOptions.Secret"/>, a missing or different
/// <see cref="WebhookOptions.SecretHeader"/> is answered 401 <c>{"error":"unauthorized","message":"…"}</c> before the
/// body is looked at. Other methods under the base path answer 405 (with <c>Allow: POST</c>), other paths 404, both in the
/// same small JSON shape. Fault endpoint: <c>send</c>. For partial faults, a top-level string <c>patient</c> in the body
/// names the account.
/// </remarks>
public sealed class WebhookFake : VendorFake
{
    private static readonly JsonSerializerOptions WireJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public WebhookFake(FakeContext context, WebhookOptions options) : base(VendorIds.Webhook, context)
    {
        if (options.SuccessStatus is < 200 or > 299)
            throw new ArgumentException($"The webhook's success status must be 2xx, not {options.SuccessStatus}.", nameof(options));
        Options = options;
        Base = "/" + options.BasePath.Trim('/');
    }

    public WebhookOptions Options { get; }

    private string Base { get; }

    /// <summary>The URL a sender posts to for the hook <paramref name="name"/>.</summary>
    public Uri HookUrl(string name) => new(BaseUrl, $"{Base}/{name}");

    private bool UnderBase(string path) =>
        path.StartsWith(Base + "/", StringComparison.Ordinal) && path.Length > Base.Length + 1;

    protected override string? EndpointOf(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && UnderBase(request.Path.Value ?? "") ? "send" : null;

    protected override async ValueTask<RequestIdentity> IdentifyAsync(HttpContext http)
    {
        var identity = await base.IdentifyAsync(http);
        try
        {
            using var doc = JsonDocument.Parse(await PeekBodyAsync(http.Request));
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("patient", out var p)
                && p.ValueKind == JsonValueKind.String ? identity with { Account = p.GetString() } : identity;
        }
        catch (JsonException)
        {
            return identity;
        }
    }

    public override (string ContentType, string Body) ErrorBody(int status) =>
        ("application/json", JsonSerializer.Serialize(Error(status >= 500 ? "server_error" : "error", $"The receiver answered {status}."), WireJson));

    protected override IEnumerable<(HttpMethod, string)> WarmUpRequests() => [(HttpMethod.Post, $"{Base}/warm-up")];

    protected override void Map(WireMockServer server)
    {
        var under = new RegexMatcher("^" + System.Text.RegularExpressions.Regex.Escape(Base) + "/.+$");
        server.Given(Request.Create().WithPath(under).UsingPost()).RespondWith(Response.Create().WithCallback(Receive));
        server.Given(Request.Create().WithPath(under).UsingAnyMethod()).AtPriority(50).RespondWith(Response.Create().WithCallback(_ =>
        {
            var message = Reply(405, Error("method_not_allowed", "Only POST is accepted."));
            message.AddHeader("Allow", "POST");
            return message;
        }));
        server.Given(Request.Create().WithPath(new RegexMatcher(".*")).UsingAnyMethod()).AtPriority(100)
              .RespondWith(Response.Create().WithCallback(r => Reply(404, Error("not_found", $"No hook at {r.Path}."))));
    }

    private ResponseMessage Receive(IRequestMessage request)
    {
        if (Options.Secret is { } secret && !SecretMatches(request, secret))
            return Reply(401, Error("unauthorized", $"Missing or wrong {Options.SecretHeader}."));
        var body = request.Body ?? (request.BodyAsBytes is { } bytes ? Encoding.UTF8.GetString(bytes) : "");
        try
        {
            using var _ = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return Reply(400, Error("invalid_json", "The body is not valid JSON."));
        }
        // The harness's warm-up is answered like any delivery but is none. A push-failure fault that drops: the
        // receiver's normal answer, and nothing reaches the follower.
        var warmUp = request.Headers?.Any(h => h.Key.Equals(WarmUpHeader, StringComparison.OrdinalIgnoreCase)) == true;
        if (!warmUp && FaultRequest.Current?.Take<PushDrop>() is null)
            Context.Journal.Append(new PushReceived { At = Clock.GetUtcNow(), Channel = Vendor, Payload = body });
        return Options.SuccessBody is { } success
            ? Text(Options.SuccessStatus, success, "application/json")
            : Text(Options.SuccessStatus, "", null);
    }

    private bool SecretMatches(IRequestMessage request, string secret)
    {
        var sent = request.Headers?.FirstOrDefault(h => h.Key.Equals(Options.SecretHeader, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        return sent is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(secret));
    }

    private static Dictionary<string, string> Error(string error, string message) => new() { ["error"] = error, ["message"] = message };

    private static ResponseMessage Reply(int status, object body) => Text(status, JsonSerializer.Serialize(body, WireJson), "application/json");
}
