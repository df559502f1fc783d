using Scenarios.Model;
using Simulator.Glucose;
using Simulator.Glucose.Cohorts;
using Simulator.Glucose.Generation;
using Simulator.Glucose.Physiology;
using Simulator.Runs;

namespace Simulator.Load.Population;

/// <summary>
/// The plan of a population load, built from the domain: the patients, accounts, followers and device tokens are a
/// seeded cohort expanded exactly as a scenario run expands one (<see cref="ScenarioPopulation"/>, then
/// <see cref="RunCredentials"/>), and the readings come from the same UVA/Padova lives. Three streams: uploads (each
/// patient every 5 virtual minutes, to each upload target), polls (each follower every poll interval) and pushes.
/// Everything follows from the options and the seed, so every shard of a load builds the same plan.
/// </summary>
public sealed class PopulationLoad
{
    // Seed streams of the load's own orders, apart from the cohort's (SeedStreams 1–12).
    private const ulong UploadOrderStream = 40, PollOrderStream = 41, PushOrderStream = 42, FollowedOrderStream = 43;

    private readonly GlucoseTable _glucose;

    private PopulationLoad(PopulationLoadOptions options, IReadOnlyList<LoadPatient> patients, IReadOnlyList<LoadFollower> followers,
        RunCredentials credentials, GlucoseTable glucose, CyclicSchedule uploads)
    {
        (Options, Patients, Followers, _glucose, Uploads) = (options, patients, followers, glucose, uploads);
        FcmProject = RunCredentials.FcmProject;
        FcmAccessToken = credentials.FcmAccessToken;
        if (followers.Count > 0)
            Polls = new CyclicSchedule(followers.Count, 1, options.PollInterval, options.VirtualSpan, options.Seed, PollOrderStream);
        Pushes = PushPlan.For(this, options.Pushes, PushOrderStream);
    }

    public PopulationLoadOptions Options { get; }
    public IReadOnlyList<LoadPatient> Patients { get; }
    public IReadOnlyList<LoadFollower> Followers { get; }
    public string FcmProject { get; }
    public string FcmAccessToken { get; }

    /// <summary>Entities: patients; lanes: the upload targets in the order given.</summary>
    public CyclicSchedule Uploads { get; }

    /// <summary>Entities: followers; null when the load has none.</summary>
    public CyclicSchedule? Polls { get; }

    /// <summary>Null when pushes are off, the load has no followers, or (crossings) no patient with followers crosses a threshold.</summary>
    public PushPlan? Pushes { get; }

    public int FollowedPatients => Patients.Count(p => p.Followers.Count > 0);

    /// <summary>Where the glucose comes from, for the report.</summary>
    public const string GlucoseSource = "UVA/Padova cohort simulation (1-minute steps, the cohort's own lives), interstitial glucose at each reading, without the sensor-noise model";

    /// <exception cref="RunFailedException">The options are out of range.</exception>
    public static PopulationLoad Build(PopulationLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var third = options.Patients / 3;
        var scenario = new Scenario
        {
            Name = "load-population", Title = "Population load", Origin = "load:population",
            Start = options.VirtualStart, Duration = options.VirtualSpan, Speed = options.Compression, Seed = options.Seed,
            Patients = [],
            // The same mix the trace benchmark uses: a third each children, adolescents and adults, 1 to 3 followers each.
            Cohort = new CohortSpec
            {
                Children = third, Adolescents = third, Adults = options.Patients - 2 * third,
                UploadsTo = options.Uploads, FollowVia = [VendorIds.DexcomShare],
            },
            Vendors = [VendorIds.DexcomShare, VendorIds.Nightscout, VendorIds.Fcm],
            Sut = new BuiltinSut("resilient"), Policy = AlertPolicySpec.DexcomDefault,
            Faults = [], Slos = [], Scoring = new ScoringSpec(), Narrative = [],
        };
        var population = ScenarioPopulation.Expand(scenario);
        var credentials = new RunCredentials(population.Scenario, population.DeviceTokens, population.AccountNames);
        var specs = population.Scenario.Patients;

        var (followerLists, followers) = TakeFollowers(specs, credentials, options.Followers, options.Seed);
        var patients = specs.Select((p, i) => new LoadPatient(i, p.Id, credentials.Share[p.Id], credentials.Nightscout[p.Id]) { Followers = followerLists[i] }).ToList();

        var uploads = new CyclicSchedule(patients.Count, options.Uploads.Count, PopulationLoadOptions.ReadingInterval, options.VirtualSpan, options.Seed, UploadOrderStream);
        var cycleMinutes = (int)PopulationLoadOptions.ReadingInterval.TotalMinutes;
        var minuteOffset = patients.Select(p => (int)(uploads.Offset(p.Index, 0).Ticks / TimeSpan.TicksPerMinute)).ToArray();
        var plans = specs.Select(p => population.Lives[p.Id].PlanFor(VirtualPatients.Get(((UvaPadovaTraceSpec)p.Trace).Patient))).ToList();
        var glucose = GlucoseTable.Simulate(plans, options.VirtualStart, (int)uploads.Cycles, cycleMinutes, minuteOffset);
        return new PopulationLoad(options, patients, followers, credentials, glucose, uploads);
    }

    /// <summary>
    /// Followers up to the cap, whole households at a time: patients are walked in a seeded order and each brings all
    /// the followers the cohort gave them (the last one taken may bring only some), so the followed patients are spread
    /// over the age groups instead of being the first children of the cohort.
    /// </summary>
    private static (List<int>[] PerPatient, List<LoadFollower> All) TakeFollowers(IReadOnlyList<PatientSpec> specs, RunCredentials credentials, int cap, int seed)
    {
        var perPatient = specs.Select(_ => new List<int>()).ToArray();
        var all = new List<LoadFollower>();
        var order = Enumerable.Range(0, specs.Count).ToArray();
        new Random(SeedStreams.Derive(seed, FollowedOrderStream, 0)).Shuffle(order);
        foreach (var p in order)
        {
            foreach (var follower in specs[p].Followers)
            {
                if (all.Count >= cap) return (perPatient, all);
                perPatient[p].Add(all.Count);
                all.Add(new LoadFollower(all.Count, follower.Id, p, credentials.FcmTokens[(specs[p].Id, follower.Id)]));
            }
        }
        return (perPatient, all);
    }

    /// <summary>The reading patient <paramref name="patient"/> takes in <paramref name="cycle"/>, stamped with its virtual sensor time (whole milliseconds, as the wire carries it).</summary>
    public Reading ReadingOf(int patient, long cycle)
    {
        var at = Options.VirtualStart + Uploads.Offset(patient, cycle);
        at = DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
        return new Reading(Patients[patient].Id, at, _glucose.Mgdl(patient, cycle), _glucose.Trend(patient, cycle, Uploads.Interval));
    }

    /// <summary>The patient's newest reading at virtual <paramref name="offset"/> from the start (its first, before it has one).</summary>
    public Reading LatestReadingAt(int patient, TimeSpan offset) =>
        ReadingOf(patient, Math.Min(Uploads.CycleAt(patient, offset), _glucose.Cycles - 1));

    /// <summary>The mg/dL of a patient's cycle, for threshold crossings.</summary>
    internal int Mgdl(int patient, long cycle) => _glucose.Mgdl(patient, cycle);
}
