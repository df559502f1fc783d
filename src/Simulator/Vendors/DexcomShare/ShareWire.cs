using System.Globalization;
using System.Security;
using System.Text.Json;
using Simulator.Glucose;

namespace Simulator.Vendors.DexcomShare;

/// <summary>
/// Dexcom Share's wire habits (shared/spec/vendor-apis.md §1): <c>Date(ms)</c> for WT/ST, <c>Date(ms±HHMM)</c>
/// for DT, string trend names, and errors as HTTP 500 with a Code/Message object.
/// </summary>
public static class ShareWire
{
    public const string BasePath = "/ShareWebServices/Services/";

    public static object Record(Reading r, TimeSpan displayOffset) => new Dictionary<string, object>
    {
        ["WT"] = $"Date({r.SensorTime.ToUnixTimeMilliseconds()})",
        ["ST"] = $"Date({r.SensorTime.ToUnixTimeMilliseconds()})",
        ["DT"] = $"Date({r.SensorTime.ToUnixTimeMilliseconds()}{Offset(displayOffset)})",
        ["Value"] = r.Mgdl,
        ["Trend"] = r.Trend.ToString(),
    };

    private static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture);

    /// <summary>Epoch milliseconds from any of the date forms clients send (<c>/Date(ms)/</c>, <c>Date(ms-0500)</c>).</summary>
    public static DateTimeOffset? ParseDate(string? value)
    {
        if (value is null) return null;
        var open = value.IndexOf('(', StringComparison.Ordinal);
        if (open < 0) return null;
        var end = open + 1;
        if (end < value.Length && value[end] == '-') end++;
        while (end < value.Length && char.IsAsciiDigit(value[end])) end++;
        return long.TryParse(value.AsSpan(open + 1, end - open - 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
    }

    /// <summary>Trend as a number (pre-2021 clients) or a name (today).</summary>
    public static Trend ParseTrend(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number when element.TryGetInt32(out var n) && Enum.IsDefined(typeof(Trend), n) => (Trend)n,
        JsonValueKind.String when Enum.TryParse<Trend>(element.GetString()?.Replace(" ", "", StringComparison.Ordinal), true, out var t) => t,
        _ => Trend.NotComputable,
    };

    /// <summary>An error object with a bare SubCode; see the overload for the full one the fake answers.</summary>
    public static object Error(string code, string message) => new Dictionary<string, string>
    {
        ["Code"] = code,
        ["Message"] = message,
        ["SubCode"] = $"<OnlineException ErrorCode=\"{code}\" />",
        ["TypeName"] = "FaultException",
    };

    /// <summary>
    /// Share's error object (§1.6) with the XML-ish <c>OnlineException</c> SubCode of the 2025 recordings. Type, category and
    /// severity are the recorded ones for SessionIdNotFound, AccountPasswordInvalid and the SSO_ codes; for the others
    /// (SessionNotValid, InvalidArgument, InternalError) they are [unconfirmed] choices. Clients read only Code and Message.
    /// </summary>
    public static object Error(string code, string message, DateTimeOffset thrown, Guid id)
    {
        var (type, typeName, category, categoryName, severity, severityName) = Classify(code);
        var local = thrown.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ff", CultureInfo.InvariantCulture);
        var text = SecurityElement.Escape(message);
        return new Dictionary<string, string>
        {
            ["Code"] = code,
            ["Message"] = message,
            ["SubCode"] = string.Create(CultureInfo.InvariantCulture,
                $"<OnlineException DateThrownLocal=\"{local}\" DateThrown=\"{local}Z\" ErrorCode=\"{code}\" Type=\"{type}\" Category=\"{category}\" Severity=\"{severity}\" TypeString=\"{typeName}\" CategoryString=\"{categoryName}\" SeverityString=\"{severityName}\" HostName=\"\" HostIP=\"\" Id=\"{id:B}\" Message=\"{text}\" FullText=\"com.dexcom.udp.common.data.exception.OnlineException: {text}\" />"),
            ["TypeName"] = "FaultException",
        };
    }

    private static (int, string, int, string, int, string) Classify(string code) => code switch
    {
        "SessionIdNotFound" => (5, "ObjectNotFound", 2, "Database", 2, "Severe"),
        "AccountPasswordInvalid" => (13, "InvalidPassword", 4, "Validation", 1, "Minor"),
        "SessionNotValid" => (14, "InvalidState", 5, "Logical", 1, "Minor"),
        "InvalidArgument" => (3, "InvalidArgument", 4, "Validation", 1, "Minor"),
        _ when code.StartsWith("SSO_", StringComparison.Ordinal) => (15, "SingleSignOn", 1, "System", 2, "Severe"),
        _ => (1, "Unknown", 1, "System", 2, "Severe"),
    };
}
