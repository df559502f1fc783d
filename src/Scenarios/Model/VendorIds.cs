namespace Scenarios.Model;

/// <summary>The vendor fakes a scenario can put in play, and the endpoints a fault can aim at.</summary>
public static class VendorIds
{
    public const string DexcomShare = "dexcom-share";
    public const string Nightscout = "nightscout";
    public const string LibreLinkUp = "librelinkup";
    public const string DexcomApi = "dexcom-api";
    public const string Fcm = "fcm";
    public const string Apns = "apns";
    public const string Twilio = "twilio";
    public const string Webhook = "webhook";

    /// <summary>
    /// Vendor id → endpoint names a fault target may name after the slash. Every data vendor calls what followers read
    /// <c>read</c> (Share's latest values, Nightscout's entries, LibreLinkUp's connections and graph, API v3's egvs), so
    /// stale and backlog faults aim at the same name everywhere.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Endpoints =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [DexcomShare] = ["login", "read", "upload"],
            [Nightscout] = ["read", "upload", "status", "treatments", "devicestatus"],
            [LibreLinkUp] = ["login", "read"],
            [DexcomApi] = ["login", "token", "read"],
            [Fcm] = ["send"],
            [Apns] = ["send"],
            [Twilio] = ["send"],
            [Webhook] = ["send"],
        };

    /// <summary>Vendors that hold glucose data (fed by the run, followed through).</summary>
    public static readonly IReadOnlyList<string> DataVendors = [DexcomShare, Nightscout, LibreLinkUp, DexcomApi];

    /// <summary>
    /// Data vendors a patient's phone uploads to over the vendor's API. The others have no upload API a phone app is
    /// known to use (LibreView's sensor upload, Dexcom's own pipeline behind API v3): the run feeds their stores directly.
    /// </summary>
    public static readonly IReadOnlyList<string> UploadVendors = [DexcomShare, Nightscout];

    /// <summary>Vendors that deliver notifications to followers.</summary>
    public static readonly IReadOnlyList<string> PushVendors = [Fcm, Apns, Twilio, Webhook];
}
