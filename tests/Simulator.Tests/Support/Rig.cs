using Scenarios.Model;
using Simulator.Faults;
using Simulator.Journal;
using Simulator.Vendors;

namespace Simulator.Tests.Support;

/// <summary>Builds what a vendor fake runs in: a clock, an in-memory journal and a fault timeline.</summary>
internal static class Rig
{
    /// <summary>Sat 30 Nov 2019 01:00 EST, when the Thanksgiving Share outage began.</summary>
    public static readonly DateTimeOffset T0 = new(2019, 11, 30, 1, 0, 0, TimeSpan.FromHours(-5));

    public static FakeContext Context(TimeProvider clock, params FaultSpec[] faults) => Context(clock, seed: 7, faults);

    public static FakeContext Context(TimeProvider clock, int seed, params FaultSpec[] faults) =>
        new(clock, new RunJournal(), new FaultTimeline(faults, seed));

    public static FaultSpec Fault(string vendor, string? endpoint, DateTimeOffset at, DateTimeOffset until, FaultOptions options) => new()
    {
        Target = new FaultTarget(vendor, endpoint),
        At = at,
        Until = until,
        Options = options,
    };

    /// <summary>A fault open for a whole virtual day from <paramref name="at"/>.</summary>
    public static FaultSpec Fault(string vendor, string? endpoint, DateTimeOffset at, FaultOptions options) =>
        Fault(vendor, endpoint, at, at.AddDays(1), options);
}
