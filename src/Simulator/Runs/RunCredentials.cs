using Scenarios.Model;
using Simulator.Vendors.DexcomShare;
using Simulator.Vendors.Nightscout;

namespace Simulator.Runs;

/// <summary>
/// Accounts, secrets and device tokens of a run, derived from its seed so a run can be repeated exactly and no
/// real credential is ever involved.
/// </summary>
public sealed class RunCredentials
{
    /// <param name="scenario">The run's scenario (cohort already expanded).</param>
    /// <param name="deviceTokens">Tokens of generated followers' phones (from the cohort), used instead of seeded ones.</param>
    /// <param name="accountNames">Share account names of generated people (from their names), instead of the patient id.</param>
    public RunCredentials(Scenario scenario, IReadOnlyDictionary<(string Patient, string Follower), string>? deviceTokens = null,
        IReadOnlyDictionary<string, string>? accountNames = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var random = new Random(scenario.Seed);
        string Hex(int bytes) { var b = new byte[bytes]; random.NextBytes(b); return Convert.ToHexStringLower(b); }
        Guid NewGuid() { var b = new byte[16]; random.NextBytes(b); return new Guid(b); }

        foreach (var patient in scenario.Patients)
        {
            Share[patient.Id] = new ShareAccount(patient.Id, accountNames?.GetValueOrDefault(patient.Id) ?? patient.Id, $"pw-{Hex(6)}", NewGuid());
            Nightscout[patient.Id] = new NightscoutSite(patient.Id, $"ns-secret-{Hex(8)}");
            foreach (var follower in patient.Followers)
            {
                var seeded = $"fcm-{follower.Id}-{Hex(16)}";
                FcmTokens[(patient.Id, follower.Id)] = deviceTokens?.GetValueOrDefault((patient.Id, follower.Id)) ?? seeded;
            }
        }
        FcmAccessToken = $"ya29.fake-{Hex(16)}";
    }

    public const string FcmProject = "cgm-sim";
    /// <summary>The application id Dexcom's own apps send to Share (US), which the fake accepts.</summary>
    public const string ShareApplicationId = "d89443d2-327c-4a6f-89e5-496bbb0317db";
    public Dictionary<string, ShareAccount> Share { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, NightscoutSite> Nightscout { get; } = new(StringComparer.Ordinal);
    /// <summary>Device token of each follower's phone, per patient they follow.</summary>
    public Dictionary<(string Patient, string Follower), string> FcmTokens { get; } = [];
    public string FcmAccessToken { get; }
}
