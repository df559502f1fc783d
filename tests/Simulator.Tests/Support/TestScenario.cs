using Scenarios.Model;

namespace Simulator.Tests.Support;

/// <summary>A small scenario built in code, for scoring tests: one patient, two followers, Share then Nightscout.</summary>
public static class TestScenario
{
    public static readonly DateTimeOffset Start = new(2019, 11, 30, 0, 0, 0, TimeSpan.FromHours(-5));

    public static Scenario Create(TimeSpan? duration = null, IReadOnlyList<FaultSpec>? faults = null, IReadOnlyList<SloSpec>? slos = null) => new()
    {
        Name = "test", Title = "Test", Origin = "test", Start = Start, Duration = duration ?? TimeSpan.FromHours(6), Speed = 1000, Seed = 7,
        Patients =
        [
            new PatientSpec
            {
                Id = "child-1",
                Trace = new ScriptedTraceSpec { Points = [new Waypoint(TimeSpan.Zero, 120)] },
                Followers = [new FollowerSpec { Id = "parent-1" }, new FollowerSpec { Id = "parent-2" }],
                UploadsTo = [VendorIds.DexcomShare, VendorIds.Nightscout],
                FollowVia = [VendorIds.DexcomShare, VendorIds.Nightscout],
            },
        ],
        Vendors = [VendorIds.DexcomShare, VendorIds.Nightscout, VendorIds.Fcm],
        Sut = new BuiltinSut("resilient"),
        Policy = AlertPolicySpec.DexcomDefault,
        Faults = faults ?? [],
        Slos = slos ?? [],
        Scoring = new ScoringSpec(),
        Narrative = [],
    };

    public static DateTimeOffset At(double hours) => Start.AddHours(hours);
}
