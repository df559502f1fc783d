using Scenarios.Model;

namespace Scenarios.Loading.Faults;

/// <summary>
/// One fault kind (<c>outage</c>, <c>latency</c>, <c>backlog</c>, ...): its name, the keys it adds to a fault entry, and
/// how to read them. Add a kind by writing one class and listing it in <see cref="FaultKinds.All"/>.
/// </summary>
internal interface IFaultKindParser
{
    /// <summary>The value of <c>kind:</c>.</summary>
    string Kind { get; }

    /// <summary>Keys this kind adds to the common ones (target, at, until, for, kind).</summary>
    IReadOnlyList<string> Keys { get; }

    /// <summary>Reads and validates this kind's keys (and any kind-specific rule about the target); null if anything was wrong (errors reported).</summary>
    FaultOptions? Parse(FaultParseContext context);
}

/// <summary>What a fault kind parser gets: the entry's keys, its (already checked) target, and the scenario context.</summary>
internal sealed class FaultParseContext(MapReader map, FaultTarget? target, ParseContext scenario)
{
    public MapReader Map { get; } = map;

    /// <summary>The target, or null if it was invalid (already reported).</summary>
    public FaultTarget? Target { get; } = target;

    public ParseContext Scenario { get; } = scenario;
    public Diagnostics Diagnostics => Map.Diagnostics;
}
