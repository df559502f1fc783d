using Scenarios.Loading;
using Scenarios.Model;
using static Scenarios.Tests.Loading.ScenarioYaml;

namespace Scenarios.Tests.Loading;

public class ScenarioLoaderTests
{
    private const string Full = """
        name: dexcom-share-2019
        title: Dexcom Share/Follow outage
        description: |
          Follow stalled for two days.
        source: outage catalog DEX-2019-THANKSGIVING
        start: 2019-11-29T22:00:00-05:00
        duration: 78h
        speed: 3000
        seed: 20191130
        vendors: [dexcom-share, nightscout, fcm]
        patients:
          - id: child-1
            trace:
              source: scripted
              interval: 1m
              points: { "33h": 52, "0h": 140, 2019-11-30T05:00:00-05:00: 120 }
            followers: [parent-1, { id: school-nurse, channel: fcm }]
            uploads: [dexcom-share, nightscout]
            follow: [nightscout, dexcom-share]
          - id: child-2
            trace: { source: scripted, points: { 0h: 100, 78h: 100 } }
            followers: [parent-2]
            uploads: [nightscout]
        sut: { builtin: reference-system, profile: naive }
        policy: { base: dexcom-default, urgentLow: 54, low: 75, high: 240, noData: 15m }
        faults:
          - target: dexcom-share/read
            at: 2019-11-30T01:00:00-05:00
            until: 2019-12-02T15:00:00-05:00
            kind: outage
            response: 500
            ratio: 0.7
          - { target: dexcom-share/login, at: 3h, for: 1h, kind: outage, response: reset }
          - { target: nightscout, at: 1d, for: 90m, kind: latency, delay: 30s }
          - { target: nightscout/read, at: 2d, for: 1h, kind: latency, delay: { min: 5s, max: 2m } }
          - { target: dexcom-share, at: 3h, for: 1d, kind: backlog, release: burst }
          - { target: nightscout/read, at: 3h, for: 1h, kind: backlog, release: { drainRate: 2/min } }
        slo:
          - missed.urgent-low == 0
          - no-data-notice <= 25m
          - latency.p95 < 1m30s
          - alert-burst >= 1
          - delivered.low > 2.5
        scoring: { onTime: 4m, missedAfter: 20m, staleAfter: 10m, burstWindow: 2m }
        narrative:
          - { at: 2019-11-30T11:00:00-05:00, text: "Dexcom's first public notice" }
          - { at: 2h, text: Bedtime check }
        """;

    private static readonly DateTimeOffset FullStart = new(2019, 11, 29, 22, 0, 0, TimeSpan.FromHours(-5));

    [Fact]
    public void Full_file_fills_the_header_fields()
    {
        var s = Load(Full);

        Assert.Equal("dexcom-share-2019", s.Name);
        Assert.Equal("Dexcom Share/Follow outage", s.Title);
        Assert.Equal("Follow stalled for two days.", s.Description);
        Assert.Equal("outage catalog DEX-2019-THANKSGIVING", s.Source);
        Assert.Equal(Origin, s.Origin);
        Assert.Equal(FullStart, s.Start);
        Assert.Equal(TimeSpan.FromHours(78), s.Duration);
        Assert.Equal(FullStart.AddHours(78), s.End);
        Assert.Equal(3000, s.Speed);
        Assert.Equal(20191130, s.Seed);
        Assert.Equal(["dexcom-share", "nightscout", "fcm"], s.Vendors);
    }

