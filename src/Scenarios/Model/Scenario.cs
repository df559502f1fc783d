namespace Scenarios.Model;

/// <summary>
/// A validated scenario: everything a run needs, with every time already resolved to an absolute instant.
/// Built only by <see cref="Scenarios.Loading.ScenarioLoader"/>, which reports every problem before a run starts.
/// </summary>
public sealed record Scenario
{
    public required string Name { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    /// <summary>Where the incident is documented (catalog entry, vendor statement).</summary>
    public string? Source { get; init; }
    /// <summary>The file the scenario came from (a path, or <c>catalog:NAME</c>).</summary>
    public required string Origin { get; init; }

    /// <summary>Virtual instant at which the run starts.</summary>
    public required DateTimeOffset Start { get; init; }
    public required TimeSpan Duration { get; init; }
    public DateTimeOffset End => Start + Duration;
    /// <summary>Virtual seconds per real second.</summary>
    public required double Speed { get; init; }
    public required int Seed { get; init; }

    /// <summary>Patients written out in the file (a cohort's patients are added by the engine before a run).</summary>
    public required IReadOnlyList<PatientSpec> Patients { get; init; }
    /// <summary>Generated patients, if the scenario asks for a cohort.</summary>
    public CohortSpec? Cohort { get; init; }
    /// <summary>Vendor fakes in play, by id: <c>dexcom-share</c>, <c>nightscout</c>, <c>fcm</c>.</summary>
    public required IReadOnlyList<string> Vendors { get; init; }
    public required SutBinding Sut { get; init; }
    public required AlertPolicySpec Policy { get; init; }
    public required IReadOnlyList<FaultSpec> Faults { get; init; }
    public required IReadOnlyList<SloSpec> Slos { get; init; }
    public required ScoringSpec Scoring { get; init; }
    /// <summary>What people said at the time (vendor notices), shown on the timeline of reports.</summary>
    public required IReadOnlyList<NarrativeEntry> Narrative { get; init; }
}

public sealed record NarrativeEntry(DateTimeOffset At, string Text);
