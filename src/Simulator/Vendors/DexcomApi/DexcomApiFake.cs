using System.Collections.Concurrent;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Scenarios.Model;
using Simulator.Faults;
using Simulator.Faults.Auth;
using Simulator.Faults.Partial;
using Simulator.Faults.Stale;
using Simulator.Glucose;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Simulator.Vendors.DexcomApi;

/// <summary>
/// Dexcom Developer API v3 (shared/spec/vendor-apis.md §4): the OAuth2 authorization-code flow under <c>/v2/oauth2/</c>
/// and the data endpoints <c>/v3/users/self/egvs</c> and <c>/v3/users/self/dataRange</c>, with the API's data delay and
/// its hourly per-app call limit, both on the virtual clock. One client app is registered (<see cref="DexcomApiOptions.Client"/>).
/// </summary>
/// <remarks>
/// <para>
/// Login: the real <c>/v2/oauth2/login</c> is a web page a person fills in. The fake takes the person's answer as request
/// fields instead: <c>username</c> and <c>password</c> in the query (GET) or a form body (POST). Without a password a
/// username is accepted only when <see cref="DexcomApiOptions.PasswordlessLogin"/> (the sandbox's drop-down); with no
/// credentials at all, <see cref="DexcomApiOptions.AutoSelectUser"/> is logged in, or else the login page (200, HTML) is
/// shown. Wrong credentials show the page again with an error, as a browser would see. A successful login answers 302 to
/// <c>redirect_uri?code=…&amp;state=…</c>. An unknown <c>client_id</c> or a <c>redirect_uri</c> other than the registered
/// one is answered 400 with an OAuth2 error body and no redirect (RFC 6749 §4.1.2.1); other request errors redirect with
/// <c>error=…</c> (unsupported_response_type; invalid_scope when a scope is given without offline_access).
/// </para>
/// <para>
/// Token: form-encoded, client credentials in the form (not Basic). Errors follow RFC 6749 §5.2: 401 invalid_client for a
/// missing or wrong client_id/secret, 400 invalid_request, invalid_grant (unknown, expired or reused code; redirect_uri
/// differing from the authorization's; unknown, expired or rotated refresh token), unsupported_grant_type. Codes are
/// single-use; presenting a used code again also revokes the tokens issued for it (RFC 6749 §4.1.2).
/// </para>
/// <para>
/// Data: <c>startDate</c>/<c>endDate</c> are required, <c>yyyy-MM-ddThh:mm:ss</c> in UTC (see <see cref="DexcomApiWire.ParseDate"/>),
/// start before end, at most <see cref="DexcomApiOptions.MaxWindow"/> apart; both bounds are inclusive and compared with
/// systemTime. Records come newest first. dataRange answers the first and last egv a client could fetch now (its
/// <c>egvs</c> window is left out when there is none; the fake has no calibrations or events, so those are never
/// present) and honours <c>lastSyncTime</c> (only records after it). The call limit counts every call the client app
/// makes to the token and data endpoints (with a recognised client_id or access token), checked after authentication.
/// </para>
/// <para>
/// Fault endpoints (<see cref="VendorIds.Endpoints"/>): <c>login</c> (the authorization page), <c>token</c>, <c>read</c>
/// (egvs and dataRange: both are the follower's data read).
/// An auth fault refuses logins and code/refresh grants (login-fails) or revokes tokens issued before it (sessions-revoked).
/// </para>
/// </remarks>
public sealed class DexcomApiFake : VendorFake
{
    public const string LoginPath = "/v2/oauth2/login";
    public const string TokenPath = "/v2/oauth2/token";
    public const string EgvsPath = "/v3/users/self/egvs";
    public const string DataRangePath = "/v3/users/self/dataRange";

