using System.Globalization;
using System.Text;
using System.Text.Json;
using Simulator.Glucose;
using Simulator.Vendors.Nightscout;

namespace Simulator.Load.Traffic;

/// <summary>
/// Nightscout API v1 uploads (shared/spec/vendor-apis.md §2): <c>POST {site}/api/v1/entries</c> with an array of SGV
/// entries in the shape share2nightscout-bridge sends, authorised by the <c>api-secret</c> header carrying the SHA-1
/// hex of the site's API_SECRET (the plain secret is not accepted in the header).
/// </summary>
public static class NightscoutRequests
{
    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web);

    public const string Device = "cgm-simulator-load";

    public static HttpRequestMessage PostEntries(Uri siteUrl, string apiSecret, IReadOnlyList<Reading> readings)
    {
        ArgumentNullException.ThrowIfNull(siteUrl);
        ArgumentNullException.ThrowIfNull(readings);
        var entries = readings.Select(r => new
        {
            type = "sgv",
            sgv = r.Mgdl,
            date = r.SensorTime.ToUnixTimeMilliseconds(),
            dateString = r.SensorTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            trend = (int)r.Trend,
            direction = r.Trend.ToNightscoutDirection(),
            device = Device,
        });
        var request = new HttpRequestMessage(HttpMethod.Post, EntriesUrl(siteUrl))
        {
            Content = new StringContent(JsonSerializer.Serialize(entries, Wire), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("api-secret", NightscoutSite.HashForHeader(apiSecret));
        return request;
    }

    /// <summary><c>{site}/api/v1/entries</c>, whether or not the site URL ends with a slash.</summary>
    public static Uri EntriesUrl(Uri siteUrl)
    {
        ArgumentNullException.ThrowIfNull(siteUrl);
        return new Uri(siteUrl.AbsoluteUri.TrimEnd('/') + "/api/v1/entries");
    }
}
