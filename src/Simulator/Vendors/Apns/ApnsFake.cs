using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections.Features;
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

namespace Simulator.Vendors.Apns;

/// <summary>
/// Apple Push Notification service provider API (shared/spec/vendor-apis.md §5.2): <c>POST /3/device/{token}</c> over
/// HTTP/2 only. Started with a certificate (<see cref="FakeListen.Https"/>) it is h2 over TLS, as APNs is; without one it
/// speaks h2c with prior knowledge (no TLS, no HTTP/1.1 upgrade), for clients that can be told to. Every accepted
/// notification is a delivery to a follower's phone, journalled as JSON
/// <c>{"token","topic","pushType","priority","expiration","collapseId","apnsId","body"}</c> (body: the payload as sent);
/// a scorer reads it with the mapping token → <c>token</c>, alert → <c>body.alert</c>, patient → <c>body.patient</c>.
/// Errors are APNs's <c>{"reason":…}</c> (plus <c>"timestamp"</c> for Unregistered) with an <c>apns-id</c> header.
/// </summary>
/// <remarks>
/// Every reason in the spec's table can be produced: by the request's shape (headers, path, payload, provider token),
/// by the fake's state (<see cref="Unregister"/>, <see cref="ExpireToken"/>, <see cref="BeginShutdown"/>), by token
/// refreshes on one connection (TooManyProviderTokenUpdates), by an unlisted or wrong-environment client certificate,
/// and by faults: an outage's status is answered with <see cref="ErrorBody"/> (400 IdleTimeout, 403 Forbidden,
/// 429 TooManyRequests, 500 InternalServerError, 503 ServiceUnavailable…). A payload that is not JSON is accepted:
/// the spec lists no reason for it.
/// </remarks>
public sealed partial class ApnsFake : VendorFake
{
    public const int MaxPayloadBytes = 4096;
    public const int MaxVoipPayloadBytes = 5120;
    public const int MaxCollapseIdBytes = 64;

    private const string DevicePrefix = "/3/device/";

