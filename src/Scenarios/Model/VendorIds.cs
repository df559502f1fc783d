namespace Scenarios.Model;

/// <summary>The vendor fakes a scenario can put in play, and the endpoints a fault can aim at.</summary>
public static class VendorIds
{
    public const string DexcomShare = "dexcom-share";
    public const string Nightscout = "nightscout";
    public const string Fcm = "fcm";

    /// <summary>Vendor id → endpoint names a fault target may name after the slash.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Endpoints =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [DexcomShare] = ["login", "read", "upload"],
            [Nightscout] = ["read", "upload"],
            [Fcm] = ["send"],
        };

    /// <summary>Vendors that hold glucose data (uploaded to, followed through).</summary>
    public static readonly IReadOnlyList<string> DataVendors = [DexcomShare, Nightscout];

    /// <summary>Vendors that deliver notifications to followers.</summary>
    public static readonly IReadOnlyList<string> PushVendors = [Fcm];
}
