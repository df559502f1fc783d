using System.Text.Json.Serialization;
using Simulator.Glucose.Physiology;

namespace Simulator.Glucose.Cohorts;

/// <summary>A generated population over one run window.</summary>
public sealed record Cohort(CohortRequest Request, DateTimeOffset Start, TimeSpan Duration, IReadOnlyList<CohortMember> Members);

/// <summary>
/// One generated patient: which virtual patient's physiology they use, who they are, their daily life over the run
/// window (absolute instants), and the people who follow their glucose.
/// </summary>
public sealed record CohortMember
{
    /// <summary>Readable and URL-safe, unique within the cohort: <c>adult-003-2</c> is the second member using adult#003.</summary>
    public required string Id { get; init; }

    /// <summary>simglucose name, e.g. <c>adult#003</c>.</summary>
    public required string VirtualPatient { get; init; }

    public required AgeGroup AgeGroup { get; init; }
    public required Person Person { get; init; }
    public required SleepWindow Sleep { get; init; }
    public required IReadOnlyList<Meal> Meals { get; init; }

    /// <summary>The chance used for each of this member's meals to be eaten without a bolus (see <see cref="Meal.Bolused"/>).</summary>
    public required double MissedBolusProbability { get; init; }

    public required IReadOnlyList<Exercise> Exercise { get; init; }
    /// <summary>Day-by-day changes of insulin sensitivity (from each local midnight).</summary>
    public required IReadOnlyList<SensitivityShift> Sensitivity { get; init; }

    /// <summary>Offsets from the run start at which a new sensor session begins (and warms up), as the scenario's sensor block takes them.</summary>
    public required IReadOnlyList<TimeSpan> SensorSessionStarts { get; init; }

    public required IReadOnlyList<Follower> Followers { get; init; }
}

/// <summary>The patient as a person: name, home time zone (IANA id) and phone platform.</summary>
public sealed record Person(string FirstName, string LastName, string TimeZoneId, PhonePlatform Platform);

/// <summary>
/// Someone who follows a patient's glucose on their phone. <see cref="PhoneNumber"/> is E.164 in a range reserved
/// for fiction; <see cref="DeviceToken"/> is shaped like the platform's push token (FCM registration token or 64-hex
/// APNs token) but belongs to no device.
/// </summary>
public sealed record Follower(
    string Id,
    string DisplayName,
    Relationship Relationship,
    string PhoneNumber,
    PhonePlatform Platform,
    string TimeZoneId,
    string DeviceToken);

[JsonConverter(typeof(JsonStringEnumConverter<PhonePlatform>))]
public enum PhonePlatform
{
    [JsonStringEnumMemberName("android")] Android,
    [JsonStringEnumMemberName("ios")] Ios,
}

[JsonConverter(typeof(JsonStringEnumConverter<Relationship>))]
public enum Relationship
{
    [JsonStringEnumMemberName("parent")] Parent,
    [JsonStringEnumMemberName("partner")] Partner,
    [JsonStringEnumMemberName("friend")] Friend,
    /// <summary>A third adult looking after a child (grandparent, school nurse, babysitter).</summary>
    [JsonStringEnumMemberName("caregiver")] Caregiver,
}
