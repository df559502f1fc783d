using System.Text.Json;
using System.Text.RegularExpressions;
using Simulator.Glucose.Cohorts;
using Simulator.Glucose.Physiology;

namespace Simulator.Tests.Glucose.Cohorts;

public partial class CohortGeneratorTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 3, 14, 0, 0, TimeSpan.Zero);

    private static Cohort Mixed(int seed, int children = 25, int adolescents = 15, int adults = 40) =>
        CohortGenerator.Generate(CohortRequest.Mixed(children, adolescents, adults, seed), Start, TimeSpan.FromDays(14));

    [Fact]
    public void Counts_per_group_and_readable_unique_ids()
    {
        var cohort = Mixed(1);

        Assert.Equal(80, cohort.Members.Count);
        Assert.Equal(25, cohort.Members.Count(m => m.AgeGroup == AgeGroup.Child));
        Assert.Equal(15, cohort.Members.Count(m => m.AgeGroup == AgeGroup.Adolescent));
        Assert.Equal(40, cohort.Members.Count(m => m.AgeGroup == AgeGroup.Adult));
        Assert.Equal(cohort.Members.Count, cohort.Members.Select(m => m.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(cohort.Members, m => Assert.Matches(IdPattern(), m.Id));
        Assert.All(cohort.Members, m => Assert.StartsWith(m.VirtualPatient.Replace('#', '-'), m.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_member_uses_one_of_their_groups_ten_profiles_evenly()
    {
        var cohort = Mixed(2, children: 25, adolescents: 15, adults: 40);

        foreach (var group in Enum.GetValues<AgeGroup>())
        {
            var names = Enumerable.Range(1, 10).Select(i => $"{group.ToString().ToLowerInvariant()}#{i:000}").ToHashSet();
            var members = cohort.Members.Where(m => m.AgeGroup == group).ToList();
            Assert.All(members, m => Assert.Contains(m.VirtualPatient, names));
            var uses = members.GroupBy(m => m.VirtualPatient).Select(g => g.Count()).ToList();
            Assert.True(uses.Max() - uses.Min() <= 1, $"{group}: profiles used {string.Join(",", uses)} times");
        }
        Assert.Equal(4, cohort.Members.Count(m => m.VirtualPatient.StartsWith("adult#", StringComparison.Ordinal)) / 10);
    }

    [Fact]
    public void Followers_are_in_range_with_reserved_phones_and_platform_shaped_tokens()
    {
        var cohort = Mixed(3);
        var followers = cohort.Members.SelectMany(m => m.Followers).ToList();

        Assert.All(cohort.Members, m => Assert.InRange(m.Followers.Count, 1, 3));
        Assert.Equal(followers.Count, followers.Select(f => f.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(followers, f => Assert.Matches(ReservedPhone(), f.PhoneNumber));
        Assert.All(followers, f => Assert.True(PhoneNumbers.IsReserved(f.PhoneNumber), f.PhoneNumber));
        Assert.All(followers, f => Assert.Equal(f.TimeZoneId.StartsWith("America/", StringComparison.Ordinal), f.PhoneNumber.StartsWith("+1", StringComparison.Ordinal)));
        Assert.All(followers.Where(f => f.Platform == PhonePlatform.Ios), f => Assert.Matches(ApnsToken(), f.DeviceToken));
        Assert.All(followers.Where(f => f.Platform == PhonePlatform.Android), f => Assert.Matches(FcmToken(), f.DeviceToken));
        Assert.Contains(followers, f => f.Platform == PhonePlatform.Ios);
        Assert.Contains(followers, f => f.Platform == PhonePlatform.Android);
    }

    [Fact]
    public void Young_patients_are_followed_by_parents_and_adults_by_partner_parent_or_friend()
    {
        var cohort = Mixed(4);

        foreach (var member in cohort.Members.Where(m => m.AgeGroup != AgeGroup.Adult))
        {
            Assert.All(member.Followers.Take(2), f => Assert.Equal(Relationship.Parent, f.Relationship));
            Assert.All(member.Followers.Take(2), f => Assert.EndsWith(" " + member.Person.LastName, f.DisplayName, StringComparison.Ordinal));
            Assert.All(member.Followers, f => Assert.Equal(member.Person.TimeZoneId, f.TimeZoneId));
        }
        var adultFollowers = cohort.Members.Where(m => m.AgeGroup == AgeGroup.Adult).SelectMany(m => m.Followers).ToList();
        Assert.All(adultFollowers, f => Assert.Contains(f.Relationship, new[] { Relationship.Partner, Relationship.Parent, Relationship.Friend }));
        Assert.All(cohort.Members, m => Assert.True(m.Followers.Count(f => f.Relationship == Relationship.Partner) <= 1));
    }

    [Fact]
    public void Follower_count_range_is_honoured()
    {
        var request = CohortRequest.AllOf(AgeGroup.Adult, 50, 5) with { FollowersPerPatient = new FollowerRange(2, 2) };

        var cohort = CohortGenerator.Generate(request, Start, TimeSpan.FromDays(1));

        Assert.All(cohort.Members, m => Assert.Equal(2, m.Followers.Count));
    }

    [Fact]
    public void Same_request_gives_the_same_cohort_and_another_seed_a_different_one()
    {
        var first = JsonSerializer.Serialize(Mixed(42));
        var second = JsonSerializer.Serialize(Mixed(42));
        var other = JsonSerializer.Serialize(Mixed(43));

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void A_member_does_not_change_when_the_cohort_grows()
    {
        var small = CohortGenerator.Generate(CohortRequest.AllOf(AgeGroup.Adult, 10, 7), Start, TimeSpan.FromDays(3));
        var large = CohortGenerator.Generate(CohortRequest.AllOf(AgeGroup.Adult, 30, 7), Start, TimeSpan.FromDays(3));

        Assert.Equal(JsonSerializer.Serialize(small.Members), JsonSerializer.Serialize(large.Members.Take(10)));
    }

    [Fact]
    public void Sleep_depends_on_age()
    {
        var cohort = Mixed(5);

        Assert.All(cohort.Members.Where(m => m.AgeGroup == AgeGroup.Child), m => Assert.InRange(m.Sleep.Bedtime, new TimeOnly(20, 0), new TimeOnly(21, 0)));
        Assert.All(cohort.Members.Where(m => m.AgeGroup == AgeGroup.Adolescent), m => Assert.InRange(m.Sleep.Bedtime, new TimeOnly(21, 30), new TimeOnly(23, 30)));
        Assert.All(cohort.Members.Where(m => m.AgeGroup == AgeGroup.Adult), m => Assert.True(m.Sleep.Bedtime >= new TimeOnly(22, 0) || m.Sleep.Bedtime == TimeOnly.MinValue));
        Assert.All(cohort.Members, m => Assert.InRange(m.Sleep.WakeUp, new TimeOnly(6, 0), new TimeOnly(8, 0)));
    }

    [Fact]
    public void Exercise_follows_the_age_plans()
    {
        var request = CohortRequest.Mixed(100, 100, 100, 8) with { TimeZones = ["Europe/London"] };
        var cohort = CohortGenerator.Generate(request, new DateTimeOffset(2025, 1, 6, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(20));

        double PerDay(AgeGroup g) => cohort.Members.Where(m => m.AgeGroup == g).Sum(m => m.Exercise.Count) / (100.0 * 20);
        Assert.InRange(PerDay(AgeGroup.Adult), 0.27, 0.33);
        Assert.InRange(PerDay(AgeGroup.Adolescent), 0.46, 0.54);
        Assert.InRange(PerDay(AgeGroup.Child), 0.56, 0.64);
        var adultSessions = cohort.Members.Where(m => m.AgeGroup == AgeGroup.Adult).SelectMany(m => m.Exercise).ToList();
        Assert.All(adultSessions, e => Assert.InRange(e.Duration, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(60)));
        Assert.All(cohort.Members.Where(m => m.AgeGroup != AgeGroup.Adult).SelectMany(m => m.Exercise),
            e => Assert.InRange(e.At.UtcDateTime.TimeOfDay, TimeSpan.FromHours(15), TimeSpan.FromHours(18)));
        Assert.True(adultSessions.Count(e => e.Intensity == ExerciseIntensity.Moderate) > adultSessions.Count / 2);
    }

    [Fact]
    public void Sensor_sessions_start_a_full_session_apart_inside_the_run()
    {
        var request = CohortRequest.AllOf(AgeGroup.Adult, 50, 11) with { SensorKind = SensorSessions.G6 };
        var duration = TimeSpan.FromDays(30);

        var cohort = CohortGenerator.Generate(request, Start, duration);

        foreach (var starts in cohort.Members.Select(m => m.SensorSessionStarts))
        {
            Assert.InRange(starts.Count, 2, 3);
            Assert.All(starts, s => Assert.InRange(s, TimeSpan.Zero, duration));
            Assert.All(starts.Zip(starts.Skip(1), (a, b) => b - a), gap => Assert.InRange(gap, TimeSpan.FromDays(10), TimeSpan.FromDays(10).Add(TimeSpan.FromHours(1))));
        }
    }

    [Fact]
    public void Unknown_time_zone_is_refused()
    {
        var request = CohortRequest.AllOf(AgeGroup.Adult, 1, 1) with { TimeZones = ["Mars/Olympus_Mons"] };

        var ex = Assert.Throws<ArgumentException>(() => CohortGenerator.Generate(request, Start, TimeSpan.FromDays(1)));

        Assert.StartsWith("\"Mars/Olympus_Mons\" is not a time zone this machine knows; use an IANA name such as America/New_York.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ten_thousand_members_over_two_weeks()
    {
        var cohort = CohortGenerator.Generate(CohortRequest.Mixed(2_000, 2_000, 6_000, 99), Start, TimeSpan.FromDays(14));

        Assert.Equal(10_000, cohort.Members.Count);
        Assert.Equal(10_000, cohort.Members.Select(m => m.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(cohort.Members, m => m.Id == "adult-001-600");
    }

    [GeneratedRegex(@"^(child|adolescent|adult)-0(0[1-9]|10)-[1-9][0-9]*$")]
    private static partial Regex IdPattern();

    // NANP 555-0100..0199 in any area code, or Ofcom's drama mobile range 07700 900000..900999.
    [GeneratedRegex(@"^(\+1[2-9][0-9]{2}55501[0-9]{2}|\+447700900[0-9]{3})$")]
    private static partial Regex ReservedPhone();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex ApnsToken();

    [GeneratedRegex("^[A-Za-z0-9_-]{22}:APA91b[A-Za-z0-9_-]{134}$")]
    private static partial Regex FcmToken();
}
