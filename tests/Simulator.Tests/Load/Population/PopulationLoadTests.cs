using Scenarios.Model;
using Simulator.Glucose.Generation;
using Simulator.Load.Population;
using Simulator.Runs;

namespace Simulator.Tests.Load.Population;

public sealed class PopulationLoadTests
{
    private static readonly PopulationLoadOptions Small = new()
    {
        Patients = 30, Followers = 12, VirtualSpan = TimeSpan.FromMinutes(60), RealSpan = TimeSpan.FromSeconds(6), Seed = 11,
    };

    private static readonly Lazy<PopulationLoad> Built = new(() => PopulationLoad.Build(Small));

    [Fact]
    public void Patients_accounts_and_followers_are_the_cohorts_own()
    {
        var load = Built.Value;
        var scenario = new Scenario
        {
            Name = "x", Title = "x", Origin = "x", Start = Small.VirtualStart, Duration = Small.VirtualSpan, Speed = 1, Seed = Small.Seed, Patients = [],
            Cohort = new CohortSpec { Children = 10, Adolescents = 10, Adults = 10, UploadsTo = [VendorIds.DexcomShare], FollowVia = [VendorIds.DexcomShare] },
            Vendors = [VendorIds.DexcomShare], Sut = new BuiltinSut("resilient"), Policy = AlertPolicySpec.DexcomDefault,
            Faults = [], Slos = [], Scoring = new ScoringSpec(), Narrative = [],
        };
        var population = ScenarioPopulation.Expand(scenario);
        var credentials = new RunCredentials(population.Scenario, population.DeviceTokens, population.AccountNames);

        Assert.Equal(population.Scenario.Patients.Select(p => p.Id), load.Patients.Select(p => p.Id));
        Assert.Equal(load.Patients.Select(p => credentials.Share[p.Id]), load.Patients.Select(p => p.Share));
        Assert.All(load.Followers, f => Assert.Equal(population.DeviceTokens[(load.Patients[f.Patient].Id, f.Id)], f.DeviceToken));
    }

    [Fact]
    public void Followers_are_capped_taking_whole_households()
    {
        var load = Built.Value;

        Assert.Equal(12, load.Followers.Count);
        Assert.Equal(load.Followers.Select(f => f.Index), load.Patients.SelectMany(p => p.Followers).Order());
        Assert.All(load.Followers, f => Assert.Contains(f.Index, load.Patients[f.Patient].Followers));
        Assert.All(load.Followers, f => Assert.StartsWith(load.Patients[f.Patient].Id + "-f", f.Id, StringComparison.Ordinal));
        Assert.True(load.FollowedPatients >= 4); // at most 3 each
    }

    [Fact]
    public void Each_patient_uploads_one_new_reading_every_5_virtual_minutes_to_each_target()
    {
        var load = Built.Value;

        var uploads = Enumerable.Range(0, (int)load.Uploads.Requests).Select(i => load.Uploads.At(i)).ToList();

        Assert.Equal(30 * 2 * 12, uploads.Count);
        foreach (var patient in uploads.GroupBy(u => (u.Entity, u.Lane)))
        {
            var times = patient.Select(u => load.ReadingOf(u.Entity, u.Cycle).SensorTime).ToList();
            Assert.Equal(12, times.Count);
            Assert.All(times.Zip(times.Skip(1)), pair => Assert.Equal(TimeSpan.FromMinutes(5), pair.Second - pair.First));
            Assert.InRange(times[0], Small.VirtualStart, Small.VirtualStart.AddMinutes(5));
        }
        var values = uploads.Select(u => load.ReadingOf(u.Entity, u.Cycle).Mgdl).ToList();
        Assert.All(values, v => Assert.InRange(v, 40, 400));
        Assert.True(values.Distinct().Count() > 20, "UVA/Padova glucose varies between patients and over the hour");
    }

    [Fact]
    public void The_seed_repeats_the_plan()
    {
        var again = PopulationLoad.Build(Small);
        var other = PopulationLoad.Build(Small with { Seed = 12 });

        Assert.Equal(Readings(Built.Value), Readings(again));
        Assert.NotEqual(Readings(Built.Value), Readings(other));
    }

    [Fact]
    public void Crossing_pushes_go_to_every_follower_of_a_patient_whose_reading_crossed_a_threshold()
    {
        var load = PopulationLoad.Build(Small with { VirtualSpan = TimeSpan.FromHours(24), RealSpan = TimeSpan.FromMinutes(1), Followers = 90, Pushes = PushMode.Crossings });
        var pushes = load.Pushes!;

        var planned = Enumerable.Range(0, (int)pushes.Requests).Select(i => pushes.At(i)).ToList();

        Assert.True(pushes.OnCrossings);
        Assert.NotEmpty(planned);
        foreach (var push in planned)
        {
            Assert.Contains(push.Follower, load.Patients[push.Patient].Followers);
            var (before, now) = (load.ReadingOf(push.Patient, push.PatientCycle - 1).Mgdl, load.ReadingOf(push.Patient, push.PatientCycle).Mgdl);
            Func<int, bool> inside = push.Alert switch { "urgent-low" => v => v <= 55, "low" => v => v <= 70, _ => v => v >= 250 };
            Assert.True(inside(now) && !inside(before), $"{push}: {before} -> {now}");
        }
        var times = planned.Select(p => load.ReadingOf(p.Patient, p.PatientCycle).SensorTime).ToList();
        Assert.Equal(times.Order(), times);
        Assert.All(planned.GroupBy(p => (p.Patient, p.PatientCycle, p.Alert)), g => Assert.Equal(load.Patients[g.Key.Patient].Followers.Count, g.Count()));
    }

    private static List<(string, DateTimeOffset, int)> Readings(PopulationLoad load) =>
        [.. Enumerable.Range(0, (int)load.Uploads.Requests).Select(i => load.Uploads.At(i)).Select(u => load.ReadingOf(u.Entity, u.Cycle))
            .Select(r => (r.Patient, r.SensorTime, r.Mgdl))];
}
