namespace Simulator.Vendors.DexcomShare;

/// <summary>A Dexcom Share publisher account (the patient's): what the phone app and the follower log in with.</summary>
public sealed record ShareAccount(string Patient, string AccountName, string Password, Guid AccountId);
