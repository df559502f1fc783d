using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Scenarios.Model;
using Simulator.Faults;
using Simulator.Faults.Auth;
using Simulator.Faults.Partial;
using Simulator.Glucose;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Simulator.Vendors.LibreLinkUp;

/// <summary>
/// LibreLinkUp, Abbott's follower API (shared/spec/vendor-apis.md §3): login with the region redirect and the
/// terms/privacy steps, the follower's connections and a patient's 12-hour graph, fed by the run through <see cref="Store"/>.
/// Each account follows one patient.
/// </summary>
/// <remarks>
/// <para><b>Regions.</b> The real service is one host per region (§3.1); the fake is one loopback port, and a request's
/// region is, in this order: a <c>/{region}</c> path prefix (<c>/eu2/llu/auth/login</c>; <see cref="RegionUrl"/>, and what
/// <c>/llu/config/country</c> hands out as <c>lslApi</c>, so DiaKEM's redirect handling lands back here); else the Host
/// header when it is a real regional host (a client whose DNS maps <c>api-eu.libreview.io</c> to loopback); else
/// <see cref="LibreLinkUpOptions.DefaultRegion"/>. A login outside the account's <see cref="LibreLinkUpAccount.Region"/> answers
/// the redirect (after the credentials are checked); a token works only in the region that issued it (choice: its
/// <c>region</c> claim says where it belongs).</para>
/// <para><b>Gate.</b> Every call needs <c>product</c> (<c>llu.android</c>/<c>llu.ios</c>) and a <c>version</c> at least
/// <see cref="LibreLinkUpOptions.MinimumVersion"/>; otherwise 403 <c>{"data":{"minimumVersion":…},"status":920}</c> (choice: a
/// missing or unknown product or version cannot show it is new enough, so it gets the same answer). The harness's warm-up
/// calls pass the gate so they reach the handlers.</para>
/// <para><b>Choices for §8's open points</b> (see <see cref="LibreLinkUpOptions"/> for the switches): an invalid or expired
/// token, a missing/wrong <c>account-id</c> and a token from another region answer <see cref="LibreLinkUpOptions.InvalidTokenStatus"/>
/// (401) <c>{"message":"invalid or expired jwt"}</c>; the lock-out comes with HTTP 200; <c>POST /auth/continue/{type}</c>
/// accepts the pending document and answers like a login (the next step, or the full login); an unknown patient's graph
/// is HTTP 200 with <c>{"error":{"message":"couldNotLoadPatient"},"status":4}</c>; malformed JSON and a non-JSON content type
/// are HTTP 400 <c>{"status":400,"error":{"message":…}}</c>; an unknown path is 404 in that shape; a missing reading is a
/// <c>null</c> <c>glucoseMeasurement</c>; a trend with no Libre arrow is <c>TrendArrow</c> 0. Faulted answers
/// (<see cref="ErrorBody"/>) mostly look like Cloudflare, which fronts the real hosts (§3.7).</para>
/// <para>Fault endpoints: <c>login</c> (login, step acceptance) and <c>read</c> (connections and graph), the names every data vendor
/// shares (<see cref="VendorIds.Endpoints"/>), so stale and backlog faults aim at <c>librelinkup/read</c>.</para>
/// </remarks>
public sealed class LibreLinkUpFake : VendorFake
{
    private static readonly string[] Products = ["llu.android", "llu.ios"];
    private readonly Dictionary<string, LibreLinkUpAccount> _byEmail;
    private readonly Dictionary<Guid, LibreLinkUpAccount> _byUser;
    private readonly ConcurrentDictionary<Guid, AccountState> _state = new();
    private readonly ConcurrentDictionary<string, StepTicket> _stepTokens = new(StringComparer.Ordinal);
    private readonly LibreLinkUpTokens _tokens;
    private readonly Version _minimumVersion;
    private readonly DateTimeOffset _createdAt;

    public LibreLinkUpFake(FakeContext context, IEnumerable<LibreLinkUpAccount> accounts, Random random)
        : this(context, accounts, new LibreLinkUpOptions(), random) { }

