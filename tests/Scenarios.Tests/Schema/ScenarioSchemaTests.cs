using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Scenarios.Catalog;
using Scenarios.Loading;
using Scenarios.Schema;

namespace Scenarios.Tests.Schema;

/// <summary>
/// The published JSON Schema: in sync with the loader it is generated from, accepting every built-in scenario and the
/// documented fault examples, and rejecting the mistakes a schema can see (each of which the loader rejects too).
/// </summary>
public class ScenarioSchemaTests
{
    private const string Header = """
        name: t
        title: Test scenario
        start: 2024-01-01T00:00:00Z
        duration: 6h
        vendors: [dexcom-share, nightscout, fcm]
        """;

    private const string Patients = """
        patients:
          - id: child-1
            trace: { source: scripted, points: { 0h: 120, 6h: 60 } }
            followers: [parent-1]
        """;

    private static string Scenario(string more = "") => Header + "\n" + Patients + "\n" + more + "\n";

    private static string WithFault(string fault) => Scenario("faults:\n  - " + fault);

    [Fact]
    public void Published_schema_is_the_one_the_loader_generates()
    {
        var path = SchemaSupport.PublishedPath;
        Assert.True(File.Exists(path), $"{path} is missing; run `simulator scenarios schema --out {ScenarioSchema.PublishedPath}` and commit it");
        var published = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(published == ScenarioSchema.ToJson(),
            $"{ScenarioSchema.PublishedPath} is out of date with the scenario loader; run `simulator scenarios schema --out {ScenarioSchema.PublishedPath}` and commit the result");
    }

