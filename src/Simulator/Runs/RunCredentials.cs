using System.Security.Cryptography;
using System.Globalization;
using Scenarios.Model;
using Simulator.Glucose.Cohorts;
using Simulator.Vendors.DexcomApi;
using Simulator.Vendors.DexcomShare;
using Simulator.Vendors.LibreLinkUp;
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
    /// <param name="logins">Login name and password per patient that replace the seeded ones (<c>fakes serve --account</c>).</param>
    public RunCredentials(Scenario scenario, IReadOnlyDictionary<(string Patient, string Follower), string>? deviceTokens = null,
        IReadOnlyDictionary<string, string>? accountNames = null, IReadOnlyDictionary<string, (string Name, string Password)>? logins = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var random = new Random(scenario.Seed);
        string Hex(int bytes) { var b = new byte[bytes]; random.NextBytes(b); return Convert.ToHexStringLower(b); }
        Guid NewGuid() { var b = new byte[16]; random.NextBytes(b); return new Guid(b); }

        foreach (var patient in scenario.Patients)
        {
            var seededPassword = $"pw-{Hex(6)}";
            var login = logins is not null && logins.TryGetValue(patient.Id, out var given) ? given
                : (Name: accountNames?.GetValueOrDefault(patient.Id) ?? patient.Id, Password: seededPassword);
            Share[patient.Id] = new ShareAccount(patient.Id, login.Name, login.Password, NewGuid());
            Nightscout[patient.Id] = new NightscoutSite(patient.Id, $"ns-secret-{Hex(8)}");
            foreach (var follower in patient.Followers)
            {
                var seeded = $"fcm-{follower.Id}-{Hex(16)}";
                FcmTokens[(patient.Id, follower.Id)] = deviceTokens?.GetValueOrDefault((patient.Id, follower.Id)) ?? seeded;
            }
        }
        FcmAccessToken = $"ya29.fake-{Hex(16)}";

        // A stream of its own, so the credentials above stay what they were for every seed.
        var more = new Random(SeedStreams.Derive(scenario.Seed, SeedStreams.VendorCredentials, 0));
        string MoreHex(int bytes) { var b = new byte[bytes]; more.NextBytes(b); return Convert.ToHexStringLower(b); }
        Guid MoreGuid() { var b = new byte[16]; more.NextBytes(b); return new Guid(b); }
        foreach (var patient in scenario.Patients)
        {
            var login = logins is not null && logins.TryGetValue(patient.Id, out var given) ? given : ((string Name, string Password)?)null;
            var email = login?.Name ?? $"{accountNames?.GetValueOrDefault(patient.Id) ?? patient.Id}@follow.example";
            LibreLinkUp[patient.Id] = new LibreLinkUpAccount(patient.Id, email, login?.Password ?? $"llu-{MoreHex(6)}", MoreGuid(), patient.Id, "");
            DexcomApi[patient.Id] = new DexcomApiUser(patient.Id, login?.Name ?? patient.Id, login?.Password ?? $"dx-{MoreHex(6)}", MoreGuid());
            foreach (var follower in patient.Followers)
            {
                ApnsTokens[(patient.Id, follower.Id)] = MoreHex(32);
                PhoneNumbers[(patient.Id, follower.Id)] = string.Create(CultureInfo.InvariantCulture, $"+1555{2000 + PhoneNumbers.Count:D7}");
            }
        }
        DexcomApiClient = new DexcomApiClientApp($"sim-client-{MoreHex(4)}", $"sim-secret-{MoreHex(12)}", "http://127.0.0.1/callback");
        TwilioAccountSid = $"AC{MoreHex(16)}";
        TwilioAuthToken = MoreHex(16);
        WebhookSecret = $"whsec-{MoreHex(12)}";
        ApnsTeamId = MoreHex(5).ToUpperInvariant()[..10];
        ApnsKeyId = MoreHex(5).ToUpperInvariant()[..10];
        ApnsSigningKeyPem = SeededP256(more).ExportPkcs8PrivateKeyPem();
    }

    /// <summary>A P-256 key from the seed (its private scalar drawn from the stream), so a run's .p8 is the same every time.</summary>
    private static ECDsa SeededP256(Random random)
    {
        var d = new byte[32];
        random.NextBytes(d);
        // Below the curve order n (which starts 0xFFFFFFFF00000000) and above zero: a valid private scalar.
        d[0] = (byte)(d[0] & 0x7F);
        d[31] |= 1;
        using var key = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = d });
        return ECDsa.Create(key.ExportParameters(includePrivateParameters: true));
    }

    public const string FcmProject = "cgm-sim";
    /// <summary>The application id Dexcom's own apps send to Share (US), which the fake accepts.</summary>
    public const string ShareApplicationId = "d89443d2-327c-4a6f-89e5-496bbb0317db";
    public Dictionary<string, ShareAccount> Share { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, NightscoutSite> Nightscout { get; } = new(StringComparer.Ordinal);
    /// <summary>Device token of each follower's phone, per patient they follow.</summary>
    public Dictionary<(string Patient, string Follower), string> FcmTokens { get; } = [];
    public string FcmAccessToken { get; }

    /// <summary>Each patient's LibreLinkUp follower login (the follower app's email and password).</summary>
    public Dictionary<string, LibreLinkUpAccount> LibreLinkUp { get; } = new(StringComparer.Ordinal);
    /// <summary>Each patient's Dexcom account as the API v3 login page knows it.</summary>
    public Dictionary<string, DexcomApiUser> DexcomApi { get; } = new(StringComparer.Ordinal);
    /// <summary>The one client app registered with the Dexcom API fake.</summary>
    public DexcomApiClientApp DexcomApiClient { get; }
    /// <summary>APNs device token (64 hex digits) of each follower's iPhone, per patient they follow.</summary>
    public Dictionary<(string Patient, string Follower), string> ApnsTokens { get; } = [];
    public const string ApnsTopic = "com.example.cgm-follow";
    /// <summary>Each follower's phone number for SMS alerts (+1555…, never a real number).</summary>
    public Dictionary<(string Patient, string Follower), string> PhoneNumbers { get; } = [];
    public const string TwilioFrom = "+15550001000";
    public string TwilioAccountSid { get; }
    public string TwilioAuthToken { get; }
    public string WebhookSecret { get; }
    /// <summary>The provider's APNs team id, key id and ES256 signing key (the .p8 file, PEM) its provider tokens are signed with.</summary>
    public string ApnsTeamId { get; }
    public string ApnsKeyId { get; }
    public string ApnsSigningKeyPem { get; }
}
