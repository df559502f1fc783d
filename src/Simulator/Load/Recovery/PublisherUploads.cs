using LoadDriver.Targets;
using Simulator.Load.Traffic;
using Simulator.Runs;

namespace Simulator.Load.Recovery;

/// <summary>
/// The patients' phones in the live phase: every one uploads its reading every 5 virtual minutes to Share over real
/// HTTP (<c>PostReceiverEgvRecords</c>, xDrip+'s shape). Request <c>i</c> of the load driver's schedule is patient
/// <c>i mod N</c>'s reading of round <c>i / N</c>, which is due at exactly its sensor time: the schedule sends N requests
/// per 5 virtual minutes, patient by patient, in the order of their phases. Phones log in (by name) before the clock
/// starts, so the upload curve measures uploads, not 10,000 logins.
/// </summary>
internal sealed class PublisherUploads
{
    private readonly HttpClient _http;
    private readonly Uri _servicesUrl;
    private readonly RecoveryPopulation _population;
    private readonly RecoveryTraces _traces;
    private readonly long _firstSlot;
    private readonly string[] _sessions;
    private readonly string[] _serials;

    private PublisherUploads(HttpClient http, Uri servicesUrl, RecoveryPopulation population, RecoveryTraces traces, long firstSlot, string[] sessions)
    {
        (_http, _servicesUrl, _population, _traces, _firstSlot, _sessions) = (http, servicesUrl, population, traces, firstSlot, sessions);
        _serials = [.. population.Patients.Select(p => ShareRequests.SerialNumber(p.Share))];
    }

    /// <exception cref="RunFailedException">A phone could not log in: the fake is not serving its accounts.</exception>
    public static async Task<PublisherUploads> LogInAsync(HttpClient http, Uri servicesUrl, RecoveryPopulation population, RecoveryTraces traces,
        long firstSlot, CancellationToken ct)
    {
        var sessions = new string[population.Patients.Count];
        await Parallel.ForEachAsync(population.Patients, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = ct }, async (patient, token) =>
        {
            using var request = ShareRequests.LoginByName(servicesUrl, patient.Share.AccountName, patient.Share.Password);
            using var response = await http.SendAsync(request, token);
            var body = await response.Content.ReadAsStringAsync(token);
            sessions[patient.Index] = response.IsSuccessStatusCode && ShareRequests.ParseId(body) is { } id
                ? id
                : throw new RunFailedException($"The Share fake refused the phone login of {patient.Id} (HTTP {(int)response.StatusCode}); the run's accounts and the fake disagree, a harness bug.");
        });
        return new PublisherUploads(http, servicesUrl, population, traces, firstSlot, sessions);
    }

    /// <summary>How many uploads the traces can feed: the live phase never runs past the last generated reading.</summary>
    public long MaxRequests => (_traces.Slots - _firstSlot) * _population.Patients.Count;

    /// <summary>The load driver's send delegate for requests numbered from <paramref name="firstRequest"/> on.</summary>
    public Func<long, CancellationToken, Task<Outcome>> Send(long firstRequest) => (index, ct) => UploadAsync(firstRequest + index, ct);

    private async Task<Outcome> UploadAsync(long request, CancellationToken ct)
    {
        var n = _population.Patients.Count;
        var patient = _population.Patients[(int)(request % n)];
        var reading = _traces.Reading(patient, _firstSlot + request / n);
        using var message = ShareRequests.PublisherUpload(_servicesUrl, _sessions[patient.Index], _serials[patient.Index], [reading]);
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, ct);
        return Outcome.FromStatus((int)response.StatusCode);
    }
}
