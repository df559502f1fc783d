using System.Globalization;
using Simulator.Glucose.Physiology;

namespace Simulator.Glucose.Cohorts;

/// <summary>
/// Expands a <see cref="CohortRequest"/> into members over a run window. Deterministic: every random choice comes
/// from a Randomizer seeded from the request's seed (never Bogus's global seed, never the clock), all times are
/// computed in the member's own zone, and nothing depends on the thread culture or the machine's zone.
/// </summary>
public static class CohortGenerator
{
    /// <summary>Each age group has ten simglucose virtual patients, numbered 001–010.</summary>
    public const int ProfilesPerGroup = 10;

    private static readonly AgeGroup[] GroupOrder = [AgeGroup.Child, AgeGroup.Adolescent, AgeGroup.Adult];

    public static Cohort Generate(CohortRequest request, DateTimeOffset start, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request, duration);
        var zones = request.TimeZones.Select(id => TimeZoneInfo.FindSystemTimeZoneById(id)).ToArray();
        var end = start + duration;
        var members = new List<CohortMember>(request.Count);
        var uses = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in GroupOrder)
        {
            var profiles = ProfileOrder(request.Seed, group);
            for (var j = 0; j < request.CountOf(group); j++)
            {
                var profile = profiles[j % ProfilesPerGroup];
                var name = VirtualPatientName(group, profile);
                var use = uses[name] = uses.GetValueOrDefault(name) + 1;
                var id = $"{GroupSlug(group)}-{profile.ToString("000", CultureInfo.InvariantCulture)}-{use.ToString(CultureInfo.InvariantCulture)}";
                members.Add(Member(request, (ulong)members.Count, id, name, group, zones, start, end, duration));
            }
        }
        return new Cohort(request, start, duration, members);
    }

    /// <summary>simglucose's name for a virtual patient: <c>adult#003</c>.</summary>
    public static string VirtualPatientName(AgeGroup group, int profile) =>
        $"{GroupSlug(group)}#{profile.ToString("000", CultureInfo.InvariantCulture)}";

    public static string GroupSlug(AgeGroup group) => group.ToString().ToLowerInvariant();

    private static CohortMember Member(
        CohortRequest request, ulong index, string id, string virtualPatient, AgeGroup group,
        TimeZoneInfo[] zones, DateTimeOffset start, DateTimeOffset end, TimeSpan duration)
    {
        var personRandom = SeedStreams.For(request.Seed, SeedStreams.Person, index);
        var zone = personRandom.ArrayElement(zones);
        var names = People.Names(personRandom, zone.Id);
        var person = new Person(names.FirstName(), names.LastName(), zone.Id, People.Platform(personRandom));
        return new CohortMember
        {
            Id = id,
            VirtualPatient = virtualPatient,
            AgeGroup = group,
            Person = person,
            Sleep = SleepPlanner.Draw(SeedStreams.For(request.Seed, SeedStreams.Sleep, index), group),
            Meals = MealPlanner.Plan(SeedStreams.For(request.Seed, SeedStreams.Meals, index), SeedStreams.For(request.Seed, SeedStreams.Dosing, index),
                group, zone, start, end),
            Sensitivity = SensitivityPlanner.Plan(SeedStreams.For(request.Seed, SeedStreams.Sensitivity, index), zone, start, end),
            MissedBolusProbability = MealTable.MissedBolusProbability(group),
            Exercise = ExercisePlanner.Sessions(SeedStreams.For(request.Seed, SeedStreams.Exercise, index), group, zone, start, end),
            SensorSessionStarts = SensorSessions.Starts(SeedStreams.For(request.Seed, SeedStreams.Sensor, index), request.SensorKind, duration),
            Followers = Followers.Draw(SeedStreams.For(request.Seed, SeedStreams.Followers, index), id, group, person, request.FollowersPerPatient, request.TimeZones),
        };
    }

    /// <summary>Profiles 1–10 in a seeded order; members of the group take them in turn, so each is used evenly.</summary>
    private static int[] ProfileOrder(int seed, AgeGroup group)
    {
        var random = SeedStreams.For(seed, SeedStreams.Profiles, (ulong)group);
        return random.Shuffle(Enumerable.Range(1, ProfilesPerGroup)).ToArray();
    }

    private static void Validate(CohortRequest request, TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "The run window must have a positive duration.");
        foreach (var (group, count) in request.Groups)
        {
            if (count < 0)
                throw new ArgumentException($"The cohort asks for {count.ToString(CultureInfo.InvariantCulture)} {GroupSlug(group)} patients; give zero or more.", nameof(request));
        }
        var range = request.FollowersPerPatient;
        if (range.Min < 0 || range.Max < range.Min)
            throw new ArgumentException($"Followers per patient {range.Min.ToString(CultureInfo.InvariantCulture)}..{range.Max.ToString(CultureInfo.InvariantCulture)} is not a range; give 0 ≤ min ≤ max, e.g. 1..3.", nameof(request));
        if (request.TimeZones.Count == 0)
            throw new ArgumentException("The cohort has no time zones to place members in; leave TimeZones unset for the default spread.", nameof(request));
        foreach (var id in request.TimeZones)
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out _))
                throw new ArgumentException($"\"{id}\" is not a time zone this machine knows; use an IANA name such as America/New_York.", nameof(request));
        }
        _ = SensorSessions.SessionLength(request.SensorKind);
    }
}