    public LibreLinkUpFake(FakeContext context, IEnumerable<LibreLinkUpAccount> accounts, LibreLinkUpOptions options, Random random)
        : base(VendorIds.LibreLinkUp, context)
    {
        var list = accounts.ToList();
        _byEmail = list.ToDictionary(a => a.Email, StringComparer.OrdinalIgnoreCase);
        _byUser = list.ToDictionary(a => a.UserId);
        Options = options;
        _minimumVersion = ParseVersion(options.MinimumVersion)
            ?? throw new ArgumentException($"'{options.MinimumVersion}' is not a version like 4.16.0.", nameof(options));
        if (options.GraphSpacing <= TimeSpan.Zero || options.GraphWindow <= TimeSpan.Zero || options.LockoutFailures < 1)
            throw new ArgumentException("GraphSpacing and GraphWindow must be longer than 0 and LockoutFailures at least 1.", nameof(options));
        if (!LibreLinkUpWire.IsRegion(options.DefaultRegion))
            throw new ArgumentException($"'{options.DefaultRegion}' is not a LibreLinkUp region.", nameof(options));
        foreach (var account in list.Where(a => !LibreLinkUpWire.IsRegion(a.Region)))
            throw new ArgumentException($"Account {account.Email}: '{account.Region}' is not a LibreLinkUp region.", nameof(accounts));
        _tokens = new LibreLinkUpTokens(random);
        _createdAt = context.Clock.GetUtcNow();
        Store = new ReadingStore(Vendor, context);
    }

    public LibreLinkUpOptions Options { get; }

    public ReadingStore Store { get; }

    /// <summary>The base URL of a region on this fake (no trailing slash, like a real <c>lslApi</c>), e.g. <c>http://127.0.0.1:4123/eu2</c>.</summary>
    public Uri RegionUrl(string region) => new(BaseUrl, "/" + region.ToLowerInvariant());

    protected override string? EndpointOf(HttpRequest request) =>
        Route(request.Path.Value ?? "", request.Host.Host).Call switch
        {
            Call.Login or Call.Continue => "login",
            Call.Connections or Call.Graph => "read",
            _ => null,
        };

    /// <summary>The account behind a request: its token's (full or step), or on a login the one its body's e-mail names.</summary>
    protected override async ValueTask<RequestIdentity> IdentifyAsync(HttpContext http)
    {
        var identity = await base.IdentifyAsync(http);
        var token = BearerToken(http.Request.Headers.Authorization.ToString());
        if (token is not null)
        {
            var account = _stepTokens.TryGetValue(token, out var step) ? step.Account
                : _tokens.Read(token) is { } claims ? _byUser.GetValueOrDefault(claims.UserId) : null;
            return identity with { Account = account?.Patient };
        }
        if (Route(http.Request.Path.Value ?? "", http.Request.Host.Host).Call != Call.Login)
            return identity;
        try
        {
            using var doc = JsonDocument.Parse(await PeekBodyAsync(http.Request));
            return identity with { Account = _byEmail.GetValueOrDefault(Field(doc.RootElement, "email"))?.Patient };
        }
        catch (JsonException)
        {
            return identity;
        }
    }

    /// <summary>
    /// Faulted answers as Cloudflare, in front of every LibreView host, gives them (§3.7): 429 is Cloudflare's rate-limit page
    /// (error 1015), other statuses its error page with the code; except 401, the service's own invalid-token body, and
    /// 403, the service's version gate.
    /// </summary>
    public override (string ContentType, string Body) ErrorBody(int status) => status switch
    {
        401 => ("application/json", JsonSerializer.Serialize(LibreLinkUpWire.InvalidToken())),
        // A 403 is how LibreLinkUp turned clients away in its forced upgrades (ABT-2023-06, ABT-2025-10-08): an outage
        // fault with status 403 (and a where: on user agents) plays one in a window.
        403 => ("application/json", JsonSerializer.Serialize(LibreLinkUpWire.VersionGate(Options.MinimumVersion))),
        429 => ("text/html", CloudflarePage("Access denied", "1015", "You are being rate limited",
            "The owner of this website (api.libreview.io) has banned you temporarily from accessing this website.")),
        _ => ("text/html", CloudflarePage(status >= 500 ? "Server error" : "Error", status.ToString(CultureInfo.InvariantCulture),
            status >= 500 ? "The web server reported an error" : "The request could not be served",
            "api.libreview.io could not answer this request.")),
    };

