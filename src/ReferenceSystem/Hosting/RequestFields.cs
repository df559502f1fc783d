using System.Globalization;
using System.Net;
using ReferenceSystem.Alerts;

namespace ReferenceSystem.Hosting;

/// <summary>
/// What the API validators share: one bad field becomes one message that starts with its JSON path
/// (<c>patients[0].share.baseUrl is required</c>), and the checks every request repeats.
/// </summary>
internal static class RequestFields
{
    public static bool TryValidate<TRequest, TSettings>(TRequest? request, Func<TRequest?, TSettings> validate, out TSettings? settings, out string? error)
        where TSettings : class
    {
        settings = null;
        try
        {
            settings = validate(request);
            error = null;
            return true;
        }
        catch (InvalidFieldException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    public static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidFieldException(field, "is required") : value;

    public static Uri HttpUrl(string? value, string field)
    {
        var text = Required(value, field);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new InvalidFieldException(field, "must be an absolute http(s) URL");
        return uri;
    }

    public static Uri LoopbackHttpUrl(string? value, string field)
    {
        var uri = HttpUrl(value, field);
        LoopbackAddress(uri, field);
        return uri;
    }

    /// <summary>The loopback address of <paramref name="uri"/>'s host; anything else (or a DNS name but localhost) is refused.</summary>
    public static IPAddress LoopbackAddress(Uri uri, string field)
    {
        if (uri.IsLoopback && string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            return IPAddress.Loopback;
        if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address))
            return address;
        throw new InvalidFieldException(field, string.Create(CultureInfo.InvariantCulture,
            $"must be a loopback address (127.0.0.1, ::1 or localhost), not {uri.Host}"));
    }

    /// <summary>Thresholds with their defaults, checked in order; <paramref name="quietField"/> names the minutes-without-data setting.</summary>
    public static AlertPolicy Policy(int? urgentLow, int? low, int? high, int quietMinutes, string quietField)
    {
        var defaults = AlertPolicy.Default;
        var policy = new AlertPolicy(urgentLow ?? defaults.UrgentLowMgdl, low ?? defaults.LowMgdl, high ?? defaults.HighMgdl, quietMinutes);
        if (policy.UrgentLowMgdl is < 1 or > 1000)
            throw new InvalidFieldException("policy.urgentLowMgdl", "must be between 1 and 1000");
        if (policy.LowMgdl < policy.UrgentLowMgdl || policy.LowMgdl > 1000)
            throw new InvalidFieldException("policy.lowMgdl", "must be at least urgentLowMgdl and at most 1000");
        if (policy.HighMgdl <= policy.LowMgdl || policy.HighMgdl > 1000)
            throw new InvalidFieldException("policy.highMgdl", "must be above lowMgdl and at most 1000");
        if (policy.NoDataMinutes is < 1 or > 10_080)
            throw new InvalidFieldException(quietField, "must be between 1 and 10080");
        return policy;
    }
}

/// <summary>A request field is missing or wrong; the message is "FIELD PROBLEM".</summary>
internal sealed class InvalidFieldException(string field, string problem) : Exception($"{field} {problem}");
