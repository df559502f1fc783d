using Simulator.Glucose.Physiology;

namespace Simulator.Glucose.Cohorts;

/// <summary>
/// What population to generate: how many patients of each age group, how many followers each, from which seed,
/// spread over which time zones. Same request (and start, duration) → the same cohort, member for member.
/// </summary>
public sealed record CohortRequest
{
    /// <summary>
    /// A realistic spread of follow-app users over the regions the vendors serve (US time zones, UK, Germany,
    /// Australia), as IANA ids; each member gets one uniformly at random.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultTimeZones =
    [
        "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
        "Europe/London", "Europe/Berlin", "Australia/Sydney",
    ];

    /// <summary>Patients per age group; groups left out have none. Members are listed child, adolescent, adult.</summary>
    public required IReadOnlyDictionary<AgeGroup, int> Groups { get; init; }

    public int Count => Groups.Values.Sum();

    public FollowerRange FollowersPerPatient { get; init; } = FollowerRange.Default;

    public int Seed { get; init; }

    public IReadOnlyList<string> TimeZones { get; init; } = DefaultTimeZones;

    /// <summary>The CGM every member wears (<c>g6</c>, <c>g7</c> or <c>libre2</c>), which sets sensor session lengths.</summary>
    public string SensorKind { get; init; } = SensorSessions.G6;

    /// <summary><paramref name="count"/> patients, all of one group.</summary>
    public static CohortRequest AllOf(AgeGroup group, int count, int seed) =>
        new() { Groups = new Dictionary<AgeGroup, int> { [group] = count }, Seed = seed };

    public static CohortRequest Mixed(int children, int adolescents, int adults, int seed) =>
        new()
        {
            Groups = new Dictionary<AgeGroup, int>
            {
                [AgeGroup.Child] = children,
                [AgeGroup.Adolescent] = adolescents,
                [AgeGroup.Adult] = adults,
            },
            Seed = seed,
        };

    public int CountOf(AgeGroup group) => Groups.TryGetValue(group, out var n) ? n : 0;
}

/// <summary>How many followers each patient has: a seeded whole number from <see cref="Min"/> to <see cref="Max"/> inclusive.</summary>
public sealed record FollowerRange(int Min, int Max)
{
    public static readonly FollowerRange Default = new(1, 3);
}
