using System.Globalization;
using System.Text;
using System.Text.Json;
using Simulator.Glucose;
using Simulator.Runs;
using Simulator.Vendors.DexcomShare;

namespace Simulator.Load.Traffic;

/// <summary>
/// Dexcom Share requests exactly as real clients send them (shared/spec/vendor-apis.md §1): every call a POST with a
/// JSON body, the session as a <c>sessionId</c> query parameter, and the publisher upload in xDrip+'s shape
/// (<c>SN</c>, <c>TA</c>, <c>Egvs</c> with <c>/Date(ms)/</c> times and a numeric trend). Each call builds a fresh
/// message, because an <see cref="HttpRequestMessage"/> can be sent only once.
/// </summary>
public static class ShareRequests
{
    /// <summary>Share's field names are PascalCase on the wire (Egvs, SN, DT); no naming policy may touch them.</summary>
    private static readonly JsonSerializerOptions Wire = new();

    /// <summary>The uploader's login (xDrip+'s DexcomShare uploader still uses it): the session id comes back directly.</summary>
    public static HttpRequestMessage LoginByName(Uri servicesUrl, string accountName, string password) =>
        Post(servicesUrl, "General/LoginPublisherAccountByName", new { accountName, password, applicationId = RunCredentials.ShareApplicationId });

    /// <summary>Step 1 of the follower login since Dec 2021: the account name gives the account id.</summary>
    public static HttpRequestMessage AuthenticatePublisher(Uri servicesUrl, string accountName, string password) =>
        Post(servicesUrl, "General/AuthenticatePublisherAccount", new { accountName, password, applicationId = RunCredentials.ShareApplicationId });

    /// <summary>Step 2: the account id gives the session id.</summary>
    public static HttpRequestMessage LoginById(Uri servicesUrl, Guid accountId, string password) =>
        Post(servicesUrl, "General/LoginPublisherAccountById",
            new { accountId = accountId.ToString(), password, applicationId = RunCredentials.ShareApplicationId });

    /// <summary>
    /// The follower read. pydexcom's "latest" asks for <c>minutes=1440&amp;maxCount=1</c> and sends <c>{}</c> as the body.
    /// </summary>
    public static HttpRequestMessage ReadLatest(Uri servicesUrl, string sessionId, int minutes = 1440, int maxCount = 1) =>
        Post(servicesUrl, FormattableString.Invariant($"Publisher/ReadPublisherLatestGlucoseValues?sessionId={Uri.EscapeDataString(sessionId)}&minutes={minutes}&maxCount={maxCount}"),
            new { });

    /// <summary>The phone app's upload of one or more readings (<c>Publisher/PostReceiverEgvRecords</c>).</summary>
    public static HttpRequestMessage PublisherUpload(Uri servicesUrl, string sessionId, string serialNumber, IReadOnlyList<Reading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var body = new
        {
            SN = serialNumber,
            TA = -5,
            Egvs = readings.Select(r => new
            {
                DT = $"/Date({r.SensorTime.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)})/",
                ST = $"/Date({r.SensorTime.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)})/",
                Trend = (int)r.Trend,
                Value = r.Mgdl,
            }),
        };
        return Post(servicesUrl, $"Publisher/PostReceiverEgvRecords?sessionId={Uri.EscapeDataString(sessionId)}", body);
    }

    /// <summary>The receiver serial a phone reports for an account, stable per account (as the one the app pairs with).</summary>
    public static string SerialNumber(ShareAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return $"SM{account.AccountId.ToString("N")[..8].ToUpperInvariant()}";
    }

    /// <summary>The id a successful login answers with: a bare JSON string (a UUID in double quotes).</summary>
    public static string? ParseId(string body)
    {
        try { return JsonSerializer.Deserialize<string>(body); }
        catch (JsonException) { return null; }
    }

    /// <summary>True for the answers that mean "log in again" (spec §1.6): an unknown or timed-out session.</summary>
    public static bool IsSessionLost(int status, string body) =>
        status == 500 && (body.Contains("SessionIdNotFound", StringComparison.Ordinal) || body.Contains("SessionNotValid", StringComparison.Ordinal));

    private static HttpRequestMessage Post(Uri servicesUrl, string call, object body)
    {
        ArgumentNullException.ThrowIfNull(servicesUrl);
        return new HttpRequestMessage(HttpMethod.Post, new Uri(WithSlash(servicesUrl), call))
        {
            Content = new StringContent(JsonSerializer.Serialize(body, Wire), Encoding.UTF8, "application/json"),
        };
    }

    /// <summary>Relative calls resolve under the services path only when it ends with a slash.</summary>
    private static Uri WithSlash(Uri url) => url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
}
