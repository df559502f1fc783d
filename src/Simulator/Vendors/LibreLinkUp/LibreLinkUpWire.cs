using System.Globalization;
using Simulator.Glucose;
using Simulator.Glucose.Sensors;

namespace Simulator.Vendors.LibreLinkUp;

/// <summary>
/// LibreLinkUp's wire habits (shared/spec/vendor-apis.md §3): regional hosts, US-style zone-less timestamps, numeric
/// trend arrows, and outcomes carried in a body-level <c>status</c>.
/// </summary>
public static class LibreLinkUpWire
{
    /// <summary>Body <c>status</c> values (§3.3).</summary>
    public const int Ok = 0, BadCredentials = 2, ActionRequired = 4, Locked = 429, VersionTooOld = 920;

    public const string InvalidJwt = "invalid or expired jwt";

    /// <summary>The regional API hosts (§3.1) by region key; <c>api.libreview.io</c> is pylibrelinkup's "US".</summary>
    public static readonly IReadOnlyDictionary<string, string> Hosts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["us"] = "api-us.libreview.io", ["eu"] = "api-eu.libreview.io", ["eu2"] = "api-eu2.libreview.io",
        ["de"] = "api-de.libreview.io", ["fr"] = "api-fr.libreview.io", ["jp"] = "api-jp.libreview.io",
        ["ap"] = "api-ap.libreview.io", ["au"] = "api-au.libreview.io", ["ae"] = "api-ae.libreview.io",
        ["ca"] = "api-ca.libreview.io", ["la"] = "api-la.libreview.io", ["ru"] = "api.libreview.ru",
        ["cn"] = "api-cn.myfreestyle.cn",
    };

    /// <summary>The region a Host header names, or null for any other host (loopback, a test name).</summary>
    public static string? RegionOfHost(string host)
    {
        if (host.Equals("api.libreview.io", StringComparison.OrdinalIgnoreCase)) return "us";
        foreach (var (region, regionHost) in Hosts)
            if (regionHost.Equals(host, StringComparison.OrdinalIgnoreCase)) return region;
        return null;
    }

    public static bool IsRegion(string key) => Hosts.ContainsKey(key);

    /// <summary>US-style, zone-less: <c>11/30/2019 3:05:00 PM</c> (§3.5).</summary>
    public static string Timestamp(DateTimeOffset t) => t.ToString("M/d/yyyy h:mm:ss tt", CultureInfo.InvariantCulture);

    /// <summary>
    /// The TrendArrow number (§3.5: 1 SingleDown … 5 SingleUp). Libre has no double arrows, so Dexcom-style doubles
    /// become singles; no arrow at all is 0 (choice: what the service sends then is not captured; clients read anything
    /// outside 1–5 as NOT COMPUTABLE, DiaKEM as Flat).
    /// </summary>
    public static int TrendArrow(Trend trend) => trend switch
    {
        Trend.DoubleUp => 5,
        Trend.DoubleDown => 1,
        _ => LibreTrendArrows.ToTrendArrow(trend) ?? 0,
    };

    /// <summary>
    /// A GlucoseItem. <paramref name="current"/> is the connection's <c>glucoseMeasurement</c> (type 1, with TrendArrow);
    /// graph points are type 0 without one. <c>MeasurementColor</c> (choice, palette unconfirmed): 1 in the target range,
    /// 2 above it, 3 below it.
    /// </summary>
    public static Dictionary<string, object?> GlucoseItem(Reading r, LibreLinkUpAccount account, TimeSpan displayOffset, bool current)
    {
        var item = new Dictionary<string, object?>
        {
            ["FactoryTimestamp"] = Timestamp(r.SensorTime.ToUniversalTime()),
            ["Timestamp"] = Timestamp(r.SensorTime.ToOffset(displayOffset)),
            ["type"] = current ? 1 : 0,
            ["ValueInMgPerDl"] = r.Mgdl,
        };
        if (current)
        {
            item["TrendArrow"] = TrendArrow(r.Trend);
            item["TrendMessage"] = null;
        }
        item["MeasurementColor"] = r.Mgdl > account.TargetHigh ? 2 : r.Mgdl < account.TargetLow ? 3 : 1;
        item["GlucoseUnits"] = (int)account.Units;
        item["Value"] = Value(r.Mgdl, account.Units);
        item["isHigh"] = r.Mgdl >= Reading.MaxReportable;
        item["isLow"] = r.Mgdl <= Reading.MinReportable;
        return item;
    }

    /// <summary><c>Value</c> in the user's unit: mg/dL as is, mmol/L divided by 18 to one decimal.</summary>
    public static double Value(int mgdl, LibreLinkUpUnits units) =>
        units == LibreLinkUpUnits.MgPerDl ? mgdl : Math.Round(mgdl / 18.0, 1, MidpointRounding.AwayFromZero);

    /// <summary>A ticket: JWT, expiry in Unix seconds, lifetime in milliseconds (§3.3).</summary>
    public static Dictionary<string, object> Ticket(string token, DateTimeOffset expires, TimeSpan duration) => new()
    {
        ["token"] = token,
        ["expires"] = expires.ToUnixTimeSeconds(),
        ["duration"] = (long)duration.TotalMilliseconds,
    };

    /// <summary>The body-level error shape (<c>{"status":2,"error":{"message":"notAuthenticated"}}</c>).</summary>
    public static Dictionary<string, object> Error(int status, string message) => new()
    {
        ["status"] = status,
        ["error"] = new Dictionary<string, string> { ["message"] = message },
    };

    public static Dictionary<string, object> VersionGate(string minimumVersion) => new()
    {
        ["data"] = new Dictionary<string, string> { ["minimumVersion"] = minimumVersion },
        ["status"] = VersionTooOld,
    };

    public static Dictionary<string, string> InvalidToken() => new() { ["message"] = InvalidJwt };

    /// <summary>The lock-out body (§3.3).</summary>
    public static Dictionary<string, object> Lockout(int failures, TimeSpan interval, TimeSpan lockout) => new()
    {
        ["status"] = Locked,
        ["data"] = new Dictionary<string, object>
        {
            ["code"] = 60,
            ["data"] = new Dictionary<string, long>
            {
                ["failures"] = failures, ["interval"] = (long)interval.TotalSeconds, ["lockout"] = (long)lockout.TotalSeconds,
            },
            ["message"] = "locked",
        },
    };

    public static Dictionary<string, object> Redirect(string region) => new()
    {
        ["status"] = Ok,
        ["data"] = new Dictionary<string, object> { ["redirect"] = true, ["region"] = region.ToLowerInvariant() },
    };
}
