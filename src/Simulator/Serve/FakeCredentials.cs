using Scenarios.Model;
using Simulator.Runs;
using Simulator.Vendors;
using Simulator.Vendors.Apns;
using Simulator.Vendors.DexcomApi;
using Simulator.Vendors.DexcomShare;
using Simulator.Vendors.Fcm;
using Simulator.Vendors.LibreLinkUp;
using Simulator.Vendors.Nightscout;
using Simulator.Vendors.Twilio;
using Simulator.Vendors.Webhook;

namespace Simulator.Serve;

/// <summary>The credentials each fake knows, spelled the way its vendor's clients name them.</summary>
internal static class FakeCredentials
{
    public static IReadOnlyDictionary<string, string> Shared(VendorFake fake, RunCredentials credentials) => fake switch
    {
        DexcomShareFake share => new Dictionary<string, string> { ["servicesUrl"] = share.ServicesUrl.ToString(), ["applicationId"] = RunCredentials.ShareApplicationId },
        FcmFake fcm => new Dictionary<string, string> { ["projectId"] = fcm.ProjectId, ["accessToken"] = fcm.AccessToken },
        LibreLinkUpFake llu => new Dictionary<string, string> { ["regionUrl"] = llu.RegionUrl(llu.Options.DefaultRegion).ToString(), ["product"] = "llu.android", ["minimumVersion"] = llu.Options.MinimumVersion },
        DexcomApiFake dx => new Dictionary<string, string>
        {
            ["clientId"] = dx.Options.Client.ClientId, ["clientSecret"] = dx.Options.Client.ClientSecret, ["redirectUri"] = dx.Options.Client.RedirectUri,
            ["dataDelay"] = dx.Options.EffectiveDataDelay.ToString(),
        },
        ApnsFake apns => new Dictionary<string, string>
        {
            ["topic"] = apns.Options.Topic, ["teamId"] = credentials.ApnsTeamId, ["keyId"] = credentials.ApnsKeyId,
            ["signingKey"] = "apns-key.p8 beside the journal", ["protocol"] = apns.BaseUrl.Scheme == "https" ? "HTTP/2 over TLS" : "HTTP/2 without TLS (prior knowledge)",
        },
        TwilioFake twilio => new Dictionary<string, string>
        {
            ["accountSid"] = twilio.Options.AccountSid, ["authToken"] = twilio.Options.AuthToken, ["from"] = RunCredentials.TwilioFrom,
            ["messagesUrl"] = new Uri(twilio.BaseUrl, twilio.MessagesPath).ToString(),
        },
        WebhookFake hook => new Dictionary<string, string>
        {
            ["url"] = hook.HookUrl("alerts").ToString(), ["secretHeader"] = hook.Options.SecretHeader, ["secret"] = hook.Options.Secret ?? "",
        },
        _ => new Dictionary<string, string>(),
    };

    public static IReadOnlyDictionary<string, string> Of(VendorFake fake, PatientSpec patient, RunCredentials credentials) => fake switch
    {
        DexcomShareFake when credentials.Share.TryGetValue(patient.Id, out var a) =>
            new Dictionary<string, string> { ["accountName"] = a.AccountName, ["password"] = a.Password, ["accountId"] = a.AccountId.ToString() },
        NightscoutFake ns when credentials.Nightscout.TryGetValue(patient.Id, out var site) =>
            new Dictionary<string, string> { ["url"] = ns.SiteUrl(patient.Id).ToString(), ["apiSecret"] = site.ApiSecret },
        FcmFake => patient.Followers.ToDictionary(f => $"token:{f.Id}", f => credentials.FcmTokens[(patient.Id, f.Id)]),
        LibreLinkUpFake when credentials.LibreLinkUp.TryGetValue(patient.Id, out var llu) =>
            new Dictionary<string, string> { ["email"] = llu.Email, ["password"] = llu.Password, ["patientId"] = llu.PatientId.ToString(), ["region"] = llu.Region },
        DexcomApiFake when credentials.DexcomApi.TryGetValue(patient.Id, out var user) =>
            new Dictionary<string, string> { ["username"] = user.Username, ["password"] = user.Password },
        ApnsFake => patient.Followers.ToDictionary(f => $"token:{f.Id}", f => credentials.ApnsTokens[(patient.Id, f.Id)]),
        TwilioFake => patient.Followers.ToDictionary(f => $"phone:{f.Id}", f => credentials.PhoneNumbers[(patient.Id, f.Id)]),
        _ => new Dictionary<string, string>(),
    };
}
