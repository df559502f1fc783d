using Scenarios.Model;
using Simulator.Glucose;

namespace Simulator.Serve;

/// <summary>
/// Moves a scenario in time, faults and narrative with it: a real app pointed at the standalone fakes compares their
/// timestamps with its phone's clock, so a 2019 incident is replayed as if it started now.
/// </summary>
public static class ScenarioShift
{
    public static Scenario By(Scenario scenario, TimeSpan delta) => delta == TimeSpan.Zero ? scenario : scenario with
    {
        Start = scenario.Start + delta,
        Faults = [.. scenario.Faults.Select(f => f with { At = f.At + delta, Until = f.Until + delta })],
        Narrative = [.. scenario.Narrative.Select(n => n with { At = n.At + delta })],
    };

    public static IReadOnlyList<Reading> By(IReadOnlyList<Reading> readings, TimeSpan delta) =>
        delta == TimeSpan.Zero ? readings : [.. readings.Select(r => r with { SensorTime = r.SensorTime + delta })];

    /// <summary>
    /// The shift that puts the scenario's start at <paramref name="startAt"/>, to the whole minute, in the scenario's own UTC
    /// offset, so readings stay on whole minutes.
    /// </summary>
    public static TimeSpan To(Scenario scenario, DateTimeOffset startAt)
    {
        var minute = new DateTimeOffset(startAt.UtcTicks - startAt.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        return minute - scenario.Start;
    }
}