    [Fact]
    public void Full_file_fills_patients_with_sorted_points_and_absolute_keys_turned_into_offsets()
    {
        var s = Load(Full);

        Assert.Equal(2, s.Patients.Count);
        var child = s.Patients[0];
        Assert.Equal("child-1", child.Id);
        var trace = Assert.IsType<ScriptedTraceSpec>(child.Trace);
        Assert.Equal("scripted", trace.Source);
        Assert.Equal(TimeSpan.FromMinutes(1), trace.Interval);
        Assert.Equal(
            [new Waypoint(TimeSpan.Zero, 140), new Waypoint(TimeSpan.FromHours(7), 120), new Waypoint(TimeSpan.FromHours(33), 52)],
            trace.Points);
        Assert.Equal(
            [new FollowerSpec { Id = "parent-1", Channel = "fcm" }, new FollowerSpec { Id = "school-nurse", Channel = "fcm" }],
            child.Followers);
        Assert.Equal(["dexcom-share", "nightscout"], child.UploadsTo);
        Assert.Equal(["nightscout", "dexcom-share"], child.FollowVia);

        var second = s.Patients[1];
        Assert.Equal(["nightscout"], second.UploadsTo);
        Assert.Equal(["nightscout"], second.FollowVia); // follow defaults to uploads
    }

    [Fact]
    public void Full_file_fills_sut_policy_scoring_and_slos()
    {
        var s = Load(Full);

        Assert.Equal(new BuiltinSut("naive"), s.Sut);
        Assert.Equal(54, s.Policy.UrgentLowMgdl);
        Assert.Equal(75, s.Policy.LowMgdl);
        Assert.Equal(240, s.Policy.HighMgdl);
        Assert.Equal(TimeSpan.FromMinutes(15), s.Policy.NoDataAfter);
        Assert.Equal("dexcom-default (customised)", s.Policy.Name);
        Assert.Equal(
            new ScoringSpec { OnTime = TimeSpan.FromMinutes(4), MissedAfter = TimeSpan.FromMinutes(20), StaleAfter = TimeSpan.FromMinutes(10), BurstWindow = TimeSpan.FromMinutes(2) },
            s.Scoring);
        Assert.Equal(
            [
                new SloSpec { Metric = "missed.urgent-low", Operator = SloOperator.Equal, Threshold = 0, Text = "missed.urgent-low == 0" },
                new SloSpec { Metric = "no-data-notice", Operator = SloOperator.LessOrEqual, Threshold = 1500, IsDuration = true, Text = "no-data-notice <= 25m" },
                new SloSpec { Metric = "latency.p95", Operator = SloOperator.Less, Threshold = 90, IsDuration = true, Text = "latency.p95 < 1m30s" },
                new SloSpec { Metric = "alert-burst", Operator = SloOperator.GreaterOrEqual, Threshold = 1, Text = "alert-burst >= 1" },
                new SloSpec { Metric = "delivered.low", Operator = SloOperator.Greater, Threshold = 2.5, Text = "delivered.low > 2.5" },
            ],
            s.Slos);
    }

    [Fact]
    public void Full_file_resolves_every_fault_time_to_an_absolute_window_and_reads_each_kind()
    {
        var s = Load(Full);

        Assert.Equal(6, s.Faults.Count);
        var share = s.Faults[0];
        Assert.Equal(new FaultTarget("dexcom-share", "read"), share.Target);
        Assert.Equal(FullStart.AddHours(3), share.At);
        Assert.Equal(new DateTimeOffset(2019, 12, 2, 15, 0, 0, TimeSpan.FromHours(-5)), share.Until);
        Assert.Equal(new OutageFaultOptions { Response = OutageResponse.Status, StatusCode = 500, Ratio = 0.7 }, share.Options);
        Assert.Equal(27, share.Line);

        var login = s.Faults[1];
        Assert.Equal(new FaultTarget("dexcom-share", "login"), login.Target);
        Assert.Equal((FullStart.AddHours(3), FullStart.AddHours(4)), (login.At, login.Until));
        Assert.Equal(new OutageFaultOptions { Response = OutageResponse.Reset }, login.Options);
        Assert.Equal(33, login.Line);

        var fixedLatency = s.Faults[2];
        Assert.Equal(new FaultTarget("nightscout", null), fixedLatency.Target);
        Assert.Equal((FullStart.AddDays(1), FullStart.AddDays(1).AddMinutes(90)), (fixedLatency.At, fixedLatency.Until));
        Assert.Equal(new LatencyFaultOptions { Distribution = LatencyDistribution.Fixed, Delay = TimeSpan.FromSeconds(30), MaxDelay = TimeSpan.FromSeconds(30) }, fixedLatency.Options);

        Assert.Equal(new LatencyFaultOptions { Distribution = LatencyDistribution.Uniform, Delay = TimeSpan.FromSeconds(5), MaxDelay = TimeSpan.FromMinutes(2) }, s.Faults[3].Options);
        Assert.Equal(new BacklogFaultOptions { Release = BacklogRelease.Burst }, s.Faults[4].Options);
        Assert.Equal(new BacklogFaultOptions { Release = BacklogRelease.DrainRate, DrainPerSecond = 2.0 / 60 }, s.Faults[5].Options);
        Assert.Equal(["outage", "outage", "latency", "latency", "backlog", "backlog"], s.Faults.Select(f => f.Kind));
    }

