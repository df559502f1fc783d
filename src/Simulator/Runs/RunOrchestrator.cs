using Scenarios.Model;
using Simulator.Ble.Link;
using Simulator.Faults;
using Simulator.Glucose;
using Simulator.Glucose.Generation;
using Simulator.Glucose.Replay;
using Simulator.Journal;
using Simulator.Reports;
using Simulator.Scoring;
using Simulator.Time;
using Simulator.Vendors;
using Simulator.Vendors.DexcomShare;
using Simulator.Vendors.Fcm;
using Simulator.Vendors.Nightscout;

namespace Simulator.Runs;

/// <summary>
/// Builds the world a scenario describes (clock, fakes, the phone app, the system under test), lets virtual
/// time run to the end, then scores the journal and writes the report. One direction: generator → fakes →
/// SUT → push fakes → journal → scorer; nothing reaches back up the chain.
/// </summary>
public static class RunOrchestrator
{
    public static async Task<RunResult> RunAsync(RunOptions options, CancellationToken ct = default)
    {
        // Everything that can be wrong with the inputs (a recorded trace that does not parse) fails here, before
        // any port is opened or file written.
        var population = ScenarioPopulation.Expand(options.Scenario);
        var scenario = population.Scenario;
        var readings = GenerateReadings(population);
        EnsureThreadPoolHeadroom();
        Directory.CreateDirectory(options.OutputDirectory);
        var journalPath = Path.Combine(options.OutputDirectory, "journal.jsonl");
        var clock = new VirtualClock(scenario.Start, scenario.Speed);
        var faults = new FaultTimeline(scenario.Faults, scenario.Seed);
        var jitter = new SchedulingJitter();
        var credentials = new RunCredentials(scenario, population.DeviceTokens, population.AccountNames);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        await using var journal = new RunJournal(journalPath);
        var context = new FakeContext(clock, journal, faults);
        using var fakes = new FakeSet(scenario, context, credentials);
        await using var sutHandle = await BindSutAsync(options, http, ct);
        await using var harness = await HarnessApi.StartAsync(clock, journal, ct);
        await fakes.WarmUpAsync(http, ct);
        // Patients with a transmitter on the BLE link: the receiver under test plays their phone, not the harness.
        var bleLinks = BleLinkPlan.For(scenario);
        await using var ble = bleLinks.Count == 0 ? null : await BleLinkServer.StartAsync(clock, journal, bleLinks, ct);

        var uploaders = fakes.Uploaders(http, clock, journal, except: ble is null ? null : ble.Serves);
        var sutLabel = scenario.Sut is BuiltinSut b ? $"reference-system/{b.Profile}" : sutHandle.Client.BaseUrl.ToString();

        journal.Append(new RunStarted { At = scenario.Start, Scenario = scenario.Name, Seed = scenario.Seed, Speed = scenario.Speed, Sut = sutLabel });
        var realStart = TimeProvider.System.GetTimestamp();
        clock.Start();
        await sutHandle.Client.StartFollowingAsync(SutConfig(scenario, options, fakes, credentials, harness.ClockUrl), ct);
        if (ble is not null)
            await sutHandle.Client.StartReceivingAsync(ReceiverConfig(scenario, fakes, credentials, harness, ble), ct);

        DateTimeOffset? cancelledAt = null;
        try
        {
            foreach (var (at, act) in Schedule(scenario, readings, journal, fakes, uploaders, ble))
            {
                await WaitUntilAsync(clock, at, jitter, ct);
                act();
            }
            await WaitUntilAsync(clock, scenario.End, jitter, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped by the user: keep everything, score what happened so far, say the report is partial.
            cancelledAt = clock.GetUtcNow();
        }

        await sutHandle.Client.StopAsync(CancellationToken.None, receiving: ble is not null);
        foreach (var uploader in uploaders.Values.SelectMany(u => u)) await uploader.DisposeAsync();
        journal.Append(new RunEnded { At = clock.GetUtcNow(), Outcome = cancelledAt is null ? "completed" : "cancelled" });
        var realDuration = TimeProvider.System.GetElapsedTime(realStart);

        var scored = cancelledAt is { } stop ? scenario with { Duration = stop - scenario.Start } : scenario;
        var scorecard = Scorer.Score(scored, journal.Snapshot(), faults, credentials.FcmTokens.ToDictionary(kv => kv.Value, kv => kv.Key));
        var report = RunReport.Create(scored, sutLabel, scorecard, jitter, realDuration) with
        {
            Outcome = cancelledAt is null ? "completed" : "cancelled",
        };
        var reportPath = Path.Combine(options.OutputDirectory, "report.json");
        await ReportJsonWriter.WriteAsync(report, reportPath, CancellationToken.None);
        return new RunResult(report, reportPath, journalPath);
    }

    private static IReadOnlyList<Reading> GenerateReadings(ScenarioPopulation population)
    {
        try
        {
            return ScenarioTraces.Generate(population.Scenario, population.Lives);
        }
        catch (TraceImportException e)
        {
            throw new RunFailedException($"Scenario '{population.Scenario.Name}' replays a recorded trace that cannot be read: {e.Message}", e);
        }
    }

    /// <summary>
    /// At 3000x one real millisecond is three virtual seconds, so a timer callback queued behind a starved thread
    /// pool (the pool adds threads slowly) shows up as minutes of fake alert latency. Start with enough threads for
    /// the fakes, the system under test and the scheduler to never wait for one.
    /// </summary>
    private static void EnsureThreadPoolHeadroom()
    {
        const int Wanted = 32;
        ThreadPool.GetMinThreads(out var workers, out var io);
        if (workers < Wanted || io < Wanted) ThreadPool.SetMinThreads(Math.Max(workers, Wanted), Math.Max(io, Wanted));
    }

    /// <summary>Everything that happens at a set virtual instant: readings taken (and uploaded), fault windows opening and closing.</summary>
    private static IEnumerable<(DateTimeOffset At, Action Act)> Schedule(Scenario scenario, IReadOnlyList<Reading> readings, RunJournal journal,
        FakeSet fakes, IReadOnlyDictionary<string, List<PhoneUploader>> uploaders, BleLinkServer? ble)
    {
        var readingActs = readings.Select(r => (r.SensorTime, (Action)(() =>
        {
            journal.Append(new ReadingGenerated { At = r.SensorTime, Patient = r.Patient, Mgdl = r.Mgdl, Trend = r.Trend.ToString(), TruthMgdl = r.TruthMgdl is { } t ? Math.Round(t, 1) : null });
            fakes.FeedDirect(r);
            if (ble is not null && ble.Serves(r.Patient))
                ble.Measure(r);
            else
                foreach (var uploader in uploaders[r.Patient]) uploader.Enqueue(r);
        })));
        var faultEvents = scenario.Faults.SelectMany(f => new[] { (At: f.At, Fault: f, Active: true), (At: f.Until, Fault: f, Active: false) })
            .Where(x => x.At >= scenario.Start && x.At < scenario.End)
            .Select(x => (x.At, (Action)(() => journal.Append(new FaultPhaseChanged
            {
                At = x.At, Target = x.Fault.Target.ToString(), Kind = x.Fault.Kind, Active = x.Active,
            }))));
        return readingActs.Concat(faultEvents).OrderBy(x => x.Item1).ToList();
    }

    private static async Task WaitUntilAsync(VirtualClock clock, DateTimeOffset at, SchedulingJitter jitter, CancellationToken ct)
    {
        var wait = at - clock.GetUtcNow();
        if (wait <= TimeSpan.Zero) return;
        await Task.Delay(wait, clock, ct);
        jitter.Record(clock.ToReal(clock.GetUtcNow() - at));
    }

    private static async Task<SutHandle> BindSutAsync(RunOptions options, HttpClient http, CancellationToken ct)
    {
        IBuiltinSut? builtin = null;
        Uri url;
        if (options.Scenario.Sut is ExternalSut external) url = external.BaseUrl;
        else
        {
            var start = options.StartBuiltinSut ?? throw new RunFailedException(
                "The scenario binds the built-in ReferenceSystem, but this host cannot start it. Run it through the `simulator` command, or give an external system with --sut-url.");
            builtin = await start(ct);
            url = builtin.BaseUrl;
        }
        var client = new SutClient(http, url);
        try { await client.PreflightAsync(options.Scenario.Speed, ct); }
        catch
        {
            if (builtin is not null) await builtin.DisposeAsync();
            throw;
        }
        return new SutHandle(client, builtin);
    }

    private static object SutConfig(Scenario s, RunOptions options, FakeSet fakes, RunCredentials credentials, Uri clockUrl) => new
    {
        profile = s.Sut is BuiltinSut b ? b.Profile : options.ExternalProfile ?? "resilient",
        seed = s.Seed,
        clock = new { url = clockUrl },
        policy = new { urgentLowMgdl = s.Policy.UrgentLowMgdl, lowMgdl = s.Policy.LowMgdl, highMgdl = s.Policy.HighMgdl, noDataMinutes = s.Policy.NoDataAfter.TotalMinutes },
        push = new
        {
            fcm = fakes.Fcm is { } fcm ? new { baseUrl = fcm.BaseUrl, projectId = fcm.ProjectId, accessToken = fcm.AccessToken } : null,
            apns = fakes.Apns is { } apns
                ? new { baseUrl = apns.BaseUrl, topic = apns.Options.Topic, teamId = credentials.ApnsTeamId, keyId = credentials.ApnsKeyId, signingKey = credentials.ApnsSigningKeyPem }
                : null,
            twilio = fakes.Twilio is { } twilio
                ? new { baseUrl = twilio.BaseUrl, accountSid = credentials.TwilioAccountSid, authToken = credentials.TwilioAuthToken, from = RunCredentials.TwilioFrom }
                : null,
            webhook = fakes.Webhook is { } hook ? new { url = hook.HookUrl("alerts"), secretHeader = hook.Options.SecretHeader, secret = credentials.WebhookSecret } : null,
        },
        patients = s.Patients.Select(p => new
        {
            id = p.Id,
            share = fakes.Share is { } share && p.FollowVia.Contains(VendorIds.DexcomShare)
                ? new { baseUrl = share.ServicesUrl, accountName = credentials.Share[p.Id].AccountName, password = credentials.Share[p.Id].Password, applicationId = RunCredentials.ShareApplicationId }
                : null,
            nightscout = fakes.Nightscout is { } ns && p.FollowVia.Contains(VendorIds.Nightscout)
                ? new { baseUrl = ns.SiteUrl(p.Id), apiSecret = credentials.Nightscout[p.Id].ApiSecret }
                : null,
            libreLinkUp = fakes.LibreLinkUp is { } llu && p.FollowVia.Contains(VendorIds.LibreLinkUp)
                ? new { baseUrl = llu.RegionUrl(credentials.LibreLinkUp[p.Id].Region), email = credentials.LibreLinkUp[p.Id].Email, password = credentials.LibreLinkUp[p.Id].Password }
                : null,
            dexcomApi = fakes.DexcomApi is { } dx && p.FollowVia.Contains(VendorIds.DexcomApi)
                ? new
                {
                    baseUrl = dx.BaseUrl, clientId = credentials.DexcomApiClient.ClientId, clientSecret = credentials.DexcomApiClient.ClientSecret,
                    redirectUri = credentials.DexcomApiClient.RedirectUri, username = credentials.DexcomApi[p.Id].Username, password = credentials.DexcomApi[p.Id].Password,
                }
                : null,
            followers = p.Followers.Select(f => new
            {
                id = f.Id, channel = f.Channel, fcmToken = credentials.FcmTokens[(p.Id, f.Id)],
                apnsToken = credentials.ApnsTokens[(p.Id, f.Id)], phone = credentials.PhoneNumbers[(p.Id, f.Id)],
            }),
        }),
    };

    /// <summary>The body of <c>POST /api/receiver</c> (docs/ble-link.md): the link, where to report local alarms, and per transmitter where to upload.</summary>
    private static object ReceiverConfig(Scenario s, FakeSet fakes, RunCredentials credentials, HarnessApi harness, BleLinkServer ble) => new
    {
        clock = new { url = harness.ClockUrl },
        link = ble.TcpUrl,
        localAlarms = harness.LocalAlarmsUrl,
        // The phone app was already running when the rehearsal began: the run's first reading is its to collect, and to
        // backfill if it connects a window or two late (a reading exactly at its start would not look like a gap).
        since = s.Start - BleLinkPlan.ReadingInterval,
        policy = new { urgentLowMgdl = s.Policy.UrgentLowMgdl, lowMgdl = s.Policy.LowMgdl, highMgdl = s.Policy.HighMgdl },
        transmitters = ble.Links.Select(link =>
        {
            var p = s.Patients.Single(x => x.Id == link.Patient);
            return new
            {
                patient = p.Id,
                linkId = link.LinkId,
                transmitterId = link.TransmitterId,
                share = fakes.Share is { } share && p.UploadsTo.Contains(VendorIds.DexcomShare)
                    ? new { baseUrl = share.ServicesUrl, accountName = credentials.Share[p.Id].AccountName, password = credentials.Share[p.Id].Password, applicationId = RunCredentials.ShareApplicationId }
                    : null,
                nightscout = fakes.Nightscout is { } ns && p.UploadsTo.Contains(VendorIds.Nightscout)
                    ? new { baseUrl = ns.SiteUrl(p.Id), apiSecret = credentials.Nightscout[p.Id].ApiSecret }
                    : null,
            };
        }),
    };

    private sealed record SutHandle(SutClient Client, IBuiltinSut? Builtin) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (Builtin is not null) await Builtin.DisposeAsync();
        }
    }
}
