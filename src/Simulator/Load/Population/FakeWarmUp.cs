using Simulator.Glucose;
using Simulator.Load.Traffic;
using Simulator.Vendors;

namespace Simulator.Load.Population;

/// <summary>
/// Traffic through the built-in fakes before the clock starts, so the load does not begin on a cold process (HTTP
/// connections, Kestrel and WireMock pipelines, the thread pool). Every warm-up request carries the fakes' warm-up
/// header (no journal entry, no fault) and is one the fakes refuse without storing anything: an unknown session, a
/// wrong secret, a wrong token. So the journal check and the stores see only the load itself. External targets are
/// never warmed: they are a team's own service.
/// </summary>
internal static class FakeWarmUp
{
    public static async Task RunAsync(PopulationLoad load, PopulationTargets targets, HttpClient http, TimeSpan duration, CancellationToken ct)
    {
        var requests = Requests(load, targets);
        if (duration <= TimeSpan.Zero || requests.Count == 0) return;
        var started = TimeProvider.System.GetTimestamp();
        var workers = Math.Min(load.Options.MaxInFlight, 64);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async worker =>
        {
            await Task.Yield();
            for (var i = worker; TimeProvider.System.GetElapsedTime(started) < duration; i += workers)
            {
                using var request = requests[i % requests.Count]();
                request.Headers.Add(VendorFake.WarmUpHeader, "1");
                using var response = await http.SendAsync(request, ct);
            }
        }));
    }

    private static List<Func<HttpRequestMessage>> Requests(PopulationLoad load, PopulationTargets targets)
    {
        var patient = load.Patients[0];
        var reading = new Reading(patient.Id, load.Options.VirtualStart, 120, Trend.Flat);
        var noSession = Guid.Empty.ToString();
        var requests = new List<Func<HttpRequestMessage>>();
        if (targets.ShareFake is { } share)
        {
            requests.Add(() => ShareRequests.PublisherUpload(share.ServicesUrl, noSession, ShareRequests.SerialNumber(patient.Share), [reading]));
            requests.Add(() => ShareRequests.ReadLatest(share.ServicesUrl, noSession));
            requests.Add(() => ShareRequests.LoginByName(share.ServicesUrl, patient.Share.AccountName, "not-the-password"));
        }
        if (targets.NightscoutFake is { } nightscout)
            requests.Add(() => NightscoutRequests.PostEntries(nightscout.SiteUrl(patient.Id), "not-the-secret", [reading]));
        if (targets.FcmFake is { } fcm)
            requests.Add(() => FcmRequests.Send(fcm.BaseUrl, load.FcmProject, "not-the-token",
                new PushContent("warm-up", patient.Id, "warm-up", AlertNames.Glucose, reading, "warm-up")));
        return requests;
    }
}
