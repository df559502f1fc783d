using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Scenarios.Model;
using Simulator.Faults;
using Simulator.Faults.Auth;
using Simulator.Faults.PushFailure;
using Simulator.Journal;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Simulator.Vendors.Twilio;

/// <summary>
/// Twilio Programmable Messaging, create-message (shared/spec/vendor-apis.md §5.3):
/// <c>POST /2010-04-01/Accounts/{AccountSid}/Messages.json</c>, HTTP Basic auth (AccountSid:AuthToken or an API key
/// SID:secret), a form-encoded body. Every accepted SMS is a delivery to a follower and is journaled as
/// <see cref="PushReceived"/> with the JSON object <c>{"sid","to","from","body"}</c> as its payload (<c>from</c> is the
/// Messaging Service SID when the message was sent through one).
/// </summary>
/// <remarks>
/// Checks, in Twilio's order of concern and with its codes: 401/20003 for missing or wrong credentials or credentials
/// of another account than the path's; 400/21604 no To; 400/21211 To not E.164; 400/21603 neither From nor
/// MessagingServiceSid; 400/21212 From not E.164; 400/21606 From not one of <see cref="TwilioOptions.FromNumbers"/>;
/// 400/21602 no Body (MediaUrl/ContentSid are accepted instead of a Body); 400/21617 Body over 1600 characters. Anything
/// else under the API answers 404/20404. The message texts are modelled on Twilio's; the fake does not look up numbers,
/// so every well-formed E.164 To is deliverable. Message SIDs are <c>SM</c> + 32 hex from the seeded random.
/// </remarks>
public sealed partial class TwilioFake : VendorFake
{
    public const string ApiVersion = "2010-04-01";

    private static readonly JsonSerializerOptions WireJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Random _random;
    private readonly Lock _gate = new();

    public TwilioFake(FakeContext context, TwilioOptions options, Random random) : base(VendorIds.Twilio, context)
    {
        Options = options;
        _random = random;
    }

    public TwilioOptions Options { get; }

    /// <summary>The path a client posts messages to.</summary>
    public string MessagesPath => $"/{ApiVersion}/Accounts/{Options.AccountSid}/Messages.json";

    [GeneratedRegex(@"^/2010-04-01/Accounts/([^/]+)/Messages\.json$", RegexOptions.CultureInvariant)]
    private static partial Regex MessagesRoute();