    /// <summary>Push types APNs knows (apns-push-type).</summary>
    public static readonly IReadOnlySet<string> PushTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "alert", "background", "controls", "location", "voip", "complication", "fileprovider", "mdm", "liveactivity", "pushtotalk", "widgets",
    };

    /// <summary>Suffixes a topic may add to the bundle id for the push types that need their own topic.</summary>
    private static readonly string[] TopicSuffixes =
        ["", ".voip", ".complication", ".pushkit.fileprovider", ".push-type.liveactivity", ".voip-ptt", ".push-type.widgets", ".push-type.controls", ".push-type.location"];

    private static readonly string[] ApnsHeaders =
        ["apns-topic", "apns-push-type", "apns-priority", "apns-expiration", "apns-id", "apns-collapse-id", "authorization"];

    private readonly ApnsOptions _options;
    private readonly IReadOnlyDictionary<string, (string Patient, string Follower)> _devices;
    private readonly Dictionary<string, (string TeamId, ECDsa Key)> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _unregistered = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, byte> _expired = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Since)> _tokenByConnection = new(StringComparer.Ordinal);
    private readonly Random _random;
    private readonly Lock _randomLock = new();
    private volatile bool _shuttingDown;

    /// <param name="devices">Device token (hex) → the patient it is about and the follower whose phone it is.</param>
    /// <param name="random">The run's seeded randomness, for the apns-id of notifications sent without one.</param>
    public ApnsFake(FakeContext context, ApnsOptions options, IReadOnlyDictionary<string, (string Patient, string Follower)> devices, Random random)
        : base(VendorIds.Apns, context)
    {
        _options = options;
        _devices = new Dictionary<string, (string, string)>(devices, StringComparer.OrdinalIgnoreCase);
        _random = random;
        foreach (var key in options.ProviderKeys)
        {
            var ecdsa = ECDsa.Create();
            ecdsa.ImportFromPem(key.KeyPem);
            _keys[key.KeyId] = (key.TeamId, ecdsa);
        }
    }

    public ApnsOptions Options => _options;

    protected override bool Http2Only => true;

    protected override bool AcceptsClientCertificates => true;

    /// <summary>From <paramref name="at"/> on, the device token answers 410 Unregistered with that time (the app was removed).</summary>
    public void Unregister(string token, DateTimeOffset at) => _unregistered[token] = at;

    /// <summary>The device token answers 410 ExpiredToken from now on.</summary>
    public void ExpireToken(string token) => _expired[token] = 0;

    /// <summary>APNs is going away: every request gets 503 Shutdown and its connection is closed (GOAWAY).</summary>
    public void BeginShutdown() => _shuttingDown = true;

    protected override string? EndpointOf(HttpRequest request) =>
        (request.Path.Value ?? "").StartsWith(DevicePrefix, StringComparison.Ordinal) ? "send" : null;

    /// <summary>The account is the patient the device token's follower follows; the platform is always iOS.</summary>
    protected override async ValueTask<RequestIdentity> IdentifyAsync(HttpContext http)
    {
        var identity = await base.IdentifyAsync(http);
        var path = http.Request.Path.Value ?? "";
        var account = path.StartsWith(DevicePrefix, StringComparison.Ordinal) && _devices.TryGetValue(path[DevicePrefix.Length..], out var device)
            ? device.Patient : identity.Account;
        return identity with { Account = account, Platform = ClientPlatform.Ios };
    }

    /// <summary>
    /// An answer forced by a fault, in APNs's words. A 400 that is not about the request's content is APNs's IdleTimeout;
    /// a 410 is Unregistered as of now.
    /// </summary>
    public override (string ContentType, string Body) ErrorBody(int status) => ("application/json", status switch
    {
        400 => Reason(ApnsReasons.IdleTimeout),
        403 => Reason(ApnsReasons.Forbidden),
        404 => Reason(ApnsReasons.BadPath),
        405 => Reason(ApnsReasons.MethodNotAllowed),
        410 => Reason(ApnsReasons.Unregistered, Clock.GetUtcNow()),
        413 => Reason(ApnsReasons.PayloadTooLarge),
        429 => Reason(ApnsReasons.TooManyRequests),
        503 => Reason(ApnsReasons.ServiceUnavailable),
        _ => Reason(ApnsReasons.InternalServerError),
    });

    private static string Reason(string reason, DateTimeOffset? timestamp = null) => timestamp is { } at
        ? JsonSerializer.Serialize(new { reason, timestamp = at.ToUnixTimeMilliseconds() })
        : JsonSerializer.Serialize(new { reason });

    protected override IEnumerable<(HttpMethod, string)> WarmUpRequests() => [(HttpMethod.Post, DevicePrefix + "warm-up")];

    protected override void Map(WireMockServer server)
    {
        server.Given(Request.Create().WithPath(new RegexMatcher(@"^/3/device(/[^/]*)?$")).UsingPost())
              .AtPriority(1)
              .RespondWith(Response.Create().WithCallback(Send));
        server.Given(Request.Create().WithPath(new RegexMatcher(@"^/3/device(/[^/]*)?$")).UsingAnyMethod())
              .AtPriority(2)
              .RespondWith(Response.Create().WithCallback(r => Error(405, ApnsReasons.MethodNotAllowed, r)));
        server.Given(Request.Create().WithPath(new WildcardMatcher("*")).UsingAnyMethod())
              .AtPriority(3)
              .RespondWith(Response.Create().WithCallback(r => Error(404, ApnsReasons.BadPath, r)));
    }

    private ResponseMessage Send(IRequestMessage request)
    {
        if (_shuttingDown)
        {
            // A graceful close: Kestrel sends GOAWAY once this stream is answered, and the provider reconnects.
            FaultRequest.Current?.Http.Features.Get<IConnectionLifetimeNotificationFeature>()?.RequestClose();
            return Error(503, ApnsReasons.Shutdown, request);
        }
        var token = request.Path.Length > DevicePrefix.Length ? request.Path[DevicePrefix.Length..] : "";
        if (token.Length == 0) return Error(400, ApnsReasons.MissingDeviceToken, request);
        if (ApnsHeaders.Any(h => IsDuplicated(request, h))) return Error(400, ApnsReasons.DuplicateHeaders, request);
        if (Authenticate(request) is { } refused) return refused;

        var topic = Header(request, "apns-topic");
        if (topic is null) return Error(400, ApnsReasons.MissingTopic, request);
        if (!BundleId().IsMatch(topic)) return Error(400, ApnsReasons.BadTopic, request);
        if (_options.DisallowedTopics.Contains(topic)) return Error(400, ApnsReasons.TopicDisallowed, request);
        if (Header(request, "apns-id") is { } id && !Guid.TryParseExact(id, "D", out _)) return Error(400, ApnsReasons.BadMessageId, request);
        var pushType = Header(request, "apns-push-type") ?? "alert";
        if (!PushTypes.Contains(pushType)) return Error(400, ApnsReasons.InvalidPushType, request);
        var priorityText = Header(request, "apns-priority");
        var priority = priorityText is null ? (pushType == "background" ? 5 : 10)
            : int.TryParse(priorityText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is 1 or 5 or 10 ? p : -1;
        if (priority < 0) return Error(400, ApnsReasons.BadPriority, request);
        var expirationText = Header(request, "apns-expiration");
        long? expiration = null;
        if (expirationText is not null)
        {
            if (!long.TryParse(expirationText, NumberStyles.None, CultureInfo.InvariantCulture, out var e)) return Error(400, ApnsReasons.BadExpirationDate, request);
            expiration = e;
        }
        var collapseId = Header(request, "apns-collapse-id");
        if (collapseId is not null && Encoding.UTF8.GetByteCount(collapseId) > MaxCollapseIdBytes) return Error(400, ApnsReasons.BadCollapseId, request);

        var payload = request.BodyAsBytes ?? Encoding.UTF8.GetBytes(request.Body ?? "");
        if (payload.Length == 0) return Error(400, ApnsReasons.PayloadEmpty, request);
        if (payload.Length > (pushType == "voip" ? MaxVoipPayloadBytes : MaxPayloadBytes)) return Error(413, ApnsReasons.PayloadTooLarge, request);

        if (!DeviceToken().IsMatch(token) || !_devices.TryGetValue(token, out _)) return Error(400, ApnsReasons.BadDeviceToken, request);
        if (_unregistered.TryGetValue(token, out var since)) return Error(410, ApnsReasons.Unregistered, request, since);
        if (_expired.ContainsKey(token)) return Error(410, ApnsReasons.ExpiredToken, request);
        if (!TopicSuffixes.Any(s => topic.Equals(_options.Topic + s, StringComparison.Ordinal)))
            return Error(400, ApnsReasons.DeviceTokenNotForTopic, request);

        var apnsId = ApnsId(request);
        // A push-failure fault that drops: APNs's normal answer, and nothing ever reaches the phone.
        if (FaultRequest.Current?.Take<PushDrop>() is null)
        {
            Context.Journal.Append(new PushReceived
            {
                At = Clock.GetUtcNow(), Channel = Vendor,
                Payload = Journaled(token, topic, pushType, priority, expiration, collapseId, apnsId, payload),
            });
        }
        var ok = new ResponseMessage { StatusCode = 200 };
        ok.AddHeader("apns-id", apnsId);
        return ok;
    }

    /// <summary>The provider's credentials: a bearer provider token, else a client certificate; null when accepted.</summary>
    private ResponseMessage? Authenticate(IRequestMessage request)
    {
        var authorization = Header(request, "authorization");
        // An auth fault (login-fails): the provider's credentials are refused, exactly as a bad token is.
        if (FaultRequest.Current?.Take<AuthFailure>(a => a.Mode == AuthMode.LoginFails) is not null)
            return Error(403, authorization is null ? ApnsReasons.BadCertificate : ApnsReasons.InvalidProviderToken, request);
        if (authorization is null)
        {
            if (request.ClientCertificate is not { } certificate) return Error(403, ApnsReasons.MissingProviderToken, request);
            if (!_options.ProviderCertificates.TryGetValue(certificate.Thumbprint, out var environment)) return Error(403, ApnsReasons.BadCertificate, request);
            return environment == _options.Environment ? null : Error(403, ApnsReasons.BadCertificateEnvironment, request);
        }
        if (!authorization.StartsWith("bearer ", StringComparison.OrdinalIgnoreCase))
            return Error(403, ApnsReasons.InvalidProviderToken, request);
        var jwt = authorization["bearer ".Length..].Trim();
        var now = Clock.GetUtcNow();
        switch (ApnsProviderToken.Verify(jwt, _keys, now, out _))
        {
            case ProviderTokenVerdict.Invalid: return Error(403, ApnsReasons.InvalidProviderToken, request);
            case ProviderTokenVerdict.Expired: return Error(403, ApnsReasons.ExpiredProviderToken, request);
        }
        // One token per connection for at least MinTokenRefresh: a provider minting a token per request is refused.
        if (FaultRequest.Current?.Http.Connection.Id is { } connection)
        {
            var previous = _tokenByConnection.GetOrAdd(connection, (jwt, now));
            if (previous.Token != jwt)
            {
                if (now - previous.Since < _options.MinTokenRefresh) return Error(429, ApnsReasons.TooManyProviderTokenUpdates, request);
                _tokenByConnection[connection] = (jwt, now);
            }
        }
        return null;
    }

    private static string Journaled(string token, string topic, string pushType, int priority, long? expiration, string? collapseId, string apnsId, byte[] payload)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("token", token);
            json.WriteString("topic", topic);
            json.WriteString("pushType", pushType);
            json.WriteNumber("priority", priority);
            if (expiration is { } e) json.WriteNumber("expiration", e);
            if (collapseId is not null) json.WriteString("collapseId", collapseId);
            json.WriteString("apnsId", apnsId);
            json.WritePropertyName("body");
            // The payload as sent, byte for byte, when it is JSON; else as a string.
            if (IsJson(payload)) json.WriteRawValue(payload, skipInputValidation: true);
            else json.WriteStringValue(Encoding.UTF8.GetString(payload));
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static bool IsJson(byte[] payload)
    {
        try
        {
            using var _ = JsonDocument.Parse(payload);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private ResponseMessage Error(int status, string reason, IRequestMessage request, DateTimeOffset? timestamp = null)
    {
        var message = Text(status, Reason(reason, timestamp), "application/json");
        message.AddHeader("apns-id", ApnsId(request));
        return message;
    }

    /// <summary>The request's apns-id (lower case), or a new UUID from the run's seeded randomness.</summary>
    private string ApnsId(IRequestMessage request)
    {
        if (Header(request, "apns-id") is { } sent && Guid.TryParseExact(sent, "D", out var parsed)) return parsed.ToString("D");
        Span<byte> bytes = stackalloc byte[16];
        lock (_randomLock) _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 (Guid's byte layout keeps the version in byte 7)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes).ToString("D");
    }

    private static string? Header(IRequestMessage request, string name)
    {
        var values = Values(request, name);
        return values is { Count: > 0 } ? values[0] : null;
    }

    private static IReadOnlyList<string>? Values(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value?.ToList();

    /// <summary>
    /// A header sent twice: two fields, or (as HTTP clients join repeated values) one with a comma, which no apns-*
    /// value but a collapse id may hold.
    /// </summary>
    private static bool IsDuplicated(IRequestMessage request, string name)
    {
        var values = Values(request, name);
        if (values is null) return false;
        return values.Count > 1 || (name != "apns-collapse-id" && values.Count == 1 && values[0].Contains(','));
    }

    [GeneratedRegex("^[0-9A-Fa-f]{64,200}$")]
    private static partial Regex DeviceToken();

    [GeneratedRegex(@"^[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+$")]
    private static partial Regex BundleId();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        foreach (var (_, key) in _keys.Values) key.Dispose();
        _keys.Clear();
    }
}
