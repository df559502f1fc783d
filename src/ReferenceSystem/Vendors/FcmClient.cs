using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ReferenceSystem.Alerts;
using ReferenceSystem.Follow;
using ReferenceSystem.Readings;

namespace ReferenceSystem.Vendors;

/// <summary>
/// One push to one follower. For glucose alerts <see cref="Reading"/> is the reading that raised it; for no-data it is
/// the newest reading the follower service had from the source that went silent.
/// </summary>
internal sealed record PushMessage(string PatientId, FollowerSettings Follower, AlertKind Alert, GlucoseReading Reading);

/// <summary>The result of one send attempt.</summary>
internal sealed record FcmOutcome(bool Delivered, bool Retryable, TimeSpan? RetryAfter, string? Error);

/// <summary>
/// Sends pushes with FCM HTTP v1 (<c>POST /v1/projects/{projectId}/messages:send</c>, bearer token). The body is the
/// harness's documented default delivery mapping: <c>data</c> carries patient, follower, alert, readingAt, value and
/// source, all strings.
/// </summary>
internal sealed class FcmClient(HttpClient http, FcmTarget target, TimeProvider clock)
{
    private readonly Uri _sendUrl = new(
        target.BaseUrl.AbsoluteUri.TrimEnd('/') + $"/v1/projects/{Uri.EscapeDataString(target.ProjectId)}/messages:send");

    /// <summary>
    /// Asks FCM to check a message without delivering it (<c>validate_only</c>): confirms the follower's token and
    /// the service's credentials when following starts, and warms the push path before the first real alert.
    /// </summary>
    public Task<FcmOutcome> ValidateAsync(PushMessage message, CancellationToken ct) => SendAsync(message, ct, validateOnly: true);

    public async Task<FcmOutcome> SendAsync(PushMessage message, CancellationToken ct, bool validateOnly = false)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _sendUrl) { Content = JsonContent.Create(Body(message, validateOnly)) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", target.AccessToken);
            using var response = await http.SendAsync(request, ct);
            if (response.IsSuccessStatusCode)
                return new FcmOutcome(true, false, null, null);
            var status = (int)response.StatusCode;
            var retryable = status >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests;
            return new FcmOutcome(false, retryable, response.Headers.RetryAfter?.Delta, $"HTTP {status}");
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            return new FcmOutcome(false, true, null, $"timed out: {ex.Message}");
        }
        catch (HttpRequestException ex)
        {
            return new FcmOutcome(false, true, null, $"transport error: {ex.Message}");
        }
    }

    internal object Body(PushMessage message, bool validateOnly = false)
    {
        var reading = message.Reading;
        var offset = reading.DisplayOffset ?? clock.LocalTimeZone.GetUtcOffset(reading.SensorTime);
        var shown = reading.SensorTime.ToOffset(offset).ToString("HH:mm", CultureInfo.InvariantCulture);
        var value = reading.Mgdl.ToString(CultureInfo.InvariantCulture);
        var text = message.Alert == AlertKind.NoData
            ? $"{message.PatientId}: no data from {SourceName(reading.Source)} since {shown} (last {value} mg/dL)"
            : $"{message.PatientId}: {value} mg/dL at {shown}";
        return new
        {
            validate_only = validateOnly,
            message = new
            {
                token = message.Follower.FcmToken,
                notification = new { title = message.Alert.Title(), body = text },
                data = new
                {
                    patient = message.PatientId,
                    follower = message.Follower.Id,
                    alert = message.Alert.WireName(),
                    readingAt = reading.SensorTimeIso,
                    value,
                    source = reading.Source,
                },
                android = new { priority = "high" },
            },
        };
    }

    private static string SourceName(string source) => source switch
    {
        ReadingSources.DexcomShare => "Dexcom Share",
        ReadingSources.Nightscout => "Nightscout",
        _ => source,
    };
}
