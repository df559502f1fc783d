namespace Simulator.Vendors.Twilio;

/// <summary>
/// The Twilio account the fake serves: its SID and auth token, and optionally API keys (SID → secret) that may stand in
/// for them in Basic auth, and the sender numbers the account owns.
/// </summary>
public sealed record TwilioOptions
{
    /// <summary><c>AC</c> + 32 hex.</summary>
    public required string AccountSid { get; init; }

    public required string AuthToken { get; init; }

    /// <summary>API keys (<c>SK…</c> SID → secret) accepted as Basic-auth credentials for <see cref="AccountSid"/>.</summary>
    public IReadOnlyDictionary<string, string> ApiKeys { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// E.164 numbers the account may send from. Empty (default): any valid E.164 <c>From</c> is accepted; otherwise
    /// another number is refused with 21606.
    /// </summary>
    public IReadOnlyCollection<string> FromNumbers { get; init; } = [];

    /// <summary><c>price_unit</c> of answered messages.</summary>
    public string PriceUnit { get; init; } = "USD";
}
