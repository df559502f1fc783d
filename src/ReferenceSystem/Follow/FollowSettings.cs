using ReferenceSystem.Alerts;

namespace ReferenceSystem.Follow;

internal enum FollowProfile
{
    /// <summary>Dexcom Follow as it behaved in the Nov 2019 outage.</summary>
    Naive,

    /// <summary>The way a follower service should behave.</summary>
    Resilient,
}

/// <summary>A validated follow request.</summary>
internal sealed record FollowSettings(
    FollowProfile Profile,
    long Seed,
    Uri? ClockUrl,
    AlertPolicy Policy,
    FcmTarget Fcm,
    IReadOnlyList<PatientSettings> Patients);

internal sealed record PatientSettings(
    string Id,
    ShareAccount Share,
    NightscoutSite? Nightscout,
    IReadOnlyList<FollowerSettings> Followers);

internal sealed record FollowerSettings(string Id, string FcmToken);

/// <summary>Dexcom Share publisher credentials. <see cref="ToString"/> never shows the password.</summary>
internal sealed class ShareAccount(Uri baseUrl, string accountName, string password, string applicationId)
{
    /// <summary>Ends with <c>/ShareWebServices/Services/</c> (always with the trailing slash).</summary>
    public Uri BaseUrl { get; } = baseUrl;
    public string AccountName { get; } = accountName;
    public string Password { get; } = password;
    public string ApplicationId { get; } = applicationId;

    public override string ToString() => $"Share {AccountName} at {BaseUrl}";
}

/// <summary>A Nightscout site. <see cref="ToString"/> never shows the secret.</summary>
internal sealed class NightscoutSite(Uri baseUrl, string? apiSecret)
{
    public Uri BaseUrl { get; } = baseUrl;
    public string? ApiSecret { get; } = apiSecret;

    public override string ToString() => $"Nightscout at {BaseUrl}";
}

/// <summary>Where pushes go (FCM HTTP v1). <see cref="ToString"/> never shows the token.</summary>
internal sealed class FcmTarget(Uri baseUrl, string projectId, string accessToken)
{
    public Uri BaseUrl { get; } = baseUrl;
    public string ProjectId { get; } = projectId;
    public string AccessToken { get; } = accessToken;

    public override string ToString() => $"FCM project {ProjectId} at {BaseUrl}";
}
