using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Simulator.Runs;

namespace Simulator.Load.Recovery;

/// <summary>What the follower system says it did with one patient's readings (<c>GET /api/follow/ingest</c>).</summary>
public sealed record PatientIngestData(long[] SensorTimes, int[] Received, int[] Kept, int[] Alerts, int[] RepeatedAlerts);

/// <summary>
/// The recovery run's side of the follower-system protocol: start following the followed patients (through the poll
/// relay) with their followers' push tokens, ask how many are fresh, and read the ingest ledger at the end.
/// </summary>
internal sealed class SutFollow(HttpClient http, SutClient client)
{
    public const string FcmProject = RunCredentials.FcmProject;
    public const string FcmAccessToken = "ya29.fake-recovery";

    public Task StartAsync(string profile, int seed, Uri clockUrl, Uri shareServicesUrl, Uri fcmBaseUrl, RecoveryPopulation population, CancellationToken ct) =>
        client.StartFollowingAsync(new
        {
            profile,
            seed,
            clock = new { url = clockUrl },
            policy = new { urgentLowMgdl = 55, lowMgdl = 70, highMgdl = 250, noDataMinutes = 20 },
            push = new { fcm = new { baseUrl = fcmBaseUrl, projectId = FcmProject, accessToken = FcmAccessToken } },
            patients = population.Followed.Select(p => new
            {
                id = p.Id,
                share = new { baseUrl = shareServicesUrl, accountName = p.Share.AccountName, password = p.Share.Password, applicationId = RunCredentials.ShareApplicationId },
                followers = p.Followers.Select(f => new { id = f.Id, fcmToken = f.Token }),
            }),
        }, ct);

    /// <summary>How many followed patients the follower system shows a reading of no more than <paramref name="within"/> old at <paramref name="now"/>.</summary>
    public async Task<int> FreshCountAsync(DateTimeOffset now, TimeSpan within, CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri(client.BaseUrl, "/api/follow/state"), ct);
        if (!response.IsSuccessStatusCode) return 0;
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        if (!doc.RootElement.TryGetProperty("patients", out var patients)) return 0;
        var fresh = 0;
        foreach (var patient in patients.EnumerateArray())
        {
            if (patient.TryGetProperty("newestReading", out var newest) && newest.ValueKind == JsonValueKind.Object
                && DateTimeOffset.TryParse(newest.GetProperty("sensorTime").GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                && now - at <= within)
                fresh++;
        }
        return fresh;
    }

    /// <exception cref="RunFailedException">The follower system has no ingest report (not the ReferenceSystem, or an old one).</exception>
    public async Task<IReadOnlyDictionary<string, PatientIngestData>> IngestAsync(CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri(client.BaseUrl, "/api/follow/ingest"), ct);
        if (!response.IsSuccessStatusCode)
            throw new RunFailedException($"The follower system at {client.BaseUrl} has no ingest report (GET /api/follow/ingest answered HTTP {(int)response.StatusCode}), so lost and duplicated readings cannot be checked.");
        var body = await response.Content.ReadFromJsonAsync<IngestBody>(JsonOptions, ct)
            ?? throw new RunFailedException($"The follower system at {client.BaseUrl} answered GET /api/follow/ingest with nothing.");
        return body.Patients.ToDictionary(p => p.Id, p => new PatientIngestData(p.SensorTimes, p.Received, p.Kept, p.Alerts, p.RepeatedAlerts), StringComparer.Ordinal);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private sealed record IngestBody(string Status, List<IngestPatient> Patients);

    private sealed record IngestPatient(string Id, long[] SensorTimes, int[] Received, int[] Kept, int[] Alerts, int[] RepeatedAlerts);
}
