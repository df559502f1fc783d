using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Simulator.Glucose;

namespace Simulator.Vendors.DexcomApi;

/// <summary>
/// Dexcom API v3's wire habits (shared/spec/vendor-apis.md §4): the egv record, ISO dates without a zone, OAuth2 errors
/// per RFC 6749 §5.2 on the token endpoint, and gateway (Apigee) fault bodies on the data endpoints.
/// </summary>
/// <remarks>
/// The data endpoints' error bodies are not documented [unconfirmed]: the fake answers the API gateway's fault envelope,
/// <c>{"fault":{"faultstring":"…","detail":{"errorcode":"…"}}}</c>, which clients are seen testing for (<c>faultString</c>),
/// for 400, 401, 429 and outages alike.
/// </remarks>
public static partial class DexcomApiWire
{
    public const string RecordVersion = "3.0";

    private const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss";

    public static object Fault(string faultstring, string errorcode) =>
        new { fault = new { faultstring, detail = new { errorcode } } };

    public static object OAuthError(string error, string description) =>
        new Dictionary<string, string> { ["error"] = error, ["error_description"] = description };

    /// <summary>One egv record in the v3 shape.</summary>
    public static Dictionary<string, object?> Egv(Reading r, DexcomApiOptions options) => new()
    {
        ["recordId"] = RecordId(r).ToString(),
        ["systemTime"] = SystemTime(r.SensorTime, options),
        ["displayTime"] = DisplayTime(r.SensorTime, options),
        ["transmitterId"] = TransmitterId(r.Patient),
        // Synthetic: seconds into a 90-day transmitter life, stable for a given reading.
        ["transmitterTicks"] = r.SensorTime.ToUnixTimeSeconds() % 7_776_000,
        ["value"] = r.Mgdl,
        ["status"] = Status(r.Mgdl),
        ["trend"] = TrendName(r.Trend),
        ["trendRate"] = TrendRate(r.Trend),
        ["unit"] = "mg/dL",
        ["rateUnit"] = "mg/dL/min",
        ["displayDevice"] = options.DisplayDevice,
        ["transmitterGeneration"] = options.TransmitterGeneration,
    };

    /// <summary>A dataRange moment: the systemTime/displayTime pair of the first or last record.</summary>
    public static object Moment(DateTimeOffset at, DexcomApiOptions options) =>
        new { systemTime = SystemTime(at, options), displayTime = DisplayTime(at, options) };

    public static string SystemTime(DateTimeOffset at, DexcomApiOptions options) =>
        at.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture) + (options.UtcOffsetInTimes ? "+00:00" : "");

    public static string DisplayTime(DateTimeOffset at, DexcomApiOptions options)
    {
        var local = at.ToOffset(options.DisplayOffset);
        return local.ToString(DateFormat, CultureInfo.InvariantCulture) + (options.UtcOffsetInTimes ? local.ToString("zzz", CultureInfo.InvariantCulture) : "");
    }

    /// <summary>
    /// A query date: <c>yyyy-MM-ddThh:mm:ss</c> as documented (no zone: UTC, compared with systemTime); fractional seconds
    /// and a <c>Z</c> or <c>±hh:mm</c> suffix are tolerated (clients send <c>toISOString()</c>) and converted to UTC.
    /// </summary>
    public static DateTimeOffset? ParseDate(string? text)
    {
        if (text is null || !IsoDate().IsMatch(text)) return null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    public static string TrendName(Trend trend) => trend switch
    {
        Trend.None => "none",
        Trend.DoubleUp => "doubleUp",
        Trend.SingleUp => "singleUp",
        Trend.FortyFiveUp => "fortyFiveUp",
        Trend.Flat => "flat",
        Trend.FortyFiveDown => "fortyFiveDown",
        Trend.SingleDown => "singleDown",
        Trend.DoubleDown => "doubleDown",
        Trend.NotComputable => "notComputable",
        Trend.RateOutOfRange => "rateOutOfRange",
        _ => "unknown",
    };

    /// <summary>
    /// The store keeps the arrow, not the rate: the fake answers the middle of the arrow's Dexcom band (±1/±2/±3 mg/dL/min),
    /// and null where no rate was computed.
    /// </summary>
    public static double? TrendRate(Trend trend) =>
        Ble.Radio.TrendRate.FromTrend(trend) is var tenths && tenths != Ble.Radio.TrendRate.None ? tenths / 10.0 : null;

    /// <summary>
    /// <c>status</c> ∈ unknown, high, low, ok, and null in the published examples [unconfirmed]: "high"/"low" at the
    /// sensor's reporting limits, null otherwise (as the examples show for an ordinary reading).
    /// </summary>
    public static string? Status(int mgdl) =>
        mgdl >= Reading.MaxReportable ? "high" : mgdl <= Reading.MinReportable ? "low" : null;

    /// <summary>A record id that is the same each time the same reading is served.</summary>
    public static Guid RecordId(Reading r) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"egv/{r.Patient}/{r.SensorTime.UtcTicks}"))[..16]);

    /// <summary>Dexcom reports a hash of the transmitter serial; the fake hashes the patient.</summary>
    public static string TransmitterId(string patient) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"transmitter/{patient}")));
}
