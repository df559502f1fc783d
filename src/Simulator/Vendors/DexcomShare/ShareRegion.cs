namespace Simulator.Vendors.DexcomShare;

/// <summary>
/// The Share deployment a fake stands in for (shared/spec/vendor-apis.md §1.1). Accounts live in one region only: logging
/// in at another region's host fails exactly as a wrong password does (<c>AccountPasswordInvalid</c>).
/// </summary>
public enum ShareRegion
{
    /// <summary><c>share2.dexcom.com</c>.</summary>
    Us,

    /// <summary>Outside the US (EU/UK/CA/AU…): <c>shareous1.dexcom.com</c>.</summary>
    Ous,

    /// <summary>Japan: <c>share.dexcom.jp</c>.</summary>
    Jp,
}

/// <summary>Hosts and the application ids clients send per region (§1.1).</summary>
public static class ShareRegions
{
    /// <summary>What pydexcom, share2nightscout-bridge, nightscout-connect and xDrip send to the US and OUS hosts.</summary>
    public const string UsOusApplicationId = "d89443d2-327c-4a6f-89e5-496bbb0317db";

    /// <summary>What pydexcom sends to the Japanese host (old docs also show it for share1).</summary>
    public const string JpApplicationId = "d8665ade-9673-4e27-9ff6-92db4ce13d13";

    public static string Host(ShareRegion region) => region switch
    {
        ShareRegion.Ous => "shareous1.dexcom.com",
        ShareRegion.Jp => "share.dexcom.jp",
        _ => "share2.dexcom.com",
    };

    /// <summary>
    /// The application ids a region's fake accepts by default: the one clients send there (§1.1). Whether the real US/OUS
    /// hosts also take the Japanese/legacy id is [unconfirmed] (some community tools send it to share2 and report success):
    /// add it through <see cref="DexcomShareOptions.ApplicationIds"/> to model that.
    /// </summary>
    public static IReadOnlyList<string> DefaultApplicationIds(ShareRegion region) =>
        region == ShareRegion.Jp ? [JpApplicationId] : [UsOusApplicationId];
}
