using ReferenceSystem.Alerts;
using ReferenceSystem.Hosting;
using static ReferenceSystem.Hosting.RequestFields;

namespace ReferenceSystem.Follow;

/// <summary>
/// Turns a <see cref="FollowRequest"/> into <see cref="FollowSettings"/>, or into an error message that starts with
/// the JSON path of the first bad field (e.g. <c>patients[0].share.baseUrl is required</c>).
/// </summary>
internal static class FollowRequestValidator
{
    /// <summary>The applicationId every US/OUS Share client sends; used when the request leaves it out.</summary>
    public const string DefaultShareApplicationId = "d89443d2-327c-4a6f-89e5-496bbb0317db";

    public static bool TryValidate(FollowRequest? request, out FollowSettings? settings, out string? error) =>
        RequestFields.TryValidate(request, Validate, out settings, out error);

    private static FollowSettings Validate(FollowRequest? request)
    {
        if (request is null)
            throw new InvalidFieldException("body", "is required (a JSON object)");

        var profile = request.Profile switch
        {
            null or "" => throw new InvalidFieldException("profile", "is required (\"naive\" or \"resilient\")"),
            "naive" => FollowProfile.Naive,
            "resilient" => FollowProfile.Resilient,
            _ => throw new InvalidFieldException("profile", "must be \"naive\" or \"resilient\""),
        };

        Uri? clockUrl = null;
        if (request.Clock is { } clock)
            clockUrl = HttpUrl(clock.Url, "clock.url");

        var policy = Policy(request.Policy);

        var fcmRequest = request.Push?.Fcm ?? throw new InvalidFieldException("push.fcm", "is required");
        var fcm = new FcmTarget(
            HttpUrl(fcmRequest.BaseUrl, "push.fcm.baseUrl"),
            Required(fcmRequest.ProjectId, "push.fcm.projectId"),
            Required(fcmRequest.AccessToken, "push.fcm.accessToken"));

        if (request.Patients is null || request.Patients.Count == 0)
            throw new InvalidFieldException("patients", "must hold at least one patient");
        var patients = new List<PatientSettings>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < request.Patients.Count; i++)
        {
            var patient = Patient(request.Patients[i], $"patients[{i}]");
            if (!ids.Add(patient.Id))
                throw new InvalidFieldException($"patients[{i}].id", $"\"{patient.Id}\" is used twice");
            patients.Add(patient);
        }

        return new FollowSettings(profile, request.Seed ?? 0, clockUrl, policy, fcm, patients);
    }

    private static AlertPolicy Policy(PolicyRequest? request) =>
        RequestFields.Policy(request?.UrgentLowMgdl, request?.LowMgdl, request?.HighMgdl,
            request?.NoDataMinutes ?? AlertPolicy.Default.NoDataMinutes, "policy.noDataMinutes");

    private static PatientSettings Patient(PatientRequest? request, string path)
    {
        if (request is null)
            throw new InvalidFieldException(path, "must be an object");
        var id = Required(request.Id, $"{path}.id");

        var share = request.Share ?? throw new InvalidFieldException($"{path}.share", "is required");
        var shareBase = HttpUrl(share.BaseUrl, $"{path}.share.baseUrl");
        if (!shareBase.AbsolutePath.EndsWith('/'))
            shareBase = new Uri(shareBase.GetLeftPart(UriPartial.Path) + "/" + shareBase.Query);
        var account = new ShareAccount(
            shareBase,
            Required(share.AccountName, $"{path}.share.accountName"),
            Required(share.Password, $"{path}.share.password"),
            string.IsNullOrWhiteSpace(share.ApplicationId) ? DefaultShareApplicationId : share.ApplicationId);

        NightscoutSite? nightscout = null;
        if (request.Nightscout is { } ns)
            nightscout = new NightscoutSite(HttpUrl(ns.BaseUrl, $"{path}.nightscout.baseUrl"),
                string.IsNullOrEmpty(ns.ApiSecret) ? null : ns.ApiSecret);

        if (request.Followers is null)
            throw new InvalidFieldException($"{path}.followers", "is required (an array)");
        var followers = new List<FollowerSettings>();
        for (var i = 0; i < request.Followers.Count; i++)
        {
            var follower = request.Followers[i] ?? throw new InvalidFieldException($"{path}.followers[{i}]", "must be an object");
            followers.Add(new FollowerSettings(
                Required(follower.Id, $"{path}.followers[{i}].id"),
                Required(follower.FcmToken, $"{path}.followers[{i}].fcmToken")));
        }

        return new PatientSettings(id, account, nightscout, followers);
    }
}