    private static string CloudflarePage(string title, string code, string heading, string text) =>
        $"<!DOCTYPE html><html lang=\"en-US\"><head><title>{title} | api.libreview.io | Cloudflare</title></head><body>"
        + $"<div id=\"cf-wrapper\"><h1>{heading}</h1><span class=\"cf-error-code\">Error code {code}</span><p>{text}</p></div></body></html>";

    protected override IEnumerable<(HttpMethod, string)> WarmUpRequests() =>
    [
        // No e-mail, no token: nothing is looked up, counted or issued.
        (HttpMethod.Post, "/llu/auth/login"),
        (HttpMethod.Post, "/auth/continue/tou"),
        (HttpMethod.Get, "/llu/connections"),
        (HttpMethod.Get, $"/llu/connections/{Guid.Empty}/graph"),
        (HttpMethod.Get, "/llu/config/country?country=DE"),
    ];

    protected override void Map(WireMockServer server) =>
        // One mapping, routed here: every path gets the vendor's own answer, unknown ones included.
        server.Given(Request.Create().WithPath(new RegexMatcher(".*")))
              .RespondWith(Response.Create().WithCallback(Handle));

    private ResponseMessage Handle(IRequestMessage request)
    {
        var route = Route(request.Path, HostOf(request));
        var method = request.Method.ToUpperInvariant();
        var expected = route.Call is Call.Login or Call.Continue ? "POST" : "GET";
        if (route.Call == Call.Unknown || method != expected)
            return Json(404, LibreLinkUpWire.Error(404, "notFound"));
        if (!IsWarmUp(request) && !ProductAndVersionAccepted(request))
            return Json(403, LibreLinkUpWire.VersionGate(Options.MinimumVersion));
        return route.Call switch
        {
            Call.Login => Login(request, route.Region),
            Call.Continue => Continue(request, route.Region, route.Argument),
            Call.Connections => WithToken(request, route.Region, Connections),
            Call.Graph => WithToken(request, route.Region, (account, ticket) => Graph(account, ticket, route.Argument)),
            _ => CountryConfig(),
        };
    }

    private bool ProductAndVersionAccepted(IRequestMessage request) =>
        Header(request, "product") is { } product && Products.Contains(product, StringComparer.OrdinalIgnoreCase)
        && ParseVersion(Header(request, "version")) is { } version && version >= _minimumVersion;

