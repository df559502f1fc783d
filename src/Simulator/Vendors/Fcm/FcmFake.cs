using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Scenarios.Model;
using Simulator.Faults;
using Simulator.Faults.Auth;
using Simulator.Faults.Partial;
using Simulator.Faults.PushFailure;
using Simulator.Journal;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Simulator.Vendors.Fcm;

/// <summary>
/// Firebase Cloud Messaging HTTP v1 send (shared/spec/vendor-apis.md §5.1). Every accepted message is a
/// delivery to a follower's phone and is journalled with its raw payload; the scorer reads it from there.
/// Errors use Google's envelope: with an FcmError detail where FCM itself refuses the message (as the Admin SDKs parse it),
/// without one where Google's front end refuses the request before FCM sees it (a bad OAuth token, a body that is not JSON).
/// </summary>
/// <remarks>
/// A missing or wrong bearer token answers 401 <c>UNAUTHENTICATED</c> with no details and a <c>WWW-Authenticate</c> header,
/// as Google's front end does for any bad OAuth credential; <c>THIRD_PARTY_AUTH_ERROR</c> (an FcmError about APNs/web-push
/// credentials) is what an auth fault and a 401 outage answer instead, standing for a project whose third-party credentials
/// are refused. Choices where the spec has no fact (§8): a body sent with a non-JSON Content-Type answers 400
/// <c>INVALID_ARGUMENT</c> without details; a body that does not parse answers 400 with the JSON transcoder's message
/// ("Invalid JSON payload received. Unexpected token." with the line and a caret) and an FcmError <c>INVALID_ARGUMENT</c>
/// detail (Google's front end may send a <c>google.rpc.BadRequest</c> detail there instead; the Admin SDKs classify both
/// as invalid-argument, and harness tests pin the FcmError form); the size limit (4096 bytes, 2048 for a topic) is applied to the whole request body.
/// Tokens in <paramref name="unregisteredTokens"/> (or marked later with <see cref="MarkUnregistered"/>) answer 404
/// <c>UNREGISTERED</c>.
/// </remarks>
public sealed class FcmFake(FakeContext context, string projectId, string accessToken, IEnumerable<string>? unregisteredTokens = null)
    : VendorFake(VendorIds.Fcm, context)
{
    private const string JsonType = "application/json; charset=UTF-8";
    private const string OAuthHint =
        " Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.";
    private static readonly string[] Targets = ["token", "topic", "condition"];
    private readonly ConcurrentDictionary<string, bool> _unregistered =
        new((unregisteredTokens ?? []).Select(t => KeyValuePair.Create(t, true)), StringComparer.Ordinal);
    private long _messageId = 6_000_000_000_000_000_000;

    public string ProjectId { get; } = projectId;
    public string AccessToken { get; } = accessToken;

    /// <summary>Marks a registration token dead: sends to it answer 404 UNREGISTERED from now on.</summary>
    public void MarkUnregistered(string token) => _unregistered[token] = true;

    protected override string? EndpointOf(HttpRequest request) =>
        (request.Path.Value ?? "").EndsWith("/messages:send", StringComparison.Ordinal) ? "send" : null;

    /// <summary>
    /// Who a message is for: the account is the patient it is about (<c>message.data.patient</c>, the harness's default
    /// delivery mapping); the platform is the one the message carries settings for (apns, android, webpush), else the
    /// sender's User-Agent. An unreadable body identifies nobody and goes on to be refused as usual.
    /// </summary>
    protected override async ValueTask<RequestIdentity> IdentifyAsync(HttpContext http)
    {
        var identity = await base.IdentifyAsync(http);
        try
        {
            using var doc = JsonDocument.Parse(await PeekBodyAsync(http.Request));
            if (!doc.RootElement.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object)
                return identity;
            var patient = message.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("patient", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            ClientPlatform? platform = message.TryGetProperty("apns", out _) ? ClientPlatform.Ios
                : message.TryGetProperty("android", out _) ? ClientPlatform.Android
                : message.TryGetProperty("webpush", out _) ? ClientPlatform.Web
                : identity.Platform;
            return identity with { Account = patient, Platform = platform };
        }
        catch (JsonException)
        {
            return identity;
        }
    }

    /// <summary>
    /// An outage answers as FCM would for that status (shared/spec/vendor-apis.md §5.1): the FcmError code is what
    /// the Admin SDKs classify by, so a 429 must say QUOTA_EXCEEDED, not INTERNAL.
    /// </summary>
    public override (string ContentType, string Body) ErrorBody(int status)
    {
        var (fcmError, googleStatus, message) = status switch
        {
            400 => ("INVALID_ARGUMENT", "INVALID_ARGUMENT", "Request contains an invalid argument."),
            401 => ("THIRD_PARTY_AUTH_ERROR", "UNAUTHENTICATED", "Auth error from APNS or Web Push Service"),
            403 => ("SENDER_ID_MISMATCH", "PERMISSION_DENIED", "SenderId mismatch"),
            404 => ("UNREGISTERED", "NOT_FOUND", "Requested entity was not found."),
            429 => ("QUOTA_EXCEEDED", "RESOURCE_EXHAUSTED", "Quota exceeded for sending messages."),
            503 => ("UNAVAILABLE", "UNAVAILABLE", "The service is currently unavailable."),
            _ => ("INTERNAL", "INTERNAL", "Internal error encountered."),
        };
        return (JsonType, JsonSerializer.Serialize(Error(status, fcmError, message, googleStatus), Wire));
    }

    protected override IEnumerable<(HttpMethod, string)> WarmUpRequests() => [(HttpMethod.Post, "/v1/projects/warm-up/messages:send")];

    protected override void Map(WireMockServer server) =>
        server.Given(Request.Create().WithPath(new RegexMatcher(@"^/v1/projects/[^/]+/messages:send$")).UsingPost())
              .RespondWith(Response.Create().WithCallback(Send));

    private ResponseMessage Send(IRequestMessage request)
    {
        var auth = Header(request, "Authorization");
        if (auth is null || !auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return Unauthenticated("Request is missing required authentication credential." + OAuthHint, "Bearer realm=\"https://accounts.google.com/\"");
        if (auth[7..].Trim() != AccessToken)
            return InvalidToken();
        // An auth fault (login-fails): the sender's OAuth token is refused, as Google's front end refuses a revoked one.
        if (FaultRequest.Current?.Take<AuthFailure>(a => a.Mode == AuthMode.LoginFails) is not null)
            return InvalidToken();
        var project = request.Path.Split('/')[3];
        if (project != ProjectId)
            return Answer(403, Error(403, "SENDER_ID_MISMATCH", "SenderId mismatch", "PERMISSION_DENIED"));
        var type = Header(request, "Content-Type")?.Split(';')[0].Trim();
        if (type is null || !type.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            return Answer(400, new { error = new { code = 400, message = "Request contains an invalid argument.", status = "INVALID_ARGUMENT" } });
        if (!TryParse(request.Body ?? "", out var root, out var parseError))
            return Answer(400, Error(400, "INVALID_ARGUMENT", parseError, "INVALID_ARGUMENT"));
        if (Validate(request.Body!, root) is { } problem)
            return Answer(400, Error(400, "INVALID_ARGUMENT", problem, "INVALID_ARGUMENT"));
        var message = root.GetProperty("message");
        if (message.TryGetProperty("token", out var token) && token.ValueKind == JsonValueKind.String && _unregistered.ContainsKey(token.GetString()!))
            return Answer(404, Error(404, "UNREGISTERED", "Requested entity was not found.", "NOT_FOUND"));
        // validate_only: FCM checks the message and answers, but delivers nothing, so nothing reaches a follower.
        if (root.TryGetProperty("validate_only", out var validateOnly) && validateOnly.ValueKind == JsonValueKind.True)
            return Answer(200, new { name = $"projects/{ProjectId}/messages/fake_message_id" });

        var id = Interlocked.Increment(ref _messageId);
        // A push-failure fault that drops: FCM's normal answer, and nothing ever reaches the phone.
        if (FaultRequest.Current?.Take<PushDrop>() is null)
            Context.Journal.Append(new PushReceived { At = Clock.GetUtcNow(), Channel = Vendor, Payload = request.Body! });
        return Answer(200, new { name = $"projects/{ProjectId}/messages/{id}" });
    }

    /// <summary>Google's JSON: quotes escaped as <c>\"</c>, everything else (<c>'</c>, <c>&lt;</c>) as it is.</summary>
    private static readonly JsonSerializerOptions Wire = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static ResponseMessage Answer(int status, object body) => Text(status, JsonSerializer.Serialize(body, Wire), JsonType);

    private static ResponseMessage InvalidToken() =>
        Unauthenticated("Request had invalid authentication credentials." + OAuthHint, "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"");

    private static ResponseMessage Unauthenticated(string message, string challenge)
    {
        var response = Answer(401, new { error = new { code = 401, message, status = "UNAUTHENTICATED" } });
        response.AddHeader("WWW-Authenticate", challenge);
        return response;
    }

    private static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    /// <summary>The body as JSON, or the transcoder's complaint: the line it stopped on and a caret under the place.</summary>
    private static bool TryParse(string body, out JsonElement root, out string error)
    {
        root = default;
        error = "";
        try
        {
            using var doc = JsonDocument.Parse(body);
            root = doc.RootElement.Clone();
            return true;
        }
        catch (JsonException e)
        {
            var lines = body.Split('\n');
            var line = lines[Math.Clamp((int)(e.LineNumber ?? 0), 0, lines.Length - 1)];
            var column = (int)Math.Min(e.BytePositionInLine ?? 0, line.Length);
            error = $"Invalid JSON payload received. Unexpected token.\n{line}\n{new string(' ', column)}^";
            return false;
        }
    }

    /// <summary>The checks the real endpoint makes that a sender can get wrong: a message, one target, string-only data, the size.</summary>
    private static string? Validate(string body, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object)
            return "Request contains an invalid argument: 'message' is required.";
        var targets = Targets.Count(t => message.TryGetProperty(t, out _));
        if (targets != 1) return "Request contains an invalid argument: exactly one of token, topic or condition is required.";
        if (message.TryGetProperty("data", out var data))
        {
            if (data.ValueKind != JsonValueKind.Object) return "Invalid value at 'message.data': must be a map of strings.";
            foreach (var field in data.EnumerateObject())
                if (field.Value.ValueKind != JsonValueKind.String)
                    return $"Invalid value at 'message.data[{field.Name}]': must be a string.";
        }
        var limit = message.TryGetProperty("topic", out _) ? 2048 : 4096;
        return Encoding.UTF8.GetByteCount(body) > limit ? "Request contains an invalid argument: message is too big." : null;
    }

    private static object Error(int code, string fcmError, string message, string? status = null) => new
    {
        error = new
        {
            code, message, status = status ?? (code == 503 ? "UNAVAILABLE" : "INTERNAL"),
            details = new object[] { new Dictionary<string, string> { ["@type"] = "type.googleapis.com/google.firebase.fcm.v1.FcmError", ["errorCode"] = fcmError } },
        },
    };
}
