using Scenarios.Model;

namespace Simulator.Runs;

/// <summary>A built-in system under test the run starts and stops itself (the ReferenceSystem, hosted on loopback).</summary>
public interface IBuiltinSut : IAsyncDisposable
{
    Uri BaseUrl { get; }
}

public sealed record RunOptions
{
    /// <summary>The scenario with any command-line overrides (speed, seed, SUT) already applied.</summary>
    public required Scenario Scenario { get; init; }
    /// <summary>Where report.json and journal.jsonl go.</summary>
    public required string OutputDirectory { get; init; }
    /// <summary>Starts the built-in ReferenceSystem; required when the scenario binds it.</summary>
    public Func<CancellationToken, Task<IBuiltinSut>>? StartBuiltinSut { get; init; }
    /// <summary>Profile to ask of an external SUT that has profiles (the ReferenceSystem run standalone).</summary>
    public string? ExternalProfile { get; init; }
}
