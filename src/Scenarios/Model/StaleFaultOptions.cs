using Scenarios.Loading;

namespace Scenarios.Model;

/// <summary>How a stale vendor stamps the value it keeps serving.</summary>
public enum StaleTimestamps
{
    /// <summary>Re-stamped so it looks current (LibreLinkUp, June 2023): a follower cannot tell it is old.</summary>
    Fresh,
    /// <summary>With its real, ageing timestamp: a silent stall a careful follower can notice.</summary>
    Original,
}

/// <summary>
/// Reads keep returning what was visible when the window opened, as if it were current, while uploads are still
/// accepted (and show up once the window closes). The journal keeps the real sensor times of what was served.
/// </summary>
public sealed record StaleFaultOptions : RequestFaultOptions
{
    public override string Kind => "stale";
    public StaleTimestamps Timestamps { get; init; } = StaleTimestamps.Fresh;

    /// <summary>Fresh only: the re-stamped value is dated on this cadence from its real time, so it never looks older than this.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(5);

    public override IEnumerable<FaultOptionError> Validate() =>
        (Interval > TimeSpan.Zero
            ? []
            : new FaultOptionError[] { new("interval", $"interval is how far apart the re-stamped readings look, so it must be longer than 0, e.g. interval: 5m, not {HumanDuration.Format(Interval)}") })
        .Concat(base.Validate());
}
