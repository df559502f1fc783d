using ReferenceSystem.Alerts;

namespace ReferenceSystem.Follow;

/// <summary>
/// Turns a <see cref="FollowRequest"/> into <see cref="FollowSettings"/>, or into an error message that starts with
/// the JSON path of the first bad field (e.g. <c>patients[0].share.baseUrl is required</c>).
/// </summary>
internal static class FollowRequestValidator
{
    /// <summary>The applicationId every US/OUS Share client sends; used when the request leaves it out.</summary>
    public const string DefaultShareApplicationId = "d89443d2-327c-4a6f-89e5-496bbb0317db";

    public static bool TryValidate(FollowRequest? request, out FollowSettings? settings, out string? error)
    {
        settings = null;
        try
        {
            settings = Validate(request);
            error = null;
            return true;
        }
        catch (InvalidFieldException ex)
        {
            error = ex.Message;
            return false;
        }
    }

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

    private static AlertPolicy Policy(PolicyRequest? request)
    {
        var defaults = AlertPolicy.Default;
        var policy = new AlertPolicy(
            request?.UrgentLowMgdl ?? defaults.UrgentLowMgdl,
            request?.LowMgdl ?? defaults.LowMgdl,
            request?.HighMgdl ?? defaults.HighMgdl,
            request?.NoDataMinutes ?? defaults.NoDataMinutes);
        if (policy.UrgentLowMgdl is < 1 or > 1000)
            throw new InvalidFieldException("policy.urgentLowMgdl", "must be between 1 and 1000");
        if (policy.LowMgdl < policy.UrgentLowMgdl || policy.LowMgdl > 1000)
            throw new InvalidFieldException("policy.lowMgdl", "must be at least urgentLowMgdl and at most 1000");
        if (policy.HighMgdl <= policy.LowMgdl || policy.HighMgdl > 1000)
            throw new InvalidFieldException("policy.highMgdl", "must be above lowMgdl and at most 1000");
        if (policy.NoDataMinutes is < 1 or > 10_080)
            throw new InvalidFieldException("policy.noDataMinutes", "must be between 1 and 10080");
        return policy;
    }

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

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidFieldException(field, "is required") : value;

    private static Uri HttpUrl(string? value, string field)
    {
        var text = Required(value, field);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new InvalidFieldException(field, "must be an absolute http(s) URL");
        return uri;
    }

    private sealed class InvalidFieldException(string field, string problem) : Exception($"{field} {problem}");
}
