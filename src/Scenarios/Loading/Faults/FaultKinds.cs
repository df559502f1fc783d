namespace Scenarios.Loading.Faults;

/// <summary>The registry of fault kinds a scenario may use.</summary>
internal static class FaultKinds
{
    public static readonly IReadOnlyList<IFaultKindParser> All =
    [
        new OutageFaultParser(),
        new LatencyFaultParser(),
        new BacklogFaultParser(),
        new StaleFaultParser(),
        new AuthFaultParser(),
        new RateLimitFaultParser(),
        new FlappingFaultParser(),
        new PushFailureFaultParser(),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(k => k.Kind)];

    public static IFaultKindParser? Find(string kind) =>
        All.FirstOrDefault(k => string.Equals(k.Kind, kind, StringComparison.Ordinal));
}