    private ResponseMessage Login(IRequestMessage request, string region)
    {
        if (Header(request, "Content-Type") is not { } contentType || !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
            return Json(400, LibreLinkUpWire.Error(400, "unsupportedMediaType"));
        JsonElement body;
        try
        {
            using var doc = JsonDocument.Parse(request.Body ?? "");
            body = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Json(400, LibreLinkUpWire.Error(400, "invalidJson"));
        }
        // An auth fault refuses logins as a wrong password does, without counting towards a lock-out.
        if (FaultRequest.Current?.Take<AuthFailure>(a => a.Mode == AuthMode.LoginFails) is not null)
            return NotAuthenticated();
        if (!_byEmail.TryGetValue(Field(body, "email"), out var account))
            return NotAuthenticated();
        var now = Clock.GetUtcNow();
        var state = StateOf(account);
        lock (state.Gate)
        {
            if (now < state.LockedUntil)
                return Lockout();
            if (account.Password != Field(body, "password"))
            {
                while (state.Failures.Count > 0 && state.Failures.Peek() <= now - Options.LockoutInterval) state.Failures.Dequeue();
                state.Failures.Enqueue(now);
                if (state.Failures.Count < Options.LockoutFailures)
                    return NotAuthenticated();
                state.Failures.Clear();
                state.LockedUntil = now + Options.LockoutDuration;
                return Lockout();
            }
            state.Failures.Clear();
        }
        if (!string.Equals(region, account.Region, StringComparison.OrdinalIgnoreCase))
            return Json(200, LibreLinkUpWire.Redirect(account.Region));
        return NextStepOrSession(account, state, region, Product(request), now);
    }

    /// <summary>Accepts a pending document with the step token, then answers like a login: the next step or the session.</summary>
    private ResponseMessage Continue(IRequestMessage request, string region, string type)
    {
        var token = BearerToken(Header(request, "Authorization"));
        var now = Clock.GetUtcNow();
        if (token is null || !_stepTokens.TryGetValue(token, out var step) || now >= step.Expires
            || !string.Equals(step.Region, region, StringComparison.OrdinalIgnoreCase))
            return InvalidToken();
        var state = StateOf(step.Account);
        lock (state.Gate)
        {
            if (state.Pending.Count > 0 && string.Equals(state.Pending[0], type, StringComparison.OrdinalIgnoreCase))
            {
                state.Pending.RemoveAt(0);
                _stepTokens.TryRemove(token, out _);
            }
        }
        return NextStepOrSession(step.Account, state, region, Product(request), now);
    }

    private ResponseMessage NextStepOrSession(LibreLinkUpAccount account, AccountState state, string region, string product, DateTimeOffset now)
    {
        string? pending;
        lock (state.Gate) pending = state.Pending.Count > 0 ? state.Pending[0] : null;
        if (pending is not null)
        {
            var expires = now + Options.StepTokenLifetime;
            foreach (var (issued, issuedTicket) in _stepTokens)
                if (now >= issuedTicket.Expires) _stepTokens.TryRemove(issued, out _);
            var stepToken = _tokens.Issue(account, region, product, now, expires);
            _stepTokens[stepToken] = new StepTicket(account, region, expires);
            return Json(200, new Dictionary<string, object>
            {
                ["status"] = LibreLinkUpWire.ActionRequired,
                ["data"] = new Dictionary<string, object>
                {
                    ["step"] = Step(pending),
                    ["user"] = new Dictionary<string, object> { ["accountType"] = "pat", ["country"] = account.Country, ["uiLanguage"] = "en-US" },
                    ["authTicket"] = LibreLinkUpWire.Ticket(stepToken, expires, Options.StepTokenLifetime),
                },
            });
        }
        var ticket = NewTicket(account, region, product, now);
        return Json(200, new Dictionary<string, object?>
        {
            ["status"] = LibreLinkUpWire.Ok,
            ["data"] = new Dictionary<string, object?>
            {
                ["user"] = User(account, now),
                ["messages"] = new Dictionary<string, int> { ["unread"] = 0 },
                ["notifications"] = new Dictionary<string, int> { ["unresolved"] = 0 },
                ["authTicket"] = ticket,
                ["invitations"] = null,
                ["trustedDeviceToken"] = "",
            },
        });
    }

    private static Dictionary<string, object> Step(string type)
    {
        var document = type.Equals("tou", StringComparison.OrdinalIgnoreCase) || type.Equals("pp", StringComparison.OrdinalIgnoreCase);
        return new Dictionary<string, object>
        {
            ["type"] = type,
            ["componentName"] = document ? "AcceptDocument" : "VerifyEmail",
            ["props"] = new Dictionary<string, object>
            {
                ["reaccept"] = document,
                ["titleKey"] = type.Equals("tou", StringComparison.OrdinalIgnoreCase) ? "Common.termsOfUse"
                    : type.Equals("pp", StringComparison.OrdinalIgnoreCase) ? "Common.privacyPolicy" : "Common.verifyEmail",
                ["type"] = type,
            },
        };
    }

    private Dictionary<string, object?> User(LibreLinkUpAccount account, DateTimeOffset now) => new()
    {
        ["id"] = account.UserId.ToString(),
        ["firstName"] = account.UserFirstName,
        ["lastName"] = account.UserLastName,
        ["email"] = account.Email,
        ["country"] = account.Country,
        ["uiLanguage"] = "en-US",
        ["communicationLanguage"] = "en-US",
        ["accountType"] = "pat",
        ["uom"] = ((int)account.Units).ToString(CultureInfo.InvariantCulture),
        ["dateFormat"] = "2",
        ["timeFormat"] = "2",
        ["emailDay"] = new[] { 1 },
        ["system"] = new Dictionary<string, object> { ["messages"] = new Dictionary<string, object>() },
        ["details"] = new Dictionary<string, object>(),
        ["twoFactor"] = new Dictionary<string, string>
        {
            ["primaryMethod"] = "phone", ["primaryValue"] = "", ["secondaryMethod"] = "email", ["secondaryValue"] = account.Email,
        },
        ["created"] = (_createdAt - TimeSpan.FromDays(365)).ToUnixTimeSeconds(),
        ["lastLogin"] = now.ToUnixTimeSeconds(),
        ["programs"] = new Dictionary<string, object>(),
        ["dateOfBirth"] = 0,
        ["practices"] = new Dictionary<string, object>(),
        ["devices"] = new Dictionary<string, object>(),
        ["consents"] = new Dictionary<string, object>
        {
            ["llu"] = new Dictionary<string, object> { ["policyAccept"] = (_createdAt - TimeSpan.FromDays(365)).ToUnixTimeSeconds(), ["touAccept"] = (_createdAt - TimeSpan.FromDays(365)).ToUnixTimeSeconds() },
        },
    };

    private Dictionary<string, object> NewTicket(LibreLinkUpAccount account, string region, string product, DateTimeOffset now)
    {
        var expires = now + Options.TokenLifetime;
        return LibreLinkUpWire.Ticket(_tokens.Issue(account, region, product, now, expires), expires, Options.TokenLifetime);
    }

    /// <summary>Runs a data call for a full token's account, handing it the refreshed ticket every authenticated answer carries.</summary>
    private ResponseMessage WithToken(IRequestMessage request, string region, Func<LibreLinkUpAccount, Dictionary<string, object>, ResponseMessage> handler)
    {
        var token = BearerToken(Header(request, "Authorization"));
        var now = Clock.GetUtcNow();
        if (token is null || _stepTokens.ContainsKey(token) || _tokens.Read(token) is not { } claims || now >= claims.Expires
            || !string.Equals(claims.Region, region, StringComparison.OrdinalIgnoreCase)
            || !_byUser.TryGetValue(claims.UserId, out var account))
            return InvalidToken();
        var state = StateOf(account);
        lock (state.Gate)
        {
            if (claims.IssuedAt < state.RevokedBefore)
                return InvalidToken();
            // Revoked for good, as a real revocation is: every token issued before the fault's start stays refused.
            if (FaultRequest.Current?.Take<AuthFailure>(a => a.Mode == AuthMode.SessionsRevoked && claims.IssuedAt < a.Since) is { } revoked)
            {
                if (revoked.Since > state.RevokedBefore) state.RevokedBefore = revoked.Since;
                return InvalidToken();
            }
        }
        if (Options.RequireAccountId && !string.Equals(Header(request, "account-id"), account.AccountIdHeader, StringComparison.OrdinalIgnoreCase))
            return InvalidToken();
        return handler(account, NewTicket(account, region, Product(request), now));
    }

    private ResponseMessage Connections(LibreLinkUpAccount account, Dictionary<string, object> ticket)
    {
        var now = Clock.GetUtcNow();
        var latest = FollowerReads.Read(Store, account.Patient, DateTimeOffset.MinValue, 1, now);
        return Json(200, new Dictionary<string, object>
        {
            ["status"] = LibreLinkUpWire.Ok,
            ["data"] = new[] { Connection(account, latest.Count > 0 ? latest[0] : null) },
            ["ticket"] = ticket,
        });
    }

    private ResponseMessage Graph(LibreLinkUpAccount account, Dictionary<string, object> ticket, string patientId)
    {
        if (!Guid.TryParse(patientId, out var id) || id != account.PatientId)
            return Json(200, new Dictionary<string, object>
            {
                ["error"] = new Dictionary<string, string> { ["message"] = "couldNotLoadPatient" },
                ["status"] = LibreLinkUpWire.ActionRequired,
            });
        var now = Clock.GetUtcNow();
        var readings = FollowerReads.Read(Store, account.Patient, now - Options.GraphWindow, int.MaxValue, now);
        var graph = new List<Dictionary<string, object?>>();
        long? slot = null;
        foreach (var reading in readings.Reverse())
        {
            var readingSlot = reading.SensorTime.UtcTicks / Options.GraphSpacing.Ticks;
            if (readingSlot == slot) continue;
            slot = readingSlot;
            graph.Add(LibreLinkUpWire.GlucoseItem(reading, account, Options.DisplayOffset, current: false));
        }
        return Json(200, new Dictionary<string, object>
        {
            ["status"] = LibreLinkUpWire.Ok,
            ["data"] = new Dictionary<string, object>
            {
                ["connection"] = Connection(account, readings.Count > 0 ? readings[0] : null),
                ["activeSensors"] = new[] { new Dictionary<string, object> { ["sensor"] = Sensor(account), ["device"] = Device(account) } },
                ["graphData"] = graph,
            },
            ["ticket"] = ticket,
        });
    }

    private Dictionary<string, object?> Connection(LibreLinkUpAccount account, Reading? latest)
    {
        var measurement = latest is null ? null : LibreLinkUpWire.GlucoseItem(latest, account, Options.DisplayOffset, current: true);
        return new Dictionary<string, object?>
        {
            ["id"] = account.ConnectionId.ToString(),
            ["patientId"] = account.PatientId.ToString(),
            ["country"] = account.Country,
            ["status"] = 2,
            ["firstName"] = account.FirstName,
            ["lastName"] = account.LastName,
            ["targetLow"] = account.TargetLow,
            ["targetHigh"] = account.TargetHigh,
            ["uom"] = (int)account.Units,
            ["sensor"] = Sensor(account),
            ["alarmRules"] = AlarmRules(account),
            ["glucoseMeasurement"] = measurement,
            ["glucoseItem"] = measurement,
            ["glucoseAlarm"] = null,
            ["patientDevice"] = Device(account),
            ["created"] = (_createdAt - TimeSpan.FromDays(365)).ToUnixTimeSeconds(),
        };
    }

    private Dictionary<string, object> Sensor(LibreLinkUpAccount account) => new()
    {
        ["deviceId"] = "",
        ["sn"] = account.Serial,
        ["a"] = (_createdAt - TimeSpan.FromDays(2)).ToUnixTimeSeconds(),
        ["w"] = 60,
        ["pt"] = 4,
        ["s"] = false,
        ["lj"] = false,
    };

    private Dictionary<string, object> Device(LibreLinkUpAccount account) => new()
    {
        ["did"] = account.ConnectionId.ToString(),
        ["dtid"] = 40068,
        ["v"] = "3.6.5",
        ["ll"] = account.TargetLow,
        ["hl"] = account.TargetHigh,
        ["u"] = (_createdAt - TimeSpan.FromDays(2)).ToUnixTimeSeconds(),
        ["fixedLowAlarmValues"] = new Dictionary<string, object> { ["mgdl"] = 60, ["mmoll"] = 3.3 },
        ["alarms"] = false,
        ["fixedLowThreshold"] = 0,
    };

    private static Dictionary<string, object> AlarmRules(LibreLinkUpAccount account) => new()
    {
        ["c"] = true,
        ["h"] = new Dictionary<string, object> { ["th"] = account.TargetHigh, ["thmm"] = LibreLinkUpWire.Value(account.TargetHigh, LibreLinkUpUnits.MmolPerL), ["d"] = 1440, ["f"] = 0.1 },
        ["f"] = new Dictionary<string, object> { ["th"] = 55, ["thmm"] = 3, ["d"] = 30, ["tl"] = 10, ["tlmm"] = 0.6 },
        ["l"] = new Dictionary<string, object> { ["th"] = account.TargetLow, ["thmm"] = LibreLinkUpWire.Value(account.TargetLow, LibreLinkUpUnits.MmolPerL), ["d"] = 1440, ["tl"] = 10, ["tlmm"] = 0.6 },
        ["nd"] = new Dictionary<string, object> { ["i"] = 20, ["r"] = 5, ["l"] = 6 },
        ["p"] = 5,
        ["r"] = 5,
        ["std"] = new Dictionary<string, object>(),
    };

    /// <summary>DiaKEM's redirect follow-up: every region's <c>lslApi</c>, here the region's path on this fake.</summary>
    private ResponseMessage CountryConfig() => Json(200, new Dictionary<string, object>
    {
        ["status"] = LibreLinkUpWire.Ok,
        ["data"] = new Dictionary<string, object>
        {
            ["regionalMap"] = LibreLinkUpWire.Hosts.Keys.ToDictionary(k => k, k => new Dictionary<string, string>
            {
                ["lslApi"] = RegionUrl(k).ToString().TrimEnd('/'),
                // Unconfirmed (§8): the real socket hub's address; this fake has none.
                ["socketHub"] = "",
            }),
        },
    });

    private ResponseMessage NotAuthenticated() => Json(200, LibreLinkUpWire.Error(LibreLinkUpWire.BadCredentials, "notAuthenticated"));

    private ResponseMessage Lockout() =>
        Json(Options.LockoutHttpStatus, LibreLinkUpWire.Lockout(Options.LockoutFailures, Options.LockoutInterval, Options.LockoutDuration));

    private ResponseMessage InvalidToken() => Json(Options.InvalidTokenStatus, LibreLinkUpWire.InvalidToken());

    private AccountState StateOf(LibreLinkUpAccount account) =>
        _state.GetOrAdd(account.UserId, static (_, a) => new AccountState([.. a.PendingSteps]), account);

    private enum Call { Unknown, Login, Continue, Connections, Graph, CountryConfig }

    private readonly record struct Routed(Call Call, string Region, string Argument);

    /// <summary>What a path asks for and in which region (the class remarks give the order of the region's sources).</summary>
    private Routed Route(string path, string? host)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        string region;
        if (segments.Length > 1 && LibreLinkUpWire.IsRegion(segments[0]) && segments[1] is "llu" or "auth")
        {
            region = segments[0].ToLowerInvariant();
            segments = segments[1..];
        }
        else
        {
            region = (host is null ? null : LibreLinkUpWire.RegionOfHost(host)) ?? Options.DefaultRegion.ToLowerInvariant();
        }
        var call = segments switch
        {
            ["llu", "auth", "login"] => (Call.Login, ""),
            ["auth", "continue", var type] => (Call.Continue, type),
            ["llu", "auth", "continue", var type] => (Call.Continue, type),
            ["llu", "connections"] => (Call.Connections, ""),
            ["llu", "connections", var patient, "graph"] => (Call.Graph, patient),
            ["llu", "config", "country"] => (Call.CountryConfig, ""),
            _ => (Call.Unknown, ""),
        };
        return new Routed(call.Item1, region, call.Item2);
    }

