using Scenarios.Model;
using static Scenarios.Tests.Loading.ScenarioYaml;

namespace Scenarios.Tests.Loading;

/// <summary>trace sources uva-padova and replay, and the sensor block.</summary>
public class TraceSourcesValidationTests
{
    /// <summary>A patient starting on line 6; the trace mapping's first key is on line 9.</summary>
    private static string PatientWith(string trace, string extra = "") =>
        WithPatients($"""
            patients:
              - id: child-1
                trace:
                  {trace.ReplaceLineEndings("\n      ")}
                followers: [parent-1]
                {extra}
            """);

    [Fact]
    public void A_uva_padova_trace_reads_patient_life_meals_and_exercise()
    {
        var scenario = Load(PatientWith("""
            source: uva-padova
            patient: child#003
            life: none
            meals:
              - { at: 7h, grams: 45 }
              - { at: 2024-01-01T12:00:00Z, grams: 70, bolus: missed, duration: 20m }
            exercise:
              - { at: 16h, for: 45m, intensity: vigorous }
            """).Replace("duration: 6h", "duration: 1d", StringComparison.Ordinal));

        var trace = Assert.IsType<UvaPadovaTraceSpec>(scenario.Patients[0].Trace);
        Assert.Equal("child#003", trace.Patient);
        Assert.Equal(DailyLife.None, trace.Life);
        Assert.Equal([new MealSpec(TimeSpan.FromHours(7), 45), new MealSpec(TimeSpan.FromHours(12), 70, Bolused: false, TimeSpan.FromMinutes(20))], trace.Meals);
        Assert.Equal([new ExerciseSpec(TimeSpan.FromHours(16), TimeSpan.FromMinutes(45), "vigorous")], trace.Exercise);
    }

    [Fact]
    public void Life_defaults_to_generated()
    {
        var trace = Assert.IsType<UvaPadovaTraceSpec>(Load(PatientWith("{ source: uva-padova, patient: adult#010 }")).Patients[0].Trace);
        Assert.Equal(DailyLife.Generated, trace.Life);
        Assert.Empty(trace.Meals);
    }

    [Fact]
    public void An_unknown_virtual_patient_is_named_with_a_suggestion()
    {
        Assert.Equal(
            Error(9, 38, "patients[0].trace.patient", "unknown virtual patient 'adult#011' (did you mean 'adult#001'?)"),
            SingleError(PatientWith("{ source: uva-padova, patient: adult#011 }")));
    }

    [Fact]
    public void Meals_outside_the_run_or_with_impossible_sizes_are_reported_together()
    {
        var errors = Errors(PatientWith("""
            source: uva-padova
            patient: adult#001
            meals:
              - { at: 7h, grams: 45 }
              - { at: 7h, grams: 0 }
              - { at: 9h, grams: 30, bolus: forgot }
            """));

        Assert.Equal(
            [
                "this is outside the run (2024-01-01T00:00:00Z to 2024-01-01T06:00:00Z); give a time within the run",
                "this is outside the run (2024-01-01T00:00:00Z to 2024-01-01T06:00:00Z); give a time within the run",
                "0 g of carbohydrate is outside 1..300; write the meal's carbohydrate in grams",
                "this is outside the run (2024-01-01T00:00:00Z to 2024-01-01T06:00:00Z); give a time within the run",
                "unknown bolus 'forgot'; write: given, missed",
            ],
            errors.Select(e => e.Message));
        Assert.Equal("patients[0].trace.meals[2].bolus", errors[^1].Field);
    }

    [Fact]
    public void A_replay_trace_resolves_its_file_against_the_scenario_folder()
    {
        var folder = Directory.CreateTempSubdirectory("replay-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "night.json"), "[]");
            var scenarioPath = Path.Combine(folder.FullName, "s.yaml");
            File.WriteAllText(scenarioPath, PatientWith("{ source: replay, file: night.json, format: nightscout }"));

            var trace = Assert.IsType<ReplayTraceSpec>(Scenarios.Loading.ScenarioLoader.LoadFile(scenarioPath).Patients[0].Trace);

            Assert.Equal(Path.Combine(folder.FullName, "night.json"), trace.File);
            Assert.Equal("nightscout", trace.Format);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_replay_trace_with_a_missing_file_a_bad_format_and_an_unknown_zone_is_reported()
    {
        var errors = Errors(PatientWith("{ source: replay, file: /nonexistent/x.csv, format: clarty, time-zone: Mars/Olympus }"));

        Assert.Equal(
            [
                "the recorded trace '/nonexistent/x.csv' does not exist; give a path to a Clarity CSV export or a Nightscout entries.json, relative to the scenario file's folder",
                "unknown trace format 'clarty' (did you mean 'clarity'?)",
                "'Mars/Olympus' is not a time zone this machine knows; use an IANA name such as America/New_York",
            ],
            errors.Select(e => e.Message));
    }

    [Fact]
    public void A_sensor_reads_its_kind_artifacts_lag_and_sessions()
    {
        var scenario = Load(PatientWith(
            "{ source: scripted, points: { 0h: 120, 6h: 60 } }",
            "sensor: { kind: libre2, noise: false, compression-lows: off, dropouts: no, sensor-errors: true, lag: 8m, sessions: [2h, 0h] }"));

        var sensor = scenario.Patients[0].Sensor!;
        Assert.Equal("libre2", sensor.Kind);
        Assert.False(sensor.Noise);
        Assert.False(sensor.CompressionLows);
        Assert.False(sensor.Dropouts);
        Assert.True(sensor.SensorErrors);
        Assert.Equal(TimeSpan.FromMinutes(8), sensor.Lag);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromHours(2)], sensor.SessionStarts);
    }

    [Fact]
    public void A_patient_without_a_sensor_reads_the_trace_exactly()
    {
        Assert.Null(Load(PatientWith("{ source: scripted, points: { 0h: 120, 6h: 60 } }")).Patients[0].Sensor);
    }

    [Fact]
    public void Sensor_mistakes_are_named()
    {
        var errors = Errors(PatientWith(
            "{ source: scripted, points: { 0h: 120, 6h: 60 } }",
            "sensor: { kind: g8, noise: maybe, lag: 2h, sessions: [7h] }"));

        Assert.Equal(
            [
                "unknown sensor kind 'g8' (did you mean 'g6'?)",
                "'maybe' is not true or false",
                "a blood-to-interstitial lag of 2h is outside 0m..30m; published lags are 5 to 15 minutes",
                "a sensor session starting 7h after the start is outside the run (2024-01-01T00:00:00Z to 2024-01-01T06:00:00Z); list session starts within the run",
            ],
            errors.Select(e => e.Message));
    }
}