    [Fact]
    public void Full_file_keeps_narrative_in_time_order_with_offsets_resolved()
    {
        var s = Load(Full);

        Assert.Equal(
            [
                new NarrativeEntry(FullStart.AddHours(2), "Bedtime check"),
                new NarrativeEntry(new DateTimeOffset(2019, 11, 30, 11, 0, 0, TimeSpan.FromHours(-5)), "Dexcom's first public notice"),
            ],
            s.Narrative);
    }

    [Fact]
    public void Minimal_file_gets_the_documented_defaults()
    {
        var s = Load(Base);

        Assert.Null(s.Description);
        Assert.Null(s.Source);
        Assert.Equal(1, s.Speed);
        Assert.Equal(1, s.Seed);
        Assert.Equal(new BuiltinSut("resilient"), s.Sut);
        Assert.Same(AlertPolicySpec.DexcomDefault, s.Policy);
        Assert.Empty(s.Faults);
        Assert.Empty(s.Slos);
        Assert.Empty(s.Narrative);
        Assert.Equal(new ScoringSpec(), s.Scoring);
        var patient = Assert.Single(s.Patients);
        Assert.Equal(TimeSpan.FromMinutes(5), Assert.IsType<ScriptedTraceSpec>(patient.Trace).Interval);
        Assert.Equal(["dexcom-share", "nightscout"], patient.UploadsTo);
        Assert.Equal(["dexcom-share", "nightscout"], patient.FollowVia);
        Assert.Equal("fcm", Assert.Single(patient.Followers).Channel);
    }

    [Fact]
    public void Default_uploads_are_the_data_vendors_in_play_in_the_order_vendors_lists_them()
    {
        var s = Load(Base.Replace("vendors: [dexcom-share, nightscout, fcm]", "vendors: [fcm, nightscout]", StringComparison.Ordinal));

        Assert.Equal(["nightscout"], s.Patients[0].UploadsTo);
        Assert.Equal(["nightscout"], s.Patients[0].FollowVia);
    }

    [Fact]
    public void Optional_keys_given_without_a_value_count_as_absent()
    {
        var s = Load(With("""
            description:
            seed: ~
            faults: null
            """));

        Assert.Null(s.Description);
        Assert.Equal(1, s.Seed);
        Assert.Empty(s.Faults);
    }

    [Fact]
    public void Version_1_is_accepted()
    {
        Assert.Equal("t", Load(With("version: 1")).Name);
    }

    [Fact]
    public void Every_truncation_of_a_valid_file_loads_or_fails_only_with_validation_errors()
    {
        var failures = 0;
        for (var length = 0; length < Full.Length; length++)
        {
            try
            {
                Load(Full[..length]);
            }
            catch (ScenarioValidationException e)
            {
                failures++;
                Assert.NotEmpty(e.Errors);
                Assert.All(e.Errors, error => Assert.False(string.IsNullOrWhiteSpace(error.Message)));
                Assert.DoesNotContain('\n', e.Message);
            }
        }
        Assert.True(failures > Full.Length / 2, $"only {failures} of {Full.Length} truncations failed");
    }