    private static string? HostOf(IRequestMessage request)
    {
        var host = Header(request, "Host");
        if (host is null) return null;
        var colon = host.LastIndexOf(':');
        return colon > 0 && !host.EndsWith(']') ? host[..colon] : host;
    }

    private static bool IsWarmUp(IRequestMessage request) => Header(request, WarmUpHeader) is not null;

    private static string Product(IRequestMessage request) => Header(request, "product")?.ToLowerInvariant() ?? "llu.android";

    private static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    private static string? BearerToken(string? authorization) =>
        authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? authorization["Bearer ".Length..].Trim() : null;

    /// <summary>A version header as a comparable version (<c>4.16</c> = <c>4.16.0</c>); null when it is not one.</summary>
    private static Version? ParseVersion(string? text)
    {
        if (text is null || !Version.TryParse(text.Trim(), out var v)) return null;
        return new Version(v.Major, v.Minor, Math.Max(v.Build, 0));
    }

    private static string Field(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    /// <summary>A step token handed out at login: whose it is, for which region, until when.</summary>
    private sealed record StepTicket(LibreLinkUpAccount Account, string Region, DateTimeOffset Expires);

    /// <summary>An account's login state: documents to accept, recent failures, lock and revocation.</summary>
    private sealed class AccountState(List<string> pending)
    {
        public Lock Gate { get; } = new();
        public List<string> Pending { get; } = pending;
        public Queue<DateTimeOffset> Failures { get; } = new();
        public DateTimeOffset LockedUntil { get; set; } = DateTimeOffset.MinValue;
        public DateTimeOffset RevokedBefore { get; set; } = DateTimeOffset.MinValue;
    }
}
