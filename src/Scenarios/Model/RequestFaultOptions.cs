namespace Scenarios.Model;

/// <summary>
/// Options of a fault that shapes requests as they arrive at a vendor fake (every kind but backlog). Any of them can
/// carry a <c>where:</c> filter, which makes it a partial fault: it reaches only the matching requests.
/// </summary>
public abstract record RequestFaultOptions : FaultOptions
{
    /// <summary>Which requests the fault reaches; null means all of them.</summary>
    public RequestFaultFilter? Where { get; init; }

    public override IEnumerable<FaultOptionError> Validate() => Where?.Validate() ?? [];
}
