using Scenarios.Model;
using Simulator.Faults;
using Simulator.Journal;
using Simulator.Load.Recovery;
using Simulator.Tests.Support;
using Simulator.Vendors;

namespace Simulator.Tests.Load.Recovery;

/// <summary>
/// The outage fast-forwarded into the Share fake's store: every upload accepted at its own instant, in time order, the
/// day before the outage visible at once and the outage queued by the backlog fault in acceptance order.
/// </summary>
public sealed class FastForwardTests
{
    private const int Patients = 6;
    private static readonly RecoveryTimeline Timeline = new(RecoveryTimeline.DefaultOutageStart, TimeSpan.FromHours(2), TimeSpan.FromMinutes(15), Patients);
    private static readonly int Slots = (int)((RecoveryTimeline.History + TimeSpan.FromHours(3)) / RecoveryTimeline.ReadingInterval);

    private static (RecoveryPopulation Population, RecoveryTraces Traces) World(int seed = 7)
    {
        var population = RecoveryPopulation.Generate(Patients, 4, seed, Timeline.HistoryStart, RecoveryTimeline.ReadingInterval * Slots);
        return (population, RecoveryTraces.Generate(population, Timeline, Slots));
    }

    [Fact]
    public void Every_upload_before_the_live_phase_is_accepted_at_its_own_instant_and_the_outage_queues_in_order()
    {
        var (population, traces) = World();
        var backlog = Rig.Fault("dexcom-share", "read", Timeline.OutageStart, Timeline.Recovery,
            new BacklogFaultOptions { Release = BacklogRelease.DrainRate, DrainPerSecond = 2 });
        var context = Rig.Context(new ManualClock(Timeline.LiveStart), backlog);
        var store = new ReadingStore("dexcom-share", context);

        var accepted = FastForward.Run(store, context.Journal, backlog, population, traces, Timeline);

        var journal = context.Journal.Snapshot();
        var readings = journal.OfType<ReadingAccepted>().ToList();
        Assert.Equal(Patients * Timeline.LiveStartSlot, accepted);
        Assert.Equal(accepted, readings.Count);
        Assert.All(readings, r => Assert.Equal(r.SensorTime, r.At));                            // uploaded the moment it was taken
        Assert.Equal(readings.Select(r => r.At).Order(), readings.Select(r => r.At));            // in time order across patients
        Assert.All(readings.Where(r => r.At < Timeline.OutageStart), r => Assert.Equal(r.At, r.VisibleAt));
        var held = readings.Where(r => r.At >= Timeline.OutageStart).ToList();
        Assert.Equal(Patients * (int)((Timeline.LiveStart - Timeline.OutageStart) / RecoveryTimeline.ReadingInterval), held.Count);
        Assert.Equal(held.Select((_, k) => Timeline.Recovery.AddSeconds(k / 2.0)), held.Select(r => r.VisibleAt));
        var phase = Assert.Single(journal.OfType<FaultPhaseChanged>());
        Assert.Equal((Timeline.OutageStart, true), (phase.At, phase.Active));
        Assert.True(phase.Seq < held[0].Seq, "the outage is journaled as starting before its first withheld reading");
    }

    [Fact]
    public void The_population_and_its_glucose_repeat_for_a_seed()
    {
        var (first, firstTraces) = World(seed: 7);
        var (again, againTraces) = World(seed: 7);
        var (other, otherTraces) = World(seed: 8);

        Assert.Equal(first.Patients.Select(p => (p.Id, p.Share.AccountName, p.Share.Password)), again.Patients.Select(p => (p.Id, p.Share.AccountName, p.Share.Password)));
        var values = Enumerable.Range(0, Slots).Select(s => firstTraces.Mgdl(2, s)).ToList();
        Assert.Equal(values, Enumerable.Range(0, Slots).Select(s => againTraces.Mgdl(2, s)));
        Assert.NotEqual(values, Enumerable.Range(0, Slots).Select(s => otherTraces.Mgdl(2, s)));
        Assert.All(values, v => Assert.InRange(v, 40, 400));
        Assert.NotEqual(first.Patients.Select(p => p.Share.Password), other.Patients.Select(p => p.Share.Password));
    }

    [Fact]
    public void Exactly_the_followers_asked_for_are_taken_a_household_at_a_time()
    {
        var (population, _) = World();

        Assert.Equal(4, population.FollowerCount);
        Assert.All(population.Followed, p => Assert.InRange(p.Followers.Count, 1, 3));
        Assert.All(population.Followed.SelectMany(p => p.Followers), f => Assert.False(string.IsNullOrEmpty(f.Token)));
        var tooMany = Assert.Throws<Simulator.Runs.RunFailedException>(() =>
            RecoveryPopulation.Generate(Patients, 100, 7, Timeline.HistoryStart, TimeSpan.FromHours(1)));
        Assert.StartsWith($"--followers 100 is more than the {Patients} patients have: the cohort gives each 1 to 3 followers", tooMany.Message, StringComparison.Ordinal);
    }
}
