using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Simulator.Glucose;

namespace Simulator.Load.Traffic;

/// <summary>What one push says: to which phone, about whom, which alert and which reading.</summary>
public sealed record PushContent(string DeviceToken, string Patient, string Follower, string Alert, Reading Reading, string Source);

/// <summary>
/// FCM HTTP v1 sends (shared/spec/vendor-apis.md §5.1): <c>POST {base}/v1/projects/{project}/messages:send</c> with a
/// bearer access token and one message addressed to a device token. The <c>data</c> block is the harness's documented
/// delivery mapping (patient, follower, alert, readingAt, value, source; all strings, as FCM requires), the same one
/// the ReferenceSystem sends, so the scorer could read these pushes too.
/// </summary>
public static class FcmRequests
{
    public static HttpRequestMessage Send(Uri baseUrl, string projectId, string accessToken, PushContent push)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(push);
        var value = push.Reading.Mgdl.ToString(CultureInfo.InvariantCulture);
        var body = new
        {
            message = new
            {
                token = push.DeviceToken,
                notification = new { title = Title(push.Alert), body = $"{push.Patient}: {value} mg/dL" },
                data = new
                {
                    patient = push.Patient,
                    follower = push.Follower,
                    alert = push.Alert,
                    readingAt = push.Reading.SensorTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                    value,
                    source = push.Source,
                },
                android = new { priority = "high" },
            },
        };
        var request = new HttpRequestMessage(HttpMethod.Post, SendUrl(baseUrl, projectId))
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return request;
    }

    public static Uri SendUrl(Uri baseUrl, string projectId)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + $"/v1/projects/{Uri.EscapeDataString(projectId)}/messages:send");
    }

    private static string Title(string alert) => alert switch
    {
        AlertNames.UrgentLow => "Urgent Low",
        AlertNames.Low => "Low",
        AlertNames.High => "High",
        _ => "Glucose",
    };
}
