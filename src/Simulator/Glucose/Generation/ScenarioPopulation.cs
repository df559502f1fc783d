using Scenarios.Model;
using Simulator.Glucose.Cohorts;
using Simulator.Glucose.Physiology;

namespace Simulator.Glucose.Generation;

/// <summary>
/// The people of a run: the scenario's own patients plus its cohort, expanded (seeded from the scenario's seed) into
/// ordinary patients with a UVA/Padova trace, a sensor, a daily life and named followers with device tokens.
/// </summary>
public sealed record ScenarioPopulation(
    Scenario Scenario,
    IReadOnlyDictionary<string, GeneratedLife> Lives,
    IReadOnlyDictionary<(string Patient, string Follower), string> DeviceTokens,
    Cohort? Cohort)
{
    /// <summary>Share account names of generated people, made from their names (e.g. <c>maria.garcia.7</c>).</summary>
    public IReadOnlyDictionary<string, string> AccountNames { get; init; } = new Dictionary<string, string>();

    /// <summary>A cohort without a <c>sensor:</c> block wears a Dexcom G6 with every artifact on: realistic people, realistic sensors.</summary>
    public static readonly SensorSpec DefaultCohortSensor = new() { Kind = "g6" };

    /// <summary>ASCII letters of first and last name and the member's number, so every account name is unique.</summary>
    private static string AccountName(Person person, int index)
    {
        static string Letters(string name) => new([.. name.Normalize(System.Text.NormalizationForm.FormD).Where(char.IsAsciiLetter).Select(char.ToLowerInvariant)]);
        return $"{Letters(person.FirstName)}.{Letters(person.LastName)}.{index + 1}";
    }

    public static ScenarioPopulation Expand(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Cohort is not { } spec)
            return new ScenarioPopulation(scenario, new Dictionary<string, GeneratedLife>(), new Dictionary<(string, string), string>(), null);

        var sensor = spec.Sensor ?? DefaultCohortSensor;
        var request = new CohortRequest
        {
            Groups = new Dictionary<AgeGroup, int>
            {
                [AgeGroup.Child] = spec.Children,
                [AgeGroup.Adolescent] = spec.Adolescents,
                [AgeGroup.Adult] = spec.Adults,
            },
            FollowersPerPatient = new FollowerRange(spec.MinFollowers, spec.MaxFollowers),
            Seed = scenario.Seed,
            SensorKind = sensor.Kind,
        };
        var cohort = CohortGenerator.Generate(request, scenario.Start, scenario.Duration);
        var channel = scenario.Vendors.FirstOrDefault(v => VendorIds.PushVendors.Contains(v, StringComparer.Ordinal)) ?? VendorIds.Fcm;
        var patients = cohort.Members.Select(m => new PatientSpec
        {
            Id = m.Id,
            Trace = new UvaPadovaTraceSpec { Patient = m.VirtualPatient },
            Sensor = sensor,
            Followers = [.. m.Followers.Select(f => new FollowerSpec { Id = f.Id, Channel = channel })],
            UploadsTo = spec.UploadsTo,
            FollowVia = spec.FollowVia,
        });
        var tokens = cohort.Members
            .SelectMany(m => m.Followers.Select(f => (Key: (m.Id, f.Id), f.DeviceToken)))
            .ToDictionary(x => x.Key, x => x.DeviceToken);
        return new ScenarioPopulation(
            scenario with { Patients = [.. scenario.Patients, .. patients] },
            cohort.Members.ToDictionary(m => m.Id, GeneratedLife.FromMember, StringComparer.Ordinal),
            tokens,
            cohort)
        {
            AccountNames = cohort.Members.Select((m, i) => (m.Id, Name: AccountName(m.Person, i))).ToDictionary(x => x.Id, x => x.Name),
        };
    }
}
