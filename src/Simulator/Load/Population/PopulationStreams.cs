using LoadDriver.Targets;
using Scenarios.Model;
using Simulator.Load.Traffic;

namespace Simulator.Load.Population;

/// <summary>
/// Turns the plan into the three request streams: each send delegate maps its request index to (patient or follower,
/// cycle) through the plan and builds the request with the public traffic builders, so a shard sends exactly the
/// requests its indices name.
/// </summary>
internal sealed class PopulationStreams
{
    public const string Uploads = StreamNames.Uploads, Polls = StreamNames.Polls, Pushes = StreamNames.Pushes, Combined = StreamNames.Combined;

    private readonly PopulationLoad _load;
    private readonly PopulationTargets _targets;
    private readonly HttpClient _http;

    public PopulationStreams(PopulationLoad load, PopulationTargets targets, HttpClient http)
    {
        (_load, _targets, _http) = (load, targets, http);
        UploadSuccesses = new SuccessCounts(load.Options.Uploads);
        PollSuccesses = new SuccessCounts([VendorIds.DexcomShare]);
        PushSuccesses = new SuccessCounts([VendorIds.Fcm]);
        if (targets.ShareServices is { } share)
        {
            // Phones and follower apps are different clients with their own sessions, counted apart.
            PublisherShare = new ShareSessionClient(http, share);
            FollowerShare = new ShareSessionClient(http, share);
        }
    }

    public SuccessCounts UploadSuccesses { get; }
    public SuccessCounts PollSuccesses { get; }
    public SuccessCounts PushSuccesses { get; }
    public ShareSessionClient? PublisherShare { get; }
    public ShareSessionClient? FollowerShare { get; }

    /// <summary>
    /// Logs in, before the clock starts, every phone and follower app whose first-cycle request this shard sends. The
    /// load then measures a population already in use rather than one logging in all at once: otherwise the first 5
    /// virtual minutes carry a login per phone and per follower on top of the traffic. A failed login is left for the
    /// load's own first request to repeat and count.
    /// </summary>
    public async Task LogInAsync(CancellationToken ct)
    {
        var shard = _load.Options.Shard;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = ct };
        var shareLane = _load.Options.Uploads.ToList().IndexOf(VendorIds.DexcomShare);
        if (PublisherShare is { } publishers && shareLane >= 0)
        {
            var patients = FirstCycle(_load.Uploads, shard).Where(r => r.Lane == shareLane).Select(r => _load.Patients[r.Entity].Share).Distinct();
            await Parallel.ForEachAsync(patients, parallel, async (account, t) => await publishers.LogInPublisherAsync(account, t));
        }
        if (FollowerShare is { } followers && _load.Polls is { } polls)
        {
            var apps = FirstCycle(polls, shard).Select(r => _load.Followers[r.Entity]).Distinct();
            await Parallel.ForEachAsync(apps, parallel, async (f, t) => await followers.LogInFollowerAsync(f.Id, _load.Patients[f.Patient].Share, t));
        }
    }

    private static IEnumerable<CyclicRequest> FirstCycle(CyclicSchedule schedule, LoadDriver.Sharding.Shard shard)
    {
        for (long i = 0; i < Math.Min(schedule.PerCycle, schedule.Requests); i++)
            if (shard.Owns(i)) yield return schedule.At(i);
    }

    public IReadOnlyList<LoadStream> All()
    {
        var o = _load.Options;
        var streams = new List<LoadStream>
        {
            new(Uploads, _load.Uploads.Model(o.RealSpan, o.Compression, o.MaxInFlight),
                o.Uploads[0] == VendorIds.DexcomShare ? _targets.ShareServices! : _targets.NightscoutSite(_load.Patients[0]), UploadAsync),
        };
        if (_load.Polls is { } polls)
            streams.Add(new(Polls, polls.Model(o.RealSpan, o.Compression, o.MaxInFlight), _targets.ShareServices!, PollAsync));
        if (_load.Pushes is { } pushes)
            streams.Add(new(Pushes, pushes.Model(o.RealSpan, o.Compression, o.MaxInFlight), _targets.FcmBase!, PushAsync));
        return streams;
    }

    private async Task<Outcome> UploadAsync(long index, CancellationToken ct)
    {
        var request = _load.Uploads.At(index);
        var patient = _load.Patients[request.Entity];
        var reading = _load.ReadingOf(request.Entity, request.Cycle);
        var vendor = _load.Options.Uploads[request.Lane];
        var status = vendor == VendorIds.DexcomShare
            ? (await PublisherShare!.UploadAsync(patient.Share, [reading], ct)).Status
            : await StatusAsync(NightscoutRequests.PostEntries(_targets.NightscoutSite(patient), patient.Nightscout.ApiSecret, [reading]), ct);
        return UploadSuccesses.Count(vendor, status);
    }

    private async Task<Outcome> PollAsync(long index, CancellationToken ct)
    {
        var follower = _load.Followers[_load.Polls!.At(index).Entity];
        var answer = await FollowerShare!.ReadLatestAsync(follower.Id, _load.Patients[follower.Patient].Share, ct);
        return PollSuccesses.Count(VendorIds.DexcomShare, answer.Status);
    }

    private async Task<Outcome> PushAsync(long index, CancellationToken ct)
    {
        var push = _load.Pushes!.At(index);
        var follower = _load.Followers[push.Follower];
        var patient = _load.Patients[push.Patient];
        var content = new PushContent(follower.DeviceToken, patient.Id, follower.Id, push.Alert, _load.ReadingOf(push.Patient, push.PatientCycle), _load.Options.Uploads[0]);
        var status = await StatusAsync(FcmRequests.Send(_targets.FcmBase!, _load.FcmProject, _load.FcmAccessToken, content), ct);
        return PushSuccesses.Count(VendorIds.Fcm, status);
    }

    /// <summary>Sends and reads the whole answer: a request is not done until its answer is.</summary>
    private async Task<int> StatusAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            return (int)response.StatusCode;
        }
    }
}
