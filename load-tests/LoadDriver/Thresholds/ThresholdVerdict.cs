using LoadDriver.Running;

namespace LoadDriver.Thresholds;

/// <summary>All thresholds of a run and the exit code a CLI should end with.</summary>
public sealed record ThresholdVerdict(IReadOnlyList<ThresholdResult> Results)
{
    /// <summary>Every threshold held (or there were none).</summary>
    public const int ExitPassed = 0;

    /// <summary>At least one threshold failed. Distinct from 1, which .NET tooling uses for crashes and usage errors.</summary>
    public const int ExitThresholdsFailed = 2;

    public bool Passed => Results.All(r => r.Passed);
    public int ExitCode => Passed ? ExitPassed : ExitThresholdsFailed;

    public static ThresholdVerdict Evaluate(LoadResult result, IEnumerable<Threshold> thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return new([.. thresholds.Select(t => t.Evaluate(result))]);
    }
}
