namespace Scenarios.Model;

/// <summary>
/// Many generated patients: how many of each age group, how many followers each, their sensor and the vendors
/// in play for them. The engine expands a cohort into patients (seeded from the scenario's seed) before a run.
/// </summary>
public sealed record CohortSpec
{
    public int Adults { get; init; }
    public int Adolescents { get; init; }
    public int Children { get; init; }
    public int Count => Adults + Adolescents + Children;
    public int MinFollowers { get; init; } = 1;
    public int MaxFollowers { get; init; } = 3;
    public SensorSpec? Sensor { get; init; }
    public required IReadOnlyList<string> UploadsTo { get; init; }
    public required IReadOnlyList<string> FollowVia { get; init; }
}