    private static readonly JsonSerializerOptions WireJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Dictionary<string, DexcomApiUser> _byUsername;
    private readonly ConcurrentDictionary<string, AuthCode> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _redeemedCodes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IssuedToken> _accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IssuedToken> _refreshTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Window, long Count)> _calls = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Random _random;
    private long _grants;

    public DexcomApiFake(FakeContext context, DexcomApiOptions options, IEnumerable<DexcomApiUser> users, Random random)
        : base(VendorIds.DexcomApi, context)
    {
        Options = options;
        _byUsername = users.ToDictionary(u => u.Username, StringComparer.OrdinalIgnoreCase);
        _random = random;
        Store = new ReadingStore(Vendor, context);
    }

    public DexcomApiOptions Options { get; }

    /// <summary>The readings Dexcom holds, fed by the run (Dexcom's own upload pipeline is not part of the API).</summary>
    public ReadingStore Store { get; }

    protected override string? EndpointOf(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        if (path.Equals(LoginPath, StringComparison.OrdinalIgnoreCase)) return "login";
        if (path.Equals(TokenPath, StringComparison.OrdinalIgnoreCase)) return "token";
        return path.Equals(EgvsPath, StringComparison.OrdinalIgnoreCase) || path.Equals(DataRangePath, StringComparison.OrdinalIgnoreCase)
            ? "read" : null;
    }

    /// <summary>The patient behind a request: its access token's, the code's or refresh token's on a grant, the username on a login.</summary>
    protected override async ValueTask<RequestIdentity> IdentifyAsync(HttpContext http)
    {
        var identity = await base.IdentifyAsync(http);
        var auth = http.Request.Headers.Authorization.ToString();
        if (auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return identity with { Account = _accessTokens.GetValueOrDefault(auth[7..].Trim())?.User.Patient };
        switch (EndpointOf(http.Request))
        {
            case "login":
                var fields = Merge(http.Request.QueryString.Value, HttpMethods.IsPost(http.Request.Method) ? await PeekBodyAsync(http.Request) : null);
                var username = Field(fields, "username") ?? Options.AutoSelectUser;
                return identity with { Account = username is null ? null : _byUsername.GetValueOrDefault(username)?.Patient };
            case "token":
                var form = Merge(null, await PeekBodyAsync(http.Request));
                var user = Field(form, "code") is { } code ? _codes.GetValueOrDefault(code)?.User
                    : Field(form, "refresh_token") is { } refresh ? _refreshTokens.GetValueOrDefault(refresh)?.User
                    : null;
                return identity with { Account = user?.Patient };
            default:
                return identity;
        }
    }

    /// <summary>An outage answers in the API gateway's fault envelope (see <see cref="DexcomApiWire"/>).</summary>
    public override (string ContentType, string Body) ErrorBody(int status)
    {
        var (text, code) = status switch
        {
            401 => ("Invalid Access Token", "keymanagement.service.invalid_access_token"),
            429 => ("Rate limit quota violation. Quota limit exceeded.", "policies.ratelimit.QuotaViolation"),
            502 => ("Bad Gateway", "messaging.adaptors.http.flow.BadGateway"),
            503 => ("The Service is temporarily unavailable", "messaging.adaptors.http.flow.ServiceUnavailable"),
            504 => ("Gateway Timeout", "messaging.adaptors.http.flow.GatewayTimeout"),
            >= 500 => ("Internal Server Error", "messaging.adaptors.http.flow.InternalServerError"),
            _ => (ReasonPhrase(status), "messaging.adaptors.http.flow.ErrorResponseCode"),
        };
        return ("application/json", JsonSerializer.Serialize(DexcomApiWire.Fault(text, code), WireJson));
    }

    private static string ReasonPhrase(int status) =>
        Enum.IsDefined(typeof(HttpStatusCode), status) ? ((HttpStatusCode)status).ToString() : "Error";

    protected override IEnumerable<(HttpMethod, string)> WarmUpRequests() =>
    [
        (HttpMethod.Get, LoginPath),
        (HttpMethod.Post, TokenPath),
        (HttpMethod.Get, EgvsPath),
        (HttpMethod.Get, DataRangePath),
    ];

    protected override void Map(WireMockServer server)
    {
        server.Given(Request.Create().WithPath(LoginPath).UsingGet()).RespondWith(Response.Create().WithCallback(Login));
        server.Given(Request.Create().WithPath(LoginPath).UsingPost()).RespondWith(Response.Create().WithCallback(Login));
        server.Given(Request.Create().WithPath(TokenPath).UsingPost()).RespondWith(Response.Create().WithCallback(Token));
        server.Given(Request.Create().WithPath(EgvsPath).UsingGet()).RespondWith(Response.Create().WithCallback(Egvs));
        server.Given(Request.Create().WithPath(DataRangePath).UsingGet()).RespondWith(Response.Create().WithCallback(DataRange));
    }

    // ---- OAuth2 -------------------------------------------------------------------------------------------------

    private ResponseMessage Login(IRequestMessage request)
    {
        var fields = Merge(request.RawQuery, request.Method == "POST" ? BodyText(request) : null);
        var client = Options.Client;
        if (Field(fields, "client_id") != client.ClientId)
            return Reply(400, DexcomApiWire.OAuthError("invalid_client", "Unknown client_id."));
        if (Field(fields, "redirect_uri") != client.RedirectUri)
            return Reply(400, DexcomApiWire.OAuthError("invalid_request", "redirect_uri does not match the one registered for the client."));
        var state = Field(fields, "state");
        if (Field(fields, "response_type") != "code")
            return Redirect(client.RedirectUri, [("error", "unsupported_response_type"), ("error_description", "response_type must be code."), ("state", state)]);
        if (Field(fields, "scope") is { } scope && !scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("offline_access"))
            return Redirect(client.RedirectUri, [("error", "invalid_scope"), ("error_description", "scope must be offline_access."), ("state", state)]);

        var username = Field(fields, "username");
        var password = Field(fields, "password");
        DexcomApiUser? user;
        if (username is null && password is null)
        {
            user = Options.AutoSelectUser is { } auto ? _byUsername.GetValueOrDefault(auto) : null;
            if (user is null) return LoginPage(null);
        }
        else
        {
            user = _byUsername.GetValueOrDefault(username ?? "");
            if (user is not null && !(password is null ? Options.PasswordlessLogin : password == user.Password)) user = null;
            if (user is null) return LoginPage("Invalid username or password.");
        }
        if (AuthFault(AuthMode.LoginFails) is not null) return LoginPage("Invalid username or password.");

        var code = NewHex(16);
        _codes[code] = new AuthCode(user, client.RedirectUri, Clock.GetUtcNow() + Options.CodeLifetime, Interlocked.Increment(ref _grants));
        return Redirect(client.RedirectUri, [("code", code), ("state", state)]);
    }

    private ResponseMessage Token(IRequestMessage request)
    {
        var form = Merge(null, BodyText(request));
        var client = Options.Client;
        var clientId = Field(form, "client_id");
        if (clientId != client.ClientId || Field(form, "client_secret") != client.ClientSecret)
            return TokenError(401, "invalid_client", "Client authentication failed.");
        var now = Clock.GetUtcNow();
        if (OverLimit(clientId, now) is { } limited) return limited;

        switch (Field(form, "grant_type"))
        {
            case null:
                return TokenError(400, "invalid_request", "grant_type is required.");
            case "authorization_code":
                if (Field(form, "code") is not { } code) return TokenError(400, "invalid_request", "code is required.");
                if (!_codes.TryRemove(code, out var issued))
                {
                    // A code presented twice: refused, and what it was exchanged for is revoked.
                    if (_redeemedCodes.TryGetValue(code, out var grant)) Revoke(grant);
                    return TokenError(400, "invalid_grant", "The authorization code is invalid, expired or already used.");
                }
                _redeemedCodes[code] = issued.Grant;
                if (issued.ExpiresAt <= now)
                    return TokenError(400, "invalid_grant", "The authorization code is invalid, expired or already used.");
                if (Field(form, "redirect_uri") != issued.RedirectUri)
                    return TokenError(400, "invalid_grant", "redirect_uri does not match the authorization request.");
                if (AuthFault(AuthMode.LoginFails) is not null)
                    return TokenError(400, "invalid_grant", "The authorization grant was refused.");
                return Issue(issued.User, issued.Grant, now, refreshToken: null);
            case "refresh_token":
                if (Field(form, "refresh_token") is not { } refresh) return TokenError(400, "invalid_request", "refresh_token is required.");
                if (!_refreshTokens.TryGetValue(refresh, out var held) || held.ExpiresAt <= now
                    || (Options.RotateRefreshTokens && !_refreshTokens.TryRemove(refresh, out _)))
                    return TokenError(400, "invalid_grant", "The refresh token is invalid or expired.");
                if (AuthFault(AuthMode.LoginFails) is not null)
                    return TokenError(400, "invalid_grant", "The refresh token is invalid or expired.");
                return Issue(held.User, held.Grant, now, Options.RotateRefreshTokens ? null : refresh);
            default:
                return TokenError(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token.");
        }
    }

    private ResponseMessage Issue(DexcomApiUser user, long grant, DateTimeOffset now, string? refreshToken)
    {
        var access = NewHex(32);
        _accessTokens[access] = new IssuedToken(user, now, now + Options.AccessTokenLifetime, grant);
        if (refreshToken is null)
        {
            refreshToken = NewHex(16);
            _refreshTokens[refreshToken] = new IssuedToken(user, now, now + Options.RefreshTokenLifetime, grant);
        }
        var message = Reply(200, new Dictionary<string, object>
        {
            ["access_token"] = access,
            ["expires_in"] = (long)Options.AccessTokenLifetime.TotalSeconds,
            ["token_type"] = "Bearer",
            ["refresh_token"] = refreshToken,
        });
        return NoStore(message);
    }

    private void Revoke(long grant)
    {
        foreach (var (token, issued) in _accessTokens)
            if (issued.Grant == grant) _accessTokens.TryRemove(token, out _);
        foreach (var (token, issued) in _refreshTokens)
            if (issued.Grant == grant) _refreshTokens.TryRemove(token, out _);
    }

    private static ResponseMessage TokenError(int status, string error, string description) =>
        NoStore(Reply(status, DexcomApiWire.OAuthError(error, description)));

    private static ResponseMessage NoStore(ResponseMessage message)
    {
        message.AddHeader("Cache-Control", "no-store");
        message.AddHeader("Pragma", "no-cache");
        return message;
    }

    private static ResponseMessage Redirect(string redirectUri, IEnumerable<(string Name, string? Value)> parameters)
    {
        var query = string.Join('&', parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
        var message = Text(302, "", null);
        message.AddHeader("Location", redirectUri + (redirectUri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query);
        message.AddHeader("Cache-Control", "no-store");
        return message;
    }

    /// <summary>The login page a browser would get: shown when no credentials came, or again with an error when they were wrong.</summary>
    private ResponseMessage LoginPage(string? error)
    {
        var users = Options.PasswordlessLogin
            ? "<select name=\"username\">" + string.Concat(_byUsername.Keys.Order(StringComparer.Ordinal).Select(u => $"<option>{WebUtility.HtmlEncode(u)}</option>")) + "</select>"
            : "<input name=\"username\"><input name=\"password\" type=\"password\">";
        var html = "<!DOCTYPE html><html><head><title>Dexcom - Log In</title></head><body>"
            + (error is null ? "" : $"<p class=\"error\">{WebUtility.HtmlEncode(error)}</p>")
            + $"<form method=\"post\">{users}<button type=\"submit\">Log In</button></form></body></html>";
        return Text(200, html, "text/html; charset=utf-8");
    }

    private static AuthFailure? AuthFault(AuthMode mode, Func<AuthFailure, bool>? when = null) =>
        FaultRequest.Current?.Take<AuthFailure>(a => a.Mode == mode && (when is null || when(a)));

    // ---- Data ---------------------------------------------------------------------------------------------------

    private ResponseMessage Egvs(IRequestMessage request) => WithToken(request, (token, now) =>
    {
        var query = Merge(request.RawQuery, null);
        var startText = Field(query, "startDate");
        var endText = Field(query, "endDate");
        if (startText is null || endText is null)
            return InvalidRequest("startDate and endDate are required.");
        if (DexcomApiWire.ParseDate(startText) is not { } start)
            return InvalidRequest($"startDate '{startText}' is not a date-time of the form yyyy-MM-ddThh:mm:ss.");
        if (DexcomApiWire.ParseDate(endText) is not { } end)
            return InvalidRequest($"endDate '{endText}' is not a date-time of the form yyyy-MM-ddThh:mm:ss.");
        if (start >= end)
            return InvalidRequest("startDate must be before endDate.");
        if (end - start > Options.MaxWindow)
            return InvalidRequest($"The window between startDate and endDate must not exceed {Options.MaxWindow.TotalDays:0.##} days.");

        var served = Read(token.User.Patient, start, end, now);
        Store.RecordServed(token.User.Patient, [.. served.Select(r => r.Truth)]);
        return Reply(200, new Dictionary<string, object>
        {
            ["recordType"] = "egv",
            ["recordVersion"] = DexcomApiWire.RecordVersion,
            ["userId"] = token.User.UserId.ToString(),
            ["records"] = served.Select(r => DexcomApiWire.Egv(r.Shown, Options)).ToList(),
        });
    });

    private ResponseMessage DataRange(IRequestMessage request) => WithToken(request, (token, now) =>
    {
        var lastSyncText = Field(Merge(request.RawQuery, null), "lastSyncTime");
        DateTimeOffset from = DateTimeOffset.MinValue;
        if (lastSyncText is not null)
        {
            if (DexcomApiWire.ParseDate(lastSyncText) is not { } lastSync)
                return InvalidRequest($"lastSyncTime '{lastSyncText}' is not a date-time of the form yyyy-MM-ddThh:mm:ss.");
            from = lastSync.AddTicks(1);
        }
        var readings = Read(token.User.Patient, from, DateTimeOffset.MaxValue, now);
        var body = new Dictionary<string, object>
        {
            ["recordType"] = "dataRange",
            ["recordVersion"] = DexcomApiWire.RecordVersion,
            ["userId"] = token.User.UserId.ToString(),
        };
        if (readings.Count > 0)
        {
            body["egvs"] = new
            {
                start = DexcomApiWire.Moment(readings[^1].Shown.SensorTime, Options),
                end = DexcomApiWire.Moment(readings[0].Shown.SensorTime, Options),
            };
        }
        return Reply(200, body);
    });

    /// <summary>
    /// What a data call may show: readings visible in the store (backlog) whose shown sensor time lies in
    /// [<paramref name="from"/>, <paramref name="to"/>] and is at least the data delay old; newest first. Under a stale
    /// fault, the frozen readings instead. This is <see cref="FollowerReads.Read"/> with an upper bound (which it lacks)
    /// and without the journaling, which only egvs does (dataRange serves no readings).
    /// </summary>
    private List<ServedReading> Read(string patient, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var cutoff = now - Options.EffectiveDataDelay;
        var upper = to < cutoff ? to : cutoff;
        IEnumerable<ServedReading> candidates = FaultRequest.Current?.Take<StaleReads>() is { } stale
            ? stale.Serve(Store.Visible(patient, DateTimeOffset.MinValue, int.MaxValue), now)
            : Store.Visible(patient, from, int.MaxValue).Select(r => new ServedReading(r, r));
        return [.. candidates.Where(r => r.Shown.SensorTime >= from && r.Shown.SensorTime <= upper)];
    }

    private ResponseMessage WithToken(IRequestMessage request, Func<IssuedToken, DateTimeOffset, ResponseMessage> handler)
    {
        var auth = Header(request, "Authorization");
        if (auth is null || !auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return Reply(401, DexcomApiWire.Fault("Invalid access token", "oauth.v2.InvalidAccessToken"));
        var now = Clock.GetUtcNow();
        if (!_accessTokens.TryGetValue(auth[7..].Trim(), out var token))
            return InvalidToken();
        if (token.ExpiresAt <= now)
            return Reply(401, DexcomApiWire.Fault("Access Token expired", "keymanagement.service.access_token_expired"));
        if (AuthFault(AuthMode.SessionsRevoked, a => token.IssuedAt < a.Since) is not null)
        {
            // Revoked for good, with the refresh token: the follower has to send the user through the login again.
            Revoke(token.Grant);
            return InvalidToken();
        }
        return OverLimit(Options.Client.ClientId, now) ?? handler(token, now);
    }

    private static ResponseMessage InvalidToken() =>
        Reply(401, DexcomApiWire.Fault("Invalid Access Token", "keymanagement.service.invalid_access_token"));

    private static ResponseMessage InvalidRequest(string description) =>
        Reply(400, DexcomApiWire.Fault(description, "invalid_request"));

    /// <summary>Counts a call of the client app in the current window; the 429 when it is over the limit.</summary>
    private ResponseMessage? OverLimit(string clientId, DateTimeOffset now)
    {
        var windowTicks = Options.RateLimitWindow.Ticks;
        var window = now.UtcTicks / windowTicks;
        long count;
        lock (_gate)
        {
            var (current, calls) = _calls.GetValueOrDefault(clientId);
            count = current == window ? calls + 1 : 1;
            _calls[clientId] = (window, count);
        }
        if (count <= Options.HourlyLimit) return null;
        var message = Reply(429, DexcomApiWire.Fault(
            $"Rate limit quota violation. Quota limit exceeded. Identifier : {clientId}", "policies.ratelimit.QuotaViolation"));
        if (Options.RetryAfterOnLimit)
        {
            var resetsAt = new DateTimeOffset((window + 1) * windowTicks, TimeSpan.Zero);
            message.AddHeader("Retry-After", ((long)Math.Ceiling((resetsAt - now).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return message;
    }

    // ---- Plumbing -----------------------------------------------------------------------------------------------

    private string NewHex(int bytes)
    {
        var buffer = new byte[bytes];
        lock (_gate) _random.NextBytes(buffer);
        return Convert.ToHexStringLower(buffer);
    }

    private static ResponseMessage Reply(int status, object body) => Text(status, JsonSerializer.Serialize(body, WireJson), "application/json");

    private static string? BodyText(IRequestMessage request) =>
        request.Body ?? (request.BodyAsBytes is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes) : null);

    /// <summary>Query and form fields together (form fields win), decoded as a web server decodes them.</summary>
    private static Dictionary<string, StringValues> Merge(string? query, string? form)
    {
        var fields = string.IsNullOrEmpty(query) ? new Dictionary<string, StringValues>(StringComparer.Ordinal) : QueryHelpers.ParseQuery(query);
        if (!string.IsNullOrEmpty(form))
            foreach (var (key, value) in QueryHelpers.ParseQuery(form)) fields[key] = value;
        return fields;
    }

    private static string? Field(Dictionary<string, StringValues> fields, string name) =>
        fields.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    private static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    private sealed record AuthCode(DexcomApiUser User, string RedirectUri, DateTimeOffset ExpiresAt, long Grant);

    /// <summary>An access or refresh token: whose, when issued and until when (virtual), and the authorization it belongs to.</summary>
    private sealed record IssuedToken(DexcomApiUser User, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, long Grant);
}