    [Fact]
    public void Every_problem_is_reported_together_in_file_order()
    {
        var errors = Errors(Base
            .Replace("name: t", "name: T", StringComparison.Ordinal)
            .Replace("duration: 6h", "duration: 6", StringComparison.Ordinal)
            + "\nfaults:\n  - { target: dexcom-share, at: 1h, for: 1h, kind: outag }\nslo: [missed.urgent-lo == 0]\n");

        Assert.Equal(
            [
                Error(1, 7, "name", "'T' is not a valid name; use lowercase letters, digits and dashes, starting with a letter or digit, e.g. dexcom-share-2019"),
                Error(4, 11, "duration", "'6' has no unit; write e.g. 6s, 6m or 6h"),
                Error(11, 52, "faults[0].kind", "unknown fault kind 'outag' (did you mean 'outage'?)"),
                Error(12, 7, "slo[0]", "unknown metric 'missed.urgent-lo' (did you mean 'missed.urgent-low'?)"),
            ],
            errors);
    }

    [Fact]
    public void Exception_message_is_one_paragraph_naming_file_count_position_field_and_fix()
    {
        var e = Fails(With("""
            faults:
              - target: dexcom-share
                at: 1h
                for: 1h
                kind: outag
            speeed: 3
            """));

        Assert.Equal(
            "Scenario file 'test.yaml' has 2 problems: line 14, column 11, 'faults[0].kind': unknown fault kind 'outag' (did you mean 'outage'?); "
            + "line 15, column 1, 'speeed': unknown key 'speeed' (did you mean 'speed'?). Fix them and run again.",
            e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Equal(Origin, e.Origin);
    }

    [Fact]
    public void Exception_message_for_one_problem_says_problem_and_it()
    {
        var e = Fails(With("speeed: 3"));

        Assert.Equal(
            "Scenario file 'test.yaml' has 1 problem: line 10, column 1, 'speeed': unknown key 'speeed' (did you mean 'speed'?). Fix it and run again.",
            e.Message);
    }

    [Fact]
    public void Exception_message_for_a_catalog_origin_names_the_built_in_scenario()
    {
        var e = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.LoadText(With("speeed: 3"), "catalog:demo"));

        Assert.StartsWith("Built-in scenario 'demo' has 1 problem: line 10, column 1, 'speeed'", e.Message);
        Assert.Equal("catalog:demo", Assert.Single(e.Errors).Origin);
    }

    [Fact]
    public void Load_file_reads_the_file_and_uses_its_path_as_origin()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, Base);
        try
        {
            var s = ScenarioLoader.LoadFile(path);

            Assert.Equal("t", s.Name);
            Assert.Equal(path, s.Origin);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_file_errors_carry_the_path_as_origin()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, With("speeed: 3"));
        try
        {
            var e = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.LoadFile(path));

            Assert.Equal(new ScenarioError(path, 10, 1, "speeed", "unknown key 'speeed' (did you mean 'speed'?)"), Assert.Single(e.Errors));
            Assert.StartsWith($"Scenario file '{path}' has 1 problem", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Missing_file_is_a_clear_validation_error_with_the_full_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}", "missing.yaml");

        var e = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.LoadFile(path));

        Assert.Equal(
            new ScenarioError(path, 0, 0, "", $"file not found (looked for '{path}'); check the path, or use a built-in scenario name"),
            Assert.Single(e.Errors));
        Assert.Equal(
            $"Scenario file '{path}' has 1 problem: file not found (looked for '{path}'); check the path, or use a built-in scenario name. Fix it and run again.",
            e.Message);
    }

    [Fact]
    public void A_directory_is_not_a_scenario_file()
    {
        var dir = Path.GetTempPath();

        var e = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.LoadFile(dir));

        Assert.Contains("is a directory, not a scenario file", Assert.Single(e.Errors).Message, StringComparison.Ordinal);
    }
}
