using Scenarios.Model;

namespace Simulator.Faults.Partial;

/// <summary>
/// The platform a User-Agent betrays. iOS networking (CFNetwork/Darwin) and Android's (Dalvik, okhttp) mark the apps
/// that follow CGM clouds; browsers say Mozilla. Tools such as python-requests have no platform.
/// </summary>
public static class ClientPlatforms
{
    private static readonly string[] Ios = ["iPhone", "iPad", "iOS", "CFNetwork", "Darwin"];
    private static readonly string[] Android = ["Android", "Dalvik", "okhttp"];

    public static ClientPlatform? FromUserAgent(string? userAgent)
    {
        if (string.IsNullOrEmpty(userAgent)) return null;
        // Android before Mozilla: Android browsers also say Mozilla; iOS before both for the same reason.
        if (Ios.Any(m => userAgent.Contains(m, StringComparison.OrdinalIgnoreCase))) return ClientPlatform.Ios;
        if (Android.Any(m => userAgent.Contains(m, StringComparison.OrdinalIgnoreCase))) return ClientPlatform.Android;
        return userAgent.Contains("Mozilla", StringComparison.OrdinalIgnoreCase) ? ClientPlatform.Web : null;
    }
}
