using Bogus;

namespace Simulator.Glucose.Cohorts;

/// <summary>
/// Push tokens shaped like the real ones so vendor fakes that validate shape accept them: an FCM registration token
/// is an instance id (22 base64url characters), a colon, and "APA91b" followed by 134 base64url characters
/// (163 characters in all, the common shape); an APNs device token is 32 bytes written as 64 lowercase hex digits.
/// </summary>
public static class DeviceTokens
{
    private const string Base64Url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private const string Hex = "0123456789abcdef";

    internal static string Draw(Randomizer random, PhonePlatform platform) => platform switch
    {
        PhonePlatform.Ios => random.String2(64, Hex),
        _ => $"{random.String2(22, Base64Url)}:APA91b{random.String2(134, Base64Url)}",
    };
}
