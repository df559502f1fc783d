using System.Net.Http.Json;
using ReferenceSystem.Readings;

namespace ReferenceSystem.Receiver;

/// <summary>
/// Tells the harness about an alarm the phone raised: <c>POST {localAlarms}</c> with
/// <c>{"patient","alert","readingAt"}</c> (docs/ble-link.md, Local alarms). Up to 3 retries on 5xx, 429 and transport
/// errors (2, 4, 8 s of virtual time); a report that still fails is counted and dropped: the receiver keeps going.
/// </summary>
internal sealed class LocalAlarmReporter(HttpClient http, Uri endpoint, TimeProvider clock, ILogger logger, CancellationToken stop)
{
    public const int MaxRetries = 3;
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(2);

    private long _reported;
    private long _failed;

    public long Reported => Interlocked.Read(ref _reported);

    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Starts the report in the background; never throws and never blocks the caller.</summary>
    public void Report(string patient, string alert, GlucoseReading reading) =>
        _ = Task.Run(() => SendAsync(new LocalAlarmBody(patient, alert, reading.SensorTimeIso)), CancellationToken.None);

    private async Task SendAsync(LocalAlarmBody body)
    {
        for (var attempt = 0; ; attempt++)
        {
            bool retryable;
            try
            {
                using var response = await http.PostAsJsonAsync(endpoint, body, stop);
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref _reported);
                    return;
                }
                var status = (int)response.StatusCode;
                retryable = status is >= 500 or 429;
            }
            catch (HttpRequestException)
            {
                retryable = true;
            }
            catch (OperationCanceledException) when (!stop.IsCancellationRequested)
            {
                retryable = true; // the HttpClient's own timeout
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (!retryable || attempt >= MaxRetries)
                break;
            try
            {
                await Task.Delay(TimeSpan.FromTicks(FirstRetry.Ticks << attempt), clock, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        Interlocked.Increment(ref _failed);
        if (logger.IsEnabled(LogLevel.Warning))
            logger.LogWarning("receiver: could not report the {Alert} alarm of {Patient} to the harness", body.Alert, body.Patient);
    }

    private sealed record LocalAlarmBody(
        [property: System.Text.Json.Serialization.JsonPropertyName("patient")] string Patient,
        [property: System.Text.Json.Serialization.JsonPropertyName("alert")] string Alert,
        [property: System.Text.Json.Serialization.JsonPropertyName("readingAt")] string ReadingAt);
}
