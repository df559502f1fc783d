using Scenarios.Model;
using Simulator.Glucose;
using Simulator.Glucose.Generation;
using Simulator.Glucose.Physiology;
using Simulator.Tests.Support;

namespace Simulator.Tests.Glucose.Generation;

public class ScenarioTracesTests
{
    private static Scenario With(TraceSpec trace, SensorSpec? sensor = null, int seed = 7, TimeSpan? duration = null)
    {
        var scenario = TestScenario.Create(duration ?? TimeSpan.FromHours(12));
        return scenario with { Seed = seed, Patients = [scenario.Patients[0] with { Trace = trace, Sensor = sensor }] };
    }

    [Fact]
    public void A_basal_only_virtual_patient_reads_its_steady_state_every_5_minutes_with_the_truth_beside_it()
    {
        var patient = VirtualPatients.Get("adult#004");
        var readings = ScenarioTraces.Generate(With(new UvaPadovaTraceSpec { Patient = "adult#004", Life = DailyLife.None }));

        Assert.Equal(12 * 12, readings.Count);
        Assert.Equal(Enumerable.Range(0, 144).Select(i => TestScenario.Start.AddMinutes(5 * i)), readings.Select(r => r.SensorTime));
        Assert.All(readings, r => Assert.InRange(r.Mgdl, Math.Round(patient.SteadyStateMgdl) - 1, Math.Round(patient.SteadyStateMgdl) + 1));
        var plasma = patient.Parameters.InitialState[UvaPadovaState.Gp] / patient.Parameters.Vg;
        Assert.All(readings, r => Assert.InRange(r.TruthMgdl!.Value, plasma - 1, plasma + 1));
        Assert.All(readings.Skip(2), r => Assert.Equal(Trend.Flat, r.Trend));
    }

    [Fact]
    public void A_listed_meal_without_a_bolus_raises_glucose_well_above_the_steady_state()
    {
        var meal = new MealSpec(TimeSpan.FromHours(1), 60, Bolused: false);
        var readings = ScenarioTraces.Generate(With(new UvaPadovaTraceSpec { Patient = "adult#001", Life = DailyLife.None, Meals = [meal] }));

        var before = readings.Where(r => r.SensorTime < TestScenario.At(1)).Max(r => r.Mgdl);
        var peak = readings.MaxBy(r => r.Mgdl)!;
        Assert.True(peak.Mgdl > before + 60, $"peak {peak.Mgdl} vs {before} before the meal");
        Assert.InRange(peak.SensorTime, TestScenario.At(1.5), TestScenario.At(7));   // no insulin to meet it: a slow, late peak
    }

    [Fact]
    public void The_same_seed_gives_the_same_readings_and_another_seed_another_life()
    {
        var trace = new UvaPadovaTraceSpec { Patient = "child#002" };
        var sensor = new SensorSpec { Kind = "g7" };

        var first = ScenarioTraces.Generate(With(trace, sensor, seed: 11, duration: TimeSpan.FromDays(1)));
        var again = ScenarioTraces.Generate(With(trace, sensor, seed: 11, duration: TimeSpan.FromDays(1)));
        var other = ScenarioTraces.Generate(With(trace, sensor, seed: 12, duration: TimeSpan.FromDays(1)));

        Assert.Equal(first, again);
        Assert.NotEqual(first.Select(r => r.Mgdl), other.Select(r => r.Mgdl));
    }

    [Fact]
    public void A_sensor_session_started_at_the_beginning_gives_no_readings_during_its_warm_up()
    {
        var sensor = new SensorSpec { Kind = "g6", SessionStarts = [TimeSpan.Zero] };
        var readings = ScenarioTraces.Generate(With(new UvaPadovaTraceSpec { Patient = "adult#002", Life = DailyLife.None }, sensor));

        Assert.Equal(TestScenario.At(2), readings[0].SensorTime);   // Dexcom G6: 2 h warm-up, no readings or alerts
    }

    [Fact]
    public void A_scripted_trace_through_an_ideal_sensor_keeps_every_scripted_value()
    {
        var scripted = new ScriptedTraceSpec { Points = [new Waypoint(TimeSpan.Zero, 150), new Waypoint(TimeSpan.FromHours(1), 60)] };
        var ideal = new SensorSpec { Kind = "g6", Noise = false, CompressionLows = false, Dropouts = false };
        var scenario = With(scripted, ideal, duration: TimeSpan.FromHours(2));

        var plain = ScriptedTrace.Generate("child-1", scripted, scenario.Start, scenario.End);
        var sensed = ScenarioTraces.Generate(scenario);

        Assert.Equal(plain.Select(r => (r.SensorTime, r.Mgdl)), sensed.Select(r => (r.SensorTime, r.Mgdl)));
        // Falling 1.5 mg/dL/min: the sensor's own arrow (15-minute slope) is 45° down once it has 15 minutes of the fall.
        Assert.All(sensed.Where(r => r.SensorTime >= TestScenario.At(0.25) && r.SensorTime <= TestScenario.At(1)), r => Assert.Equal(Trend.FortyFiveDown, r.Trend));
        Assert.Equal(Trend.Flat, sensed[^1].Trend);
    }

    [Fact]
    public void Noise_moves_readings_off_the_scripted_curve_by_the_published_amount()
    {
        var scripted = new ScriptedTraceSpec { Points = [new Waypoint(TimeSpan.Zero, 120), new Waypoint(TimeSpan.FromDays(3), 120)] };
        var readings = ScenarioTraces.Generate(With(scripted, new SensorSpec { Kind = "g6", CompressionLows = false, Dropouts = false }, duration: TimeSpan.FromDays(3)));

        var errors = readings.Select(r => r.Mgdl - 120.0).ToList();
        Assert.Equal(3 * 288, errors.Count);
        // Breton 2008 noise as simglucose draws it: mean +0.75 mg/dL, mean |error| 8.7 mg/dL (spec §2), over 3 days of
        // one sensor (about 290 independent 15-minute draws), so the bands are wide.
        Assert.InRange(errors.Average(), -4, 6);
        Assert.InRange(errors.Average(Math.Abs), 5, 13);
    }

    [Fact]
    public void A_replayed_nightscout_export_is_moved_to_the_start_with_its_gap_kept()
    {
        var folder = Directory.CreateTempSubdirectory("replay-");
        try
        {
            var path = Path.Combine(folder.FullName, "entries.json");
            var recorded = new DateTimeOffset(2023, 5, 1, 3, 0, 0, TimeSpan.Zero);
            long Ms(int minutes) => recorded.AddMinutes(minutes).ToUnixTimeMilliseconds();
            File.WriteAllText(path, $$"""
                [
                  { "type": "sgv", "sgv": 101, "date": {{Ms(0)}}, "direction": "Flat" },
                  { "type": "sgv", "sgv": 96, "date": {{Ms(5)}}, "direction": "FortyFiveDown" },
                  { "type": "sgv", "sgv": 70, "date": {{Ms(40)}}, "direction": "SingleDown" }
                ]
                """);

            var readings = ScenarioTraces.Generate(With(new ReplayTraceSpec { File = path, Format = "nightscout" }));

            Assert.Equal(
                [(TestScenario.Start, 101), (TestScenario.At(5 / 60.0), 96), (TestScenario.At(40 / 60.0), 70)],
                readings.Select(r => (r.SensorTime, r.Mgdl)));
            Assert.Equal(Trend.SingleDown, readings[^1].Trend);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
