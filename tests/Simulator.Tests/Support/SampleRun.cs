using System.Text.Json;
using Scenarios.Model;
using Simulator.Faults;
using Simulator.Journal;
using Simulator.Reports;
using Simulator.Scoring;
using Simulator.Time;

namespace Simulator.Tests.Support;

/// <summary>
/// A small, fully deterministic run journal: a low during a Share backlog, delivered through the second source to
/// one parent, late to the other, a no-data notice, a duplicate and an unreadable push. Feeds the golden files.
/// </summary>
public static class SampleRun
{
    private static readonly Dictionary<string, (string, string)> Tokens = new() { ["tok-1"] = ("child-1", "parent-1"), ["tok-2"] = ("child-1", "parent-2") };

    public static RunReport Report(string sut)
    {
        var backlog = new FaultSpec
        {
            Target = new FaultTarget(VendorIds.DexcomShare, "read"), At = TestScenario.At(1), Until = TestScenario.At(4),
            Options = new BacklogFaultOptions { Release = BacklogRelease.Burst },
        };
        var scenario = TestScenario.Create(TimeSpan.FromHours(5), faults: [backlog], slos:
        [
            new SloSpec { Metric = "missed.urgent-low", Operator = SloOperator.Equal, Threshold = 0, Text = "missed.urgent-low == 0" },
            new SloSpec { Metric = "no-data-notice", Operator = SloOperator.LessOrEqual, Threshold = 1500, IsDuration = true, Text = "no-data-notice <= 25m" },
        ]);
        var journal = new List<JournalEvent>();
        for (var i = 0; i < 60; i++)
        {
            var at = TestScenario.Start + TimeSpan.FromMinutes(5 * i);
            var mgdl = i is >= 24 and < 30 ? 52 : 120;
            journal.Add(new ReadingGenerated { At = at, Patient = "child-1", Mgdl = mgdl, Trend = "Flat" });
            var visible = at >= TestScenario.At(1) && at < TestScenario.At(4) ? TestScenario.At(4) : at;
            journal.Add(new ReadingAccepted { At = at, Vendor = VendorIds.DexcomShare, Patient = "child-1", SensorTime = at, Mgdl = mgdl, VisibleAt = visible });
            journal.Add(new ReadingAccepted { At = at, Vendor = VendorIds.Nightscout, Patient = "child-1", SensorTime = at, Mgdl = mgdl, VisibleAt = at });
            journal.Add(new ReadingsServed { At = at + TimeSpan.FromSeconds(20), Vendor = VendorIds.Nightscout, Patient = "child-1", Count = 1, NewestSensorTime = at });
        }
        journal.Add(Push(TestScenario.At(2) + TimeSpan.FromSeconds(25), "tok-1", AlertTypes.UrgentLow, TestScenario.At(2)));
        journal.Add(Push(TestScenario.At(2) + TimeSpan.FromMinutes(12), "tok-2", AlertTypes.UrgentLow, TestScenario.At(2)));
        journal.Add(Push(TestScenario.At(2) + TimeSpan.FromMinutes(13), "tok-2", AlertTypes.UrgentLow, TestScenario.At(2.1)));
        journal.Add(Push(TestScenario.At(2) + TimeSpan.FromSeconds(30), "tok-1", AlertTypes.Low, TestScenario.At(2)));
        journal.Add(Push(TestScenario.At(1) + TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(8), "tok-1", AlertTypes.NoData, TestScenario.At(1) - TimeSpan.FromMinutes(5)));
        journal.Add(new PushReceived { At = TestScenario.At(3), Channel = "fcm", Payload = "{\"message\":{\"token\":\"tok-9\"}}" });

        var card = Scorer.Score(scenario, journal, new FaultTimeline(scenario.Faults, scenario.Seed), Tokens);
        return RunReport.Create(scenario, sut, card, new SchedulingJitter(), TimeSpan.FromSeconds(18));
    }

    private static PushReceived Push(DateTimeOffset at, string token, string alert, DateTimeOffset readingAt) => new()
    {
        At = at, Channel = "fcm",
        Payload = JsonSerializer.Serialize(new { message = new { token, data = new { patient = "child-1", alert, readingAt = readingAt.ToString("O") } } }),
    };
}
