namespace Simulator.Vendors.DexcomShare;

/// <summary>A Dexcom Share publisher account (the patient's): what the phone app and the follower log in with.</summary>
public sealed record ShareAccount(string Patient, string AccountName, string Password, Guid AccountId)
{
    /// <summary>
    /// Where the account was created. A fake serves only its own region's accounts; the others are unknown to it, as a US
    /// account is to <c>shareous1.dexcom.com</c> (§1.1). Defaults to the US, which is also a fake's default region.
    /// </summary>
    public ShareRegion Region { get; init; } = ShareRegion.Us;
}