    [GeneratedRegex(@"^\+[1-9][0-9]{1,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();

    protected override string? EndpointOf(HttpRequest request) =>
        MessagesRoute().IsMatch(request.Path.Value ?? "") ? "send" : null;

    /// <summary>An outage answers in Twilio's error envelope; 429 is 20429, the concurrency limit, always safe to retry.</summary>
    public override (string ContentType, string Body) ErrorBody(int status)
    {
        var (code, message) = status switch
        {
            400 => (20001, "Bad Request"),
            401 => (20003, "Authenticate"),
            403 => (20403, "Forbidden"),
            404 => (20404, "The requested resource was not found"),
            405 => (20004, "Method not allowed"),
            429 => (20429, "Too Many Requests"),
            503 => (20503, "Service Unavailable"),
            >= 500 => (20500, "An internal server error has occurred"),
            _ => (20001, "Bad Request"),
        };
        return ("application/json", JsonSerializer.Serialize(Error(code, message, status), WireJson));
    }

    protected override IEnumerable<(HttpMethod, string)> WarmUpRequests() => [(HttpMethod.Post, $"/{ApiVersion}/Accounts/AC-warm-up/Messages.json")];

    protected override void Map(WireMockServer server)
    {
        server.Given(Request.Create().WithPath(new RegexMatcher(MessagesRoute().ToString())).UsingPost())
              .RespondWith(Response.Create().WithCallback(Send));
        server.Given(Request.Create().WithPath(new RegexMatcher(".*")).UsingAnyMethod()).AtPriority(100)
              .RespondWith(Response.Create().WithCallback(r =>
                  Reply(404, Error(20404, $"The requested resource {r.Path} was not found", 404))));
    }

    private ResponseMessage Send(IRequestMessage request)
    {
        var account = MessagesRoute().Match(request.Path).Groups[1].Value;
        if (!Authenticated(request, account) || FaultRequest.Current?.Take<AuthFailure>(a => a.Mode == AuthMode.LoginFails) is not null)
        {
            var refused = Reply(401, Error(20003, "Authenticate", 401));
            refused.AddHeader("WWW-Authenticate", "Basic realm=\"Twilio API\"");
            return refused;
        }

        var form = QueryHelpers.ParseQuery(request.Body ?? (request.BodyAsBytes is { } bytes ? Encoding.UTF8.GetString(bytes) : ""));
        string? Field(string name) => form.TryGetValue(name, out var v) && v.Count > 0 && !string.IsNullOrEmpty(v[0]) ? v[0] : null;
        var to = Field("To");
        var from = Field("From");
        var service = Field("MessagingServiceSid");
        var body = Field("Body");
        var hasMedia = Field("MediaUrl") is not null || Field("ContentSid") is not null;

        if (to is null) return Invalid(21604, "A 'To' phone number is required.");
        if (!E164().IsMatch(to)) return Invalid(21211, $"Invalid 'To' Phone Number: {to}");
        if (from is null && service is null) return Invalid(21603, "A 'From' phone number is required.");
        if (from is not null && !E164().IsMatch(from)) return Invalid(21212, $"Invalid 'From' Phone Number: {from}");
        if (from is not null && Options.FromNumbers.Count > 0 && !Options.FromNumbers.Contains(from))
            return Invalid(21606, $"The From phone number {from} is not a valid, SMS-capable inbound phone number or short code for your account.");
        if (body is null && !hasMedia) return Invalid(21602, "Message body is required.");
        if (body is { Length: > 1600 }) return Invalid(21617, "The concatenated message body exceeds the 1600 character limit.");

        var sid = NewSid();
        var now = Clock.GetUtcNow();
        // A push-failure fault that drops: Twilio's normal answer, and the SMS never reaches the phone.
        if (FaultRequest.Current?.Take<PushDrop>() is null)
        {
            Context.Journal.Append(new PushReceived
            {
                At = now, Channel = Vendor,
                Payload = JsonSerializer.Serialize(new { sid, to, from = from ?? service, body }, WireJson),
            });
        }
        return Reply(201, Resource(sid, to, from, service, body ?? "", hasMedia, now));
    }

    private bool Authenticated(IRequestMessage request, string account)
    {
        var header = request.Headers?.FirstOrDefault(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return false;
        string decoded;
        try { decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim())); }
        catch (FormatException) { return false; }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return false;
        var (user, secret) = (decoded[..colon], decoded[(colon + 1)..]);
        var valid = user == Options.AccountSid ? secret == Options.AuthToken
            : Options.ApiKeys.TryGetValue(user, out var keySecret) && secret == keySecret;
        return valid && account == Options.AccountSid;
    }

    /// <summary>The Message resource as Twilio answers a create: counts as strings, dates in RFC 2822.</summary>
    private Dictionary<string, object?> Resource(string sid, string to, string? from, string? service, string body, bool hasMedia, DateTimeOffset now)
    {
        var uri = $"/{ApiVersion}/Accounts/{Options.AccountSid}/Messages/{sid}";
        var date = now.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
        return new Dictionary<string, object?>
        {
            ["account_sid"] = Options.AccountSid,
            ["api_version"] = ApiVersion,
            ["body"] = body,
            ["date_created"] = date,
            ["date_sent"] = null,
            ["date_updated"] = date,
            ["direction"] = "outbound-api",
            ["error_code"] = null,
            ["error_message"] = null,
            ["from"] = from,
            ["messaging_service_sid"] = service,
            ["num_media"] = hasMedia ? "1" : "0",
            ["num_segments"] = Segments(body).ToString(CultureInfo.InvariantCulture),
            ["price"] = null,
            ["price_unit"] = Options.PriceUnit,
            ["sid"] = sid,
            // Without a Messaging Service a message is queued; with one it is accepted first [doc].
            ["status"] = service is null ? "queued" : "accepted",
            ["subresource_uris"] = new Dictionary<string, string> { ["media"] = $"{uri}/Media.json", ["feedback"] = $"{uri}/Feedback.json" },
            ["to"] = to,
            ["uri"] = $"{uri}.json",
        };
    }

    /// <summary>SMS segments: 160/153 characters in GSM-7 (approximated as printable ASCII), 70/67 otherwise (UCS-2).</summary>
    private static int Segments(string body)
    {
        if (body.Length == 0) return 1;
        var gsm = body.All(c => c is >= ' ' and <= '~' or '\n' or '\r');
        var (single, part) = gsm ? (160, 153) : (70, 67);
        return body.Length <= single ? 1 : (body.Length + part - 1) / part;
    }

    private string NewSid()
    {
        var bytes = new byte[16];
        lock (_gate) _random.NextBytes(bytes);
        return "SM" + Convert.ToHexStringLower(bytes);
    }

    private static ResponseMessage Invalid(int code, string message) => Reply(400, Error(code, message, 400));

    /// <summary>Twilio's error envelope, as twilio-csharp's RestException reads it.</summary>
    public static object Error(int code, string message, int status) => new Dictionary<string, object>
    {
        ["code"] = code,
        ["message"] = message,
        ["more_info"] = $"https://www.twilio.com/docs/errors/{code}",
        ["status"] = status,
    };

    private static ResponseMessage Reply(int status, object body) => Text(status, JsonSerializer.Serialize(body, WireJson), "application/json");
}
