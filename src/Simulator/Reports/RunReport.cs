using Scenarios.Model;
using Simulator.Scoring;
using Simulator.Time;

namespace Simulator.Reports;

/// <summary>
/// The whole of <c>report.json</c>. Versioned: fields are only ever added within a schema version.
/// Durations are virtual seconds unless a name says otherwise.
/// </summary>
public sealed record RunReport
{
    public const int CurrentSchemaVersion = 1;
    /// <summary>Coarser timing than this (virtual seconds) earns the run a fidelity warning.</summary>
    public const double FidelityToleranceSeconds = 60;
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required ScenarioInfo Scenario { get; init; }
    public required string Sut { get; init; }
    /// <summary><c>completed</c>, or <c>cancelled</c> when the run was stopped early and scored up to that instant (<c>scenario.end</c>).</summary>
    public string Outcome { get; init; } = "completed";
    public required RunInfo Run { get; init; }
    public required Scorecard Scorecard { get; init; }
    public required IReadOnlyList<SloVerdict> Slos { get; init; }
    /// <summary><c>met</c> when every SLO is met, else <c>breached</c>.</summary>
    public required string Verdict { get; init; }

    public static RunReport Create(Scenario scenario, string sut, Scorecard card, SchedulingJitter jitter, TimeSpan realDuration)
    {
        var slos = SloEvaluator.Evaluate(scenario.Slos, card);
        var p99 = jitter.RealPercentile(99);
        var resolution = Math.Round(p99.TotalSeconds * scenario.Speed, 1);
        return new RunReport
        {
            Scenario = new ScenarioInfo(scenario.Name, scenario.Title, scenario.Origin, scenario.Source, scenario.Start, scenario.End,
                scenario.Speed, scenario.Seed,
                [.. scenario.Faults.Select(f => new FaultInfo(f.Target.ToString(), f.Kind, f.At, f.Until))],
                scenario.Narrative),
            Sut = sut,
            Run = new RunInfo(Math.Round(realDuration.TotalSeconds, 2), jitter.Count, Math.Round(p99.TotalMilliseconds, 2),
                resolution, FidelityWarning(scenario.Speed, resolution)),
            Scorecard = card,
            Slos = slos,
            Verdict = slos.All(s => s.Met) ? "met" : "breached",
        };
    }

    private static string? FidelityWarning(double speed, double resolutionSeconds)
    {
        if (resolutionSeconds <= FidelityToleranceSeconds) return null;
        var suggested = Math.Max(1, Math.Floor(speed * FidelityToleranceSeconds / resolutionSeconds / 100) * 100);
        return $"At {speed:0.#}x this machine's scheduling jitter makes every latency uncertain by about ±{resolutionSeconds:0} s, " +
               $"coarser than a virtual minute, so late or missed verdicts near their limits may be the harness's, not the system's. " +
               $"Run again with --speed {suggested:0} or lower for minute-accurate results.";
    }
}

public sealed record ScenarioInfo(string Name, string Title, string Origin, string? Source, DateTimeOffset Start, DateTimeOffset End,
    double Speed, int Seed, IReadOnlyList<FaultInfo> Faults, IReadOnlyList<NarrativeEntry> Narrative);

public sealed record FaultInfo(string Target, string Kind, DateTimeOffset At, DateTimeOffset Until);

/// <summary>
/// How faithfully the run kept time: scheduled work woke up to <see cref="JitterP99Ms"/> late (real, 99th percentile),
/// so every virtual latency in the report is uncertain by about <see cref="LatencyResolutionSeconds"/> (= jitter × speed).
/// </summary>
public sealed record RunInfo(double RealDurationSeconds, long JitterSamples, double JitterP99Ms, double LatencyResolutionSeconds,
    string? FidelityWarning);
