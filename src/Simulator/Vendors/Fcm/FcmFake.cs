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
/// Errors use Google's envelope with an FcmError detail, as the Admin SDKs parse it.
/// </summary>
public sealed class FcmFake(FakeContext context, string projectId, string accessToken) : VendorFake(VendorIds.Fcm, context)
{
    private static readonly string[] Targets = ["token", "topic", "condition"];
    private long _messageId = 6_000_000_000_000_000_000;

    public string ProjectId { get; } = projectId;
    public string AccessToken { get; } = accessToken;

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
            401 => ("THIRD_PARTY_AUTH_ERROR", "UNAUTHENTICATED", "Request had invalid authentication credentials."),
            403 => ("SENDER_ID_MISMATCH", "PERMISSION_DENIED", "SenderId mismatch"),
            404 => ("UNREGISTERED", "NOT_FOUND", "Requested entity was not found."),
            429 => ("QUOTA_EXCEEDED", "RESOURCE_EXHAUSTED", "Quota exceeded for sending messages."),
            503 => ("UNAVAILABLE", "UNAVAILABLE", "The service is currently unavailable."),
            _ => ("INTERNAL", "INTERNAL", "Internal error encountered."),
        };
        return ("application/json", JsonSerializer.Serialize(Error(status, fcmError, message, googleStatus)));
    }

    protected override IEnumerable<(HttpMethod, string)> WarmUpRequests() => [(HttpMethod.Post, "/v1/projects/warm-up/messages:send")];

    protected override void Map(WireMockServer server) =>
        server.Given(Request.Create().WithPath(new RegexMatcher(@"^/v1/projects/[^/]+/messages:send$")).UsingPost())
              .RespondWith(Response.Create().WithCallback(Send));

    private ResponseMessage Send(IRequestMessage request)
    {
        var auth = request.Headers?.FirstOrDefault(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        // An auth fault (login-fails): the sender's credentials are refused, exactly as a wrong token is.
        if (auth != $"Bearer {AccessToken}" || FaultRequest.Current?.Take<AuthFailure>(a => a.Mode == AuthMode.LoginFails) is not null)
            return Json(401, Error(401, "THIRD_PARTY_AUTH_ERROR", "Request had invalid authentication credentials.", "UNAUTHENTICATED"));
        var project = request.Path.Split('/')[3];
        if (project != ProjectId)
            return Json(403, Error(403, "SENDER_ID_MISMATCH", "SenderId mismatch", "PERMISSION_DENIED"));
        if (Validate(request.Body, out var root) is { } problem)
            return Json(400, Error(400, "INVALID_ARGUMENT", problem, "INVALID_ARGUMENT"));
        // validate_only: FCM checks the message and answers, but delivers nothing, so nothing reaches a follower.
        if (root.TryGetProperty("validate_only", out var validateOnly) && validateOnly.ValueKind == JsonValueKind.True)
            return Json(200, new { name = $"projects/{ProjectId}/messages/fake_message_id" });

        var id = Interlocked.Increment(ref _messageId);
        // A push-failure fault that drops: FCM's normal answer, and nothing ever reaches the phone.
        if (FaultRequest.Current?.Take<PushDrop>() is null)
            Context.Journal.Append(new PushReceived { At = Clock.GetUtcNow(), Channel = Vendor, Payload = request.Body! });
        return Json(200, new { name = $"projects/{ProjectId}/messages/{id}" });
    }

    /// <summary>The checks the real endpoint makes that a sender can get wrong: one target, string-only data.</summary>
    private static string? Validate(string? body, out JsonElement root)
    {
        JsonElement message;
        root = default;
        try
        {
            root = JsonDocument.Parse(body ?? "").RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("message", out message) || message.ValueKind != JsonValueKind.Object)
                return "Request contains an invalid argument: 'message' is required.";
        }
        catch (JsonException) { return "Invalid JSON payload received."; }
        var targets = Targets.Count(t => message.TryGetProperty(t, out _));
        if (targets != 1) return "Request contains an invalid argument: exactly one of token, topic or condition is required.";
        if (message.TryGetProperty("data", out var data))
        {
            if (data.ValueKind != JsonValueKind.Object) return "Invalid value at 'message.data': must be a map of strings.";
            foreach (var field in data.EnumerateObject())
                if (field.Value.ValueKind != JsonValueKind.String)
                    return $"Invalid value at 'message.data[{field.Name}]': must be a string.";
        }
        return body!.Length > 4096 ? "Request contains an invalid argument: message is too big." : null;
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
