namespace ReferenceSystem.Follow;

// The body of POST /api/follow as it arrives (camelCase JSON). Everything is nullable here so that
// FollowRequestValidator can name the missing or bad field; the validated form is FollowSettings.
// These are classes, not records, so that no generated ToString ever prints a password or token.

internal sealed class FollowRequest
{
    public string? Profile { get; set; }
    public long? Seed { get; set; }
    public ClockRequest? Clock { get; set; }
    public PolicyRequest? Policy { get; set; }
    public PushRequest? Push { get; set; }
    public List<PatientRequest?>? Patients { get; set; }
}

internal sealed class ClockRequest
{
    public string? Url { get; set; }
}

internal sealed class PolicyRequest
{
    public int? UrgentLowMgdl { get; set; }
    public int? LowMgdl { get; set; }
    public int? HighMgdl { get; set; }
    public int? NoDataMinutes { get; set; }
}

internal sealed class PushRequest
{
    public FcmRequest? Fcm { get; set; }
}

internal sealed class FcmRequest
{
    public string? BaseUrl { get; set; }
    public string? ProjectId { get; set; }
    public string? AccessToken { get; set; }
}

internal sealed class PatientRequest
{
    public string? Id { get; set; }
    public ShareRequest? Share { get; set; }
    public NightscoutRequest? Nightscout { get; set; }
    public List<FollowerRequest?>? Followers { get; set; }
}

internal sealed class ShareRequest
{
    public string? BaseUrl { get; set; }
    public string? AccountName { get; set; }
    public string? Password { get; set; }
    public string? ApplicationId { get; set; }
}

internal sealed class NightscoutRequest
{
    public string? BaseUrl { get; set; }
    public string? ApiSecret { get; set; }
}

internal sealed class FollowerRequest
{
    public string? Id { get; set; }
    public string? FcmToken { get; set; }
}
