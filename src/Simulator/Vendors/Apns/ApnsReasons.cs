namespace Simulator.Vendors.Apns;

/// <summary>The <c>reason</c> strings of APNs error bodies (shared/spec/vendor-apis.md §5.2), grouped by status.</summary>
public static class ApnsReasons
{
    // 400
    public const string BadCollapseId = nameof(BadCollapseId);
    public const string BadDeviceToken = nameof(BadDeviceToken);
    public const string BadExpirationDate = nameof(BadExpirationDate);
    public const string BadMessageId = nameof(BadMessageId);
    public const string BadPriority = nameof(BadPriority);
    public const string BadTopic = nameof(BadTopic);
    public const string DeviceTokenNotForTopic = nameof(DeviceTokenNotForTopic);
    public const string DuplicateHeaders = nameof(DuplicateHeaders);
    public const string IdleTimeout = nameof(IdleTimeout);
    public const string InvalidPushType = nameof(InvalidPushType);
    public const string MissingDeviceToken = nameof(MissingDeviceToken);
    public const string MissingTopic = nameof(MissingTopic);
    public const string PayloadEmpty = nameof(PayloadEmpty);
    public const string TopicDisallowed = nameof(TopicDisallowed);

    // 403
    public const string BadCertificate = nameof(BadCertificate);
    public const string BadCertificateEnvironment = nameof(BadCertificateEnvironment);
    public const string ExpiredProviderToken = nameof(ExpiredProviderToken);
    public const string Forbidden = nameof(Forbidden);
    public const string InvalidProviderToken = nameof(InvalidProviderToken);
    public const string MissingProviderToken = nameof(MissingProviderToken);

    // 404, 405
    public const string BadPath = nameof(BadPath);
    public const string MethodNotAllowed = nameof(MethodNotAllowed);

    // 410
    public const string Unregistered = nameof(Unregistered);
    public const string ExpiredToken = nameof(ExpiredToken);

    // 413, 429
    public const string PayloadTooLarge = nameof(PayloadTooLarge);
    public const string TooManyProviderTokenUpdates = nameof(TooManyProviderTokenUpdates);
    public const string TooManyRequests = nameof(TooManyRequests);

    // 500, 503
    public const string InternalServerError = nameof(InternalServerError);
    public const string ServiceUnavailable = nameof(ServiceUnavailable);
    public const string Shutdown = nameof(Shutdown);
}