    [Fact]
    public void Schema_is_draft_2020_12_and_refuses_unknown_top_level_keys()
    {
        var schema = JsonNode.Parse(ScenarioSchema.ToJson())!.AsObject();

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)schema["$schema"]);
        Assert.False((bool)schema["additionalProperties"]!);
        Assert.Equal(ScenarioParser.Keys, schema["properties"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Every_property_has_a_description_and_every_mapping_refuses_unknown_keys()
    {
        var schema = JsonNode.Parse(ScenarioSchema.ToJson())!;
        var problems = new List<string>();
        Walk(schema, "#", problems);

        Assert.True(problems.Count == 0, "describe every key in ScenarioSchema (with units and defaults):\n" + string.Join("\n", problems));
    }

    private static void Walk(JsonNode node, string path, List<string> problems)
    {
        if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
                if (array[i] is { } item)
                    Walk(item, $"{path}/{i}", problems);
            return;
        }
        if (node is not JsonObject obj)
            return;
        if (obj["type"] is JsonValue type && (string?)type == "object" && obj["properties"] is not null && obj["additionalProperties"] is null)
            problems.Add($"{path}: a mapping without additionalProperties: false");
        if (obj["properties"] is JsonObject properties)
        {
            foreach (var (key, value) in properties)
            {
                if (value is not JsonObject p || string.IsNullOrWhiteSpace((string?)p["description"]))
                    problems.Add($"{path}/properties/{key}: no description");
            }
        }
        foreach (var (key, value) in obj)
            if (value is not null)
                Walk(value, $"{path}/{key}", problems);
    }

    /// <summary>
    /// The validator in these tests (and many editors) ignores keywords it does not know, so a schema that used one would
    /// pass these tests without checking anything: keep to the keywords listed here.
    /// </summary>
    [Fact]
    public void Schema_uses_only_keywords_every_validator_evaluates()
    {
        string[] known =
        [
            "$schema", "$defs", "$ref", "title", "description", "type", "enum", "pattern", "minimum", "maximum",
            "minItems", "minProperties", "uniqueItems", "items", "properties", "patternProperties", "additionalProperties", "required",
            "anyOf", "oneOf",
        ];
        var used = new SortedSet<string>(StringComparer.Ordinal);
        Keywords(JsonNode.Parse(ScenarioSchema.ToJson())!, used);

        Assert.Empty(used.Except(known));
    }

    private static void Keywords(JsonNode node, SortedSet<string> used)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                    if (item is not null)
                        Keywords(item, used);
                break;
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    used.Add(key);
                    if (value is JsonObject named && key is "properties" or "patternProperties" or "$defs")
                    {
                        foreach (var (_, schema) in named)
                            if (schema is not null)
                                Keywords(schema, used);
                    }
                    else if (value is JsonObject or JsonArray && key is not "enum" and not "required" and not "type")
                    {
                        Keywords(value, used);
                    }
                }
                break;
        }
    }

    public static TheoryData<string> BuiltIns()
    {
        var data = new TheoryData<string>();
        foreach (var entry in ScenarioCatalog.List())
            data.Add(entry.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(BuiltIns))]
    public void Every_built_in_scenario_is_valid(string name)
    {
        Assert.Empty(SchemaSupport.Errors(ScenarioCatalog.ReadText(name)));
    }

    [Fact]
    public void Every_catalog_file_in_the_source_tree_is_valid()
    {
        var files = Directory.GetFiles(Path.Combine(SchemaSupport.RepoRoot(), "src", "Scenarios", "Catalog"), "*.yaml");

        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.True(SchemaSupport.Errors(File.ReadAllText(file)).Count == 0, file));
    }

    /// <summary>Valid scenarios (the loader accepts each) that the schema must accept too, covering every section and fault kind.</summary>
    public static TheoryData<string> ValidScenarios() => new()
    {
        Scenario(),
        Scenario("version: 1\nspeed: 600\nseed: 42\nsut: { url: http://127.0.0.1:5300 }"),
        Scenario("sut: { builtin: reference-system, profile: naive }\npolicy: { base: dexcom-default, urgentLow: 55, low: 70, high: 250, noData: 20m }"),
        Scenario("scoring: { onTime: 5m, missedAfter: 30m }\nslo: [missed.urgent-low == 0, no-data-notice <= 25m, 'latency.p95<=5m', alert-burst <= 3]"),
        Scenario("narrative:\n  - { at: 3h, text: \"vendor posts first notice\" }\n  - { at: 2024-01-01T04:00:00Z, text: restored }"),
        WithFault("{ target: dexcom-share/read, at: 3h, for: 1h, kind: outage, response: 500, ratio: 0.7 }"),
        WithFault("{ target: nightscout, at: 3h, for: 1h, kind: outage, response: malformed, status: 200 }"),
        WithFault("{ target: dexcom-share/login, kind: outage, at: 2024-01-01T01:00:00Z, until: 5h, response: 500, where: { ratio: 0.3 } }"),
        WithFault("{ target: dexcom-share/read, at: 3h, for: 1h, kind: latency, delay: { p50: 2s, p99: 30s } }"),
        WithFault("{ target: fcm, at: 3h, for: 1h, kind: latency, delay: 5s, dribble: 16/s }"),
        WithFault("{ target: nightscout, at: 3h, for: 1h, kind: latency, delay: { min: 5s, max: 2m } }"),
        WithFault("{ target: nightscout, at: 3h, for: 1h, kind: latency, delay: { median: 2s, sigma: 0.8 } }"),
        WithFault("{ target: dexcom-share/read, at: 1h, until: 4h, kind: backlog, release: { drainRate: 1/s } }"),
        WithFault("{ target: dexcom-share, at: 1h, for: 2h, kind: backlog, release: { reorder: 30m, newUploads: wait } }"),
        WithFault("{ target: nightscout, at: 1h, for: 2h, kind: backlog, release: burst }"),
        WithFault("{ target: nightscout, at: 1h, for: 2h, kind: stale, timestamps: fresh, interval: 5m }"),
        WithFault("{ target: dexcom-share/login, at: 3h, for: 2h, kind: auth, mode: login-fails }"),
        WithFault("{ target: dexcom-share, at: 3h, for: 2h, kind: auth, mode: sessions-revoked, error: SessionNotValid }"),
        WithFault("{ target: dexcom-share, at: 3h, for: 1h, kind: rate-limit, limit: 10/min, scope: global }"),
        WithFault("{ target: fcm, at: 3h, for: 1h, kind: rate-limit, retryAfter: 30s }"),
        WithFault("{ target: dexcom-share/read, at: 1h, for: 3h, kind: flapping, up: 20m, down: 5m, jitter: 2m, start: up, response: reset }"),
        WithFault("{ target: fcm, at: 2h, for: 1h, kind: push-failure, where: { platforms: [ios] } }"),
        WithFault("{ target: fcm, at: 3h, for: 1h, kind: push-failure, mode: fail, response: 503, ratio: 0.08 }"),
        Header + "\n" + """
            cohort: { adults: 10, children: 5, followers: 1..3, sensor: { kind: g7 }, uploads: [dexcom-share], follow: [dexcom-share] }
            """ + "\n",
        Header + "\n" + """
            patients:
              - id: kid
                trace: { source: uva-padova, patient: adult#001, life: none, meals: [{ at: 1h, grams: 45, bolus: missed }], exercise: [{ at: 3h, for: 45m, intensity: light }] }
                sensor: { kind: g6, noise: false, lag: 8m, sessions: [0h] }
                ble: { transmitter: g6, id: 8G1234, window: 15s, radio: { missed-windows: 0.02, packet-loss: 0.01, out-of-range: [{ at: 1h, for: 45m }] } }
                followers: [mum, { id: dad, channel: fcm }]
                uploads: [dexcom-share, nightscout]
            """ + "\n",
    };

    [Theory]
    [MemberData(nameof(ValidScenarios))]
    public void Valid_scenarios_pass_the_schema_as_they_pass_the_loader(string yaml)
    {
        ScenarioLoader.LoadText(yaml, "valid.yaml");
        var errors = SchemaSupport.Errors(yaml);

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    /// <summary>Mistakes a schema can see. The loader rejects each one too (checked), so the schema never disagrees with it.</summary>
    public static TheoryData<string, string> BrokenScenarios() => new()
    {
        { "unknown top-level key", Scenario("weather: sunny") },
        { "misspelt top-level key", Header.Replace("duration:", "duraton:", StringComparison.Ordinal) + "\n" + Patients + "\n" },
        { "unknown patient key", Header + "\n" + Patients.Replace("followers:", "folowers:", StringComparison.Ordinal) + "\n" },
        { "unknown fault option", WithFault("{ target: dexcom-share, at: 1h, for: 1h, kind: outage, ratoi: 0.5 }") },
        { "option of another fault kind", WithFault("{ target: dexcom-share, at: 1h, for: 1h, kind: outage, delay: 30s }") },
        { "unknown where key", WithFault("{ target: dexcom-share, at: 1h, for: 1h, kind: outage, where: { account: [child-1] } }") },
        { "title is a mapping", Scenario().Replace("title: Test scenario", "title: { text: Test }", StringComparison.Ordinal) },
        { "vendors is not a list", Scenario().Replace("vendors: [dexcom-share, nightscout, fcm]", "vendors: dexcom-share", StringComparison.Ordinal) },
        { "speed is text", Scenario("speed: fast") },
        { "seed is a fraction", Scenario("seed: 1.5") },
        { "ratio is text", WithFault("{ target: dexcom-share, at: 1h, for: 1h, kind: outage, ratio: most }") },
        { "faults is a mapping", Scenario("faults: { target: dexcom-share }") },
        { "unknown vendor", Scenario().Replace("vendors: [dexcom-share, nightscout, fcm]", "vendors: [dexcom-share, nightscot, fcm]", StringComparison.Ordinal) },
        { "unknown vendor in a target", WithFault("{ target: nightscot, at: 1h, for: 1h, kind: outage }") },
        { "unknown endpoint", WithFault("{ target: dexcom-share/reads, at: 1h, for: 1h, kind: outage }") },
        { "unknown upload vendor", Header + "\n" + Patients + "\n    uploads: [dexcom-share, nightscot]\n" },
        { "unknown fault kind", WithFault("{ target: dexcom-share, at: 1h, for: 1h, kind: outag }") },
        { "fault without kind", WithFault("{ target: dexcom-share, at: 1h, for: 1h }") },
        { "fault with until and for", WithFault("{ target: dexcom-share, at: 1h, until: 3h, for: 1h, kind: outage }") },
        { "fault without end", WithFault("{ target: dexcom-share, at: 1h, kind: outage }") },
        { "duration without unit", Scenario().Replace("duration: 6h", "duration: 6", StringComparison.Ordinal) },
        { "duration with a fraction", Scenario().Replace("duration: 6h", "duration: 1.5h", StringComparison.Ordinal) },
        { "duration with an unknown unit", Scenario().Replace("duration: 6h", "duration: 6hours", StringComparison.Ordinal) },
        { "duration units out of order", Scenario().Replace("duration: 6h", "duration: 30m5h", StringComparison.Ordinal) },
        { "fault length without unit", WithFault("{ target: dexcom-share, at: 1h, for: 90, kind: outage }") },
        { "start without offset", Scenario().Replace("2024-01-01T00:00:00Z", "2024-01-01T00:00:00", StringComparison.Ordinal) },
        { "at is neither instant nor offset", WithFault("{ target: dexcom-share, at: soon, for: 1h, kind: outage }") },
        { "unknown auth mode", WithFault("{ target: dexcom-share/login, at: 1h, for: 1h, kind: auth, mode: login-fail }") },
        { "unknown outage response", WithFault("{ target: dexcom-share, at: 1h, for: 1h, kind: outage, response: timout }") },
        { "unknown SLO metric", Scenario("slo: [missed.urgent-lo == 0]") },
        { "SLO duration without unit", Scenario("slo: [no-data-notice <= 25]") },
        { "unknown sensor kind", Header + "\n" + Patients + "\n    sensor: { kind: g8 }\n" },
        { "unknown trace source", Header + "\n" + Patients.Replace("source: scripted", "source: scripten", StringComparison.Ordinal) + "\n" },
        { "unknown profile", Scenario("sut: { builtin: reference-system, profile: resiliant }") },
        { "unknown policy", Scenario("policy: dexcom-defaults") },
        { "bad dribble", WithFault("{ target: fcm, at: 1h, for: 1h, kind: latency, dribble: fast }") },
        { "latency without delay or dribble", WithFault("{ target: fcm, at: 1h, for: 1h, kind: latency }") },
        { "flapping without down", WithFault("{ target: nightscout, at: 1h, for: 1h, kind: flapping, up: 10m }") },
        { "backlog with drainRate and reorder", WithFault("{ target: nightscout, at: 1h, for: 1h, kind: backlog, release: { drainRate: 1/s, reorder: 30m } }") },
        { "backlog on a push vendor", WithFault("{ target: fcm, at: 1h, for: 1h, kind: backlog }") },
        { "stale on a login endpoint", WithFault("{ target: dexcom-share/login, at: 1h, for: 1h, kind: stale }") },
        { "push-failure on a data vendor", WithFault("{ target: nightscout, at: 1h, for: 1h, kind: push-failure }") },
        { "vendor listed twice", Scenario().Replace("vendors: [dexcom-share, nightscout, fcm]", "vendors: [dexcom-share, nightscout, fcm, nightscout]", StringComparison.Ordinal) },
        { "blank title", Scenario().Replace("title: Test scenario", "title: \"  \"", StringComparison.Ordinal) },
    };

    [Theory]
    [MemberData(nameof(BrokenScenarios))]
    public void Broken_scenarios_fail_the_schema_as_they_fail_the_loader(string mistake, string yaml)
    {
        Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.LoadText(yaml, "broken.yaml"));

        Assert.True(SchemaSupport.Errors(yaml).Count > 0, $"the schema accepts a scenario with this mistake: {mistake}\n{yaml}");
    }

    /// <summary>The mistakes the broken corpus describes that a schema must catch: unknown keys, vendors and fault kinds.</summary>
    private static readonly Regex SchemaCatches = new(
        @"^# expect: \S+ \S+: (?:unknown key |unknown vendor |unknown fault kind |'[^']+' is not an option of )", RegexOptions.CultureInvariant);

    [Fact]
    public void Broken_corpus_files_with_unknown_keys_vendors_or_kinds_fail_the_schema()
    {
        var folder = Path.Combine(SchemaSupport.RepoRoot(), "tests", "Scenarios.Tests", "Corpus", "broken");
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal).ToList() : [];
        var accepted = new List<string>();
        var checkedCount = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            if (!SchemaCatches.IsMatch(text.ReplaceLineEndings("\n").Split('\n')[0]))
                continue;
            checkedCount++;
            if (SchemaSupport.Errors(text).Count == 0)
                accepted.Add(Path.GetFileName(file));
        }

        Assert.True(accepted.Count == 0, "the schema accepts these broken corpus files: " + string.Join(", ", accepted));
        Assert.True(files.Count == 0 || checkedCount > 0, $"no file in {folder} says its error is an unknown key, vendor or fault kind");
    }

    /// <summary>The schema's duration and time patterns read what <see cref="HumanDuration"/> and the loader read.</summary>
    [Theory]
    [InlineData("0", true)]
    [InlineData("90s", true)]
    [InlineData("20m", true)]
    [InlineData("3d", true)]
    [InlineData("1h30m", true)]
    [InlineData("1d12h5m3s", true)]
    [InlineData("1.5h", false)]
    [InlineData("90", false)]
    [InlineData("30m5h", false)]
    [InlineData("5 h", false)]
    [InlineData("-3h", false)]
    [InlineData("3H", false)]
    [InlineData("", false)]
    public void Duration_pattern_agrees_with_the_loader(string text, bool valid)
    {
        var pattern = new Regex($"^(?:{ScenarioSchema.DurationBody})$", RegexOptions.CultureInvariant);

        Assert.Equal(valid, HumanDuration.TryParse(text, out _));
        Assert.Equal(valid, pattern.IsMatch(text));
    }

    [Theory]
    [InlineData("2019-11-29T22:00:00-05:00", true)]
    [InlineData("2024-01-01T00:00:00Z", true)]
    [InlineData("2024-01-01 00:00+01:00", true)]
    [InlineData("2024-01-01T00:00:00.5Z", true)]
    [InlineData("2024-01-01T00:00:00", false)]
    [InlineData("2024-01-01", false)]
    [InlineData("yesterday", false)]
    public void Instant_pattern_agrees_with_the_loader(string text, bool valid)
    {
        var pattern = new Regex($"^{ScenarioSchema.InstantBody}$", RegexOptions.CultureInvariant);

        Assert.Equal(valid, TimeValues.TryParseInstant(text, out _, out _));
        Assert.Equal(valid, pattern.IsMatch(text));
    }

    [Fact]
    public void Schema_text_is_indented_json_with_a_final_newline()
    {
        var text = ScenarioSchema.ToJson();

        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(text);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
    }
}
