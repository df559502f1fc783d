using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scenarios.Loading;
using Scenarios.Loading.Faults;
using Scenarios.Model;
using static Scenarios.Schema.SchemaNodes;

namespace Scenarios.Schema;

/// <summary>
/// The JSON Schema (draft 2020-12) of the YAML scenario format, published as <c>docs/scenario.schema.json</c> and
/// printed by <c>simulator scenarios schema</c>. It is assembled from what the loader itself checks against: each
/// parser's <c>Keys</c> list (so unknown keys are refused exactly where the loader refuses them), the vendor ids and
/// endpoints, the fault kinds and their keys, the SLO metric names, and the allowed values of every enumerated key.
/// Checks that need more than one value (windows inside the run, overlapping faults, thresholds in order) stay with the
/// loader: the schema catches what an editor can show while typing.
/// </summary>
public static class ScenarioSchema
{
    public const string Dialect = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>Where the schema is published in the repository, for messages that say how to refresh it.</summary>
    public const string PublishedPath = "docs/scenario.schema.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // Whole numbers with units d, h, m, s, largest first, each at most once; or a bare 0 (as HumanDuration reads them).
    internal const string DurationBody =
        @"0|\d{1,6}d(?:\d{1,8}h)?(?:\d{1,9}m)?(?:\d{1,10}s)?|\d{1,8}h(?:\d{1,9}m)?(?:\d{1,10}s)?|\d{1,9}m(?:\d{1,10}s)?|\d{1,10}s";

    // An ISO-8601 instant with its UTC offset (as TimeValues reads them).
    internal const string InstantBody = @"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:[Zz]|[+-]\d{2}:\d{2})";

    internal const string NumberBody = @"\d+(?:\.\d+)?";

    /// <summary>The schema as indented JSON with a final newline: exactly the text of the published file.</summary>
    public static string ToJson() => Build().ToJsonString(Json) + "\n";

    public static JsonObject Build() => new()
    {
        ["$schema"] = Dialect,
        ["title"] = "CGM outage-simulation scenario",
        ["description"] = "A scenario file for the CGM outage-simulation harness (format version 1). Generated from the scenario loader by `simulator scenarios schema`; the loader (`simulator scenarios validate FILE`) also checks what a schema cannot, such as windows inside the run and overlapping faults.",
        ["type"] = "object",
        ["additionalProperties"] = false,
        ["required"] = Required("name", "title", "start", "duration", "vendors"),
        ["anyOf"] = new JsonArray(
            new JsonObject { ["required"] = Required("patients") },
            new JsonObject { ["required"] = Required("cohort") }),
        ["properties"] = TopLevel(),
        ["$defs"] = Definitions(),
    };

    private static JsonObject TopLevel()
    {
        var specs = new Dictionary<string, Func<JsonObject>>(StringComparer.Ordinal)
        {
            ["version"] = () => new JsonObject
            {
                ["description"] = "Format version; this harness reads version 1. Optional.",
                ["enum"] = new JsonArray(1, "1"),
            },
            ["name"] = () => Pattern("^[a-z0-9][a-z0-9-]*$", "Identifier: lowercase letters, digits and dashes, starting with a letter or digit, e.g. dexcom-share-2019. Required."),
            ["title"] = () => Ref("nonBlankText", "Short human-readable title. Required."),
            ["description"] = () => Ref("text", "What happens in the scenario, in a few sentences."),
            ["source"] = () => Ref("text", "Where the scenario comes from (incident reports, papers)."),
            ["start"] = () => Ref("instant", "Virtual start of the run: an ISO-8601 instant with UTC offset, e.g. 2019-11-29T22:00:00-05:00. Required."),
            ["duration"] = () => Ref("duration", $"How long the run lasts, e.g. 78h; more than 0, at most {HumanDuration.Format(ScenarioParser.MaxDuration)}. Required."),
            ["speed"] = () => Number($"Virtual seconds per real second, more than 0 and at most {Show(ScenarioParser.MaxSpeed)}. Default 1.", 0, ScenarioParser.MaxSpeed),
            ["seed"] = () => Integer("Seed for every random draw, so a run can be repeated exactly. Default 1.", int.MinValue, int.MaxValue),
            ["vendors"] = () => List(Ref("vendor", "A vendor id."), $"The vendor fakes in play, each once; at least one data vendor ({string.Join(", ", VendorIds.DataVendors)}). Required.", minItems: 1, unique: true),
            ["patients"] = () => List(Ref("patient", "One patient."), "The patients, each with a trace and followers. Required unless a cohort is given.", minItems: 1),
            ["cohort"] = () => Ref("cohort", "A generated population instead of (or besides) listed patients."),
            ["sut"] = () => Ref("sut", $"The system under test. Default: builtin {SutParser.Builtins[0]} with profile {SutParser.DefaultProfile}."),
            ["policy"] = () => Ref("policy", $"The alert policy a perfect follower applies. Default {AlertPolicySpec.DexcomDefault.Name}."),
            ["faults"] = () => List(Ref("fault", "One fault."), "What goes wrong: each fault has a kind, a target, a window and the kind's options."),
            ["slo"] = () => List(Ref("slo", "One objective."), "Service-level objectives, each '<metric> <op> <value>', e.g. 'missed.urgent-low == 0'."),
            ["scoring"] = () => Ref("scoring", "How deliveries are judged. Every key optional."),
            ["narrative"] = () => List(Ref("narrativeEntry", "One event."), "What happened when, shown on the run's timeline."),
        };
        return Properties(ScenarioParser.Keys, From(specs));
    }

    private static JsonObject Definitions() => new()
    {
        ["text"] = new JsonObject
        {
            ["description"] = "Text (any scalar).",
            ["type"] = new JsonArray("string", "number", "boolean"),
        },
        ["nonBlankText"] = new JsonObject
        {
            ["description"] = "Text that is not blank.",
            ["type"] = new JsonArray("string", "number", "boolean"),
            ["pattern"] = @"\S",
        },
        ["flag"] = new JsonObject
        {
            ["description"] = "true or false (yes/no and on/off are read too).",
            ["type"] = new JsonArray("boolean", "string"),
            ["enum"] = new JsonArray(true, false, "yes", "no", "on", "off"),
        },
        ["duration"] = new JsonObject
        {
            ["description"] = "A duration: whole numbers with units d, h, m, s, largest first, e.g. 90s, 20m, 3h, 1h30m, 1d12h; or 0.",
            ["type"] = new JsonArray("string", "integer"),
            ["pattern"] = $"^(?:{DurationBody})$",
            ["minimum"] = 0,
            ["maximum"] = 0,
        },
        ["instant"] = new JsonObject
        {
            ["description"] = "An ISO-8601 instant with its UTC offset, e.g. 2019-11-29T22:00:00-05:00 or 2024-01-01T00:00:00Z.",
            ["type"] = "string",
            ["pattern"] = $"^{InstantBody}$",
        },
        ["time"] = new JsonObject
        {
            ["description"] = "An instant with UTC offset (e.g. 2019-11-30T01:00:00-05:00) or an offset from the start (e.g. 3h, 1d2h30m).",
            ["type"] = new JsonArray("string", "integer"),
            ["pattern"] = $"^(?:{InstantBody}|{DurationBody})$",
            ["minimum"] = 0,
            ["maximum"] = 0,
        },
        ["vendor"] = Enum(VendorIds.Endpoints.Keys, "A vendor id."),
        ["dataVendor"] = Enum(VendorIds.DataVendors, "A data vendor (holds glucose data)."),
        ["vendorList"] = List(Ref("dataVendor", "A data vendor in play."), "Data vendors, each once.", minItems: 1, unique: true),
        ["patient"] = Patient(),
        ["follower"] = Follower(),
        ["trace"] = Trace(),
        ["sensor"] = Sensor(),
        ["ble"] = Ble(),
        ["cohort"] = Cohort(),
        ["sut"] = Sut(),
        ["policy"] = Policy(),
        ["fault"] = Fault(),
        ["where"] = Where(),
        ["slo"] = Slo(),
        ["scoring"] = Scoring(),
        ["narrativeEntry"] = Mapping(
            "An event on the timeline.", NarrativeParser.Keys, From(new Dictionary<string, Func<JsonObject>>(StringComparer.Ordinal)
            {
                ["at"] = () => Ref("time", "When, within the run: an instant or an offset from the start. Required."),
                ["text"] = () => Ref("nonBlankText", "What happened. Required."),
            }), ["at", "text"]),
    };

    private static Dictionary<string, Func<JsonObject>> SourcesSpecs() => new(StringComparer.Ordinal)
    {
        ["uploads"] = () => Ref("vendorList", $"Vendors the phone uploads to ({string.Join(", ", VendorIds.UploadVendors)}). Default: every one of them in play."),
        ["follow"] = () => Ref("vendorList", "Vendors followers follow through. Default: the upload vendors, then data vendors the run feeds directly."),
    };

    private static JsonObject Patient()
    {
        var specs = SourcesSpecs();
        specs["id"] = () => Pattern("^[a-z0-9-]+$", "Patient id: lowercase letters, digits and dashes, e.g. child-1; unique. Required.", integerToo: true);
        specs["trace"] = () => Ref("trace", "The glucose the patient has. Required.");
        specs["sensor"] = () => Ref("sensor", "The CGM worn and its artifacts.");
        specs["ble"] = () => Ref("ble", "The transmitter talks over the harness's BLE link to a receiver (phone app) under test.");
        specs["followers"] = () => List(Ref("follower", "A follower."), "Who follows the patient, each once. Required.", minItems: 1, unique: true);
        return Mapping("A patient: a trace, followers, and the vendors the phone uploads to and is followed through.", PatientsParser.Keys, From(specs), ["id", "trace", "followers"]);
    }

    private static JsonObject Follower() => AnyOf(
        "A follower id (e.g. parent-1), or { id, channel }.",
        Ref("text", "Follower id, e.g. parent-1."),
        Mapping("A follower with the push channel that reaches them.", PatientsParser.FollowerKeys, From(new Dictionary<string, Func<JsonObject>>(StringComparer.Ordinal)
        {
            ["id"] = () => Ref("text", "Follower id, e.g. parent-1. Required."),
            ["channel"] = () => Enum(VendorIds.PushVendors, $"The push vendor that notifies this follower. Default: the first push vendor in play the system sends through ({string.Join(", ", BuiltinSut.NotifiesThrough)} for the built-in system)."),
        }), ["id"]));

    private static JsonObject Trace()
    {
        JsonObject Source(string name, string description) => Enum([name], description);

        var scripted = Mapping(
            "Glucose through waypoints, interpolated.", TraceParser.ScriptedKeys, From(new Dictionary<string, Func<JsonObject>>(StringComparer.Ordinal)
            {
                ["source"] = () => Source("scripted", "scripted: glucose through the points given. Required."),
                ["interval"] = () => Ref("duration", $"Time between readings, {HumanDuration.Format(TraceParser.MinInterval)}..{HumanDuration.Format(TraceParser.MaxInterval)}. Default 5m."),
                ["points"] = () => new JsonObject
                {
                    ["description"] = $"Waypoints: time (offset from the start such as \"2h\", or an instant) → mg/dL ({Show(TraceParser.MinMgdl)}..{Show(TraceParser.MaxMgdl)}); at least 2, within the run. Required.",
                    ["type"] = "object",
                    ["minProperties"] = 2,
                    ["additionalProperties"] = false,
                    ["patternProperties"] = new JsonObject
                    {
                        [$"^(?:{InstantBody}|{DurationBody})$"] = Number("Glucose in mg/dL.", TraceParser.MinMgdl, TraceParser.MaxMgdl),
                    },
                },
            }), ["source", "points"], title: "scripted trace");

        var uva = Mapping(
            "Glucose from the UVA/Padova type 1 model for one of its 30 virtual patients.", UvaPadovaTraceParser.Keys, From(new Dictionary<string, Func<JsonObject>>(StringComparer.Ordinal)
            {
                ["source"] = () => Source("uva-padova", "uva-padova: the UVA/Padova simulator. Required."),
                ["patient"] = () => Enum(UvaPadovaTraceParser.Patients, "The virtual patient: adolescent#001..010, adult#001..010 or child#001..010. Required."),
                ["life"] = () => Enum(UvaPadovaTraceParser.Lives, "generated: a seeded everyday life (meals, boluses, exercise) is added; none: only what is listed. Default generated."),
                ["meals"] = () => List(Mapping("A meal.", UvaPadovaTraceParser.MealKeys, From(new Dictionary<string, Func<JsonObject>>(StringComparer.Ordinal)
                {
                    ["at"] = () => Ref("time", "When, within the run. Required."),
                    ["grams"] = () => Number($"Carbohydrate in grams, more than 0, at most {Show(UvaPadovaTraceParser.MaxMealGrams)}. Required.", 0, UvaPadovaTraceParser.MaxMealGrams),
                    ["bolus"] = () => Enum(UvaPadovaTraceParser.Boluses, "given, or missed (no insulin for this meal). Default given."),
                    ["duration"] = () => Ref("duration", "How long the meal is eaten over, 1m..3h."),
                }), ["at", "grams"]), "Meals besides the generated life."),
                ["exercise"] = () => List(Mapping("A bout of exercise.", UvaPadovaTraceParser.ExerciseKeys, From(new Dictionary<string, Func<JsonObject>>(StringComparer.Ordinal)
                {
                    ["at"] = () => Ref("time", "When, within the run. Required."),
                    ["for"] = () => Ref("duration", "How long, 5m..6h. Required."),
                    ["intensity"] = () => Enum(UvaPadovaTraceParser.Intensities, "Default moderate."),
                }), ["at", "for"]), "Exercise besides the generated life."),
            }), ["source", "patient"], title: "uva-padova trace");

        var replay = Mapping(
            "A recorded trace replayed.", ReplayTraceParser.Keys, From(new Dictionary<string, Func<JsonObject>>(StringComparer.Ordinal)
            {
                ["source"] = () => Source("replay", "replay: a recorded trace. Required."),
                ["file"] = () => Ref("text", "A Clarity CSV export or a Nightscout entries.json, relative to the scenario file's folder. Required."),
                ["format"] = () => Enum(ReplayTraceParser.Formats, "The file's format. Default: from the file."),
                ["time-zone"] = () => Ref("text", "IANA time zone of the recording's local times, e.g. America/New_York."),
            }), ["source", "file"], title: "replay trace");

        var choices = new Dictionary<string, JsonObject>(StringComparer.Ordinal) { ["scripted"] = scripted, ["uva-padova"] = uva, ["replay"] = replay };
        var unknown = TraceParser.Sources.Where(s => !choices.ContainsKey(s)).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException($"trace source(s) {string.Join(", ", unknown)} have no schema; describe them in {nameof(ScenarioSchema)}");
        return AnyOf($"Where the glucose comes from: source {string.Join(", ", TraceParser.Sources)}.", [.. TraceParser.Sources.Select(s => choices[s])]);
    }

    private static JsonObject Sensor() => Mapping(
        "The CGM worn; every artifact can be switched off.", SensorParser.Keys, From(new Dictionary<string, Func<JsonObject>>(StringComparer.Ordinal)
        {
            ["kind"] = () => Enum(SensorSpec.Kinds, "The sensor model. Required."),
            ["noise"] = () => Ref("flag", "Sensor noise. Default true."),
            ["compression-lows"] = () => Ref("flag", "Compression lows (false lows while lying on the sensor). Default true."),
            ["dropouts"] = () => Ref("flag", "Missing readings. Default true."),
            ["sensor-errors"] = () => Ref("flag", "Sensor error states. Default false."),
            ["lag"] = () => Ref("duration", $"Extra blood-to-interstitial lag, 0m..{HumanDuration.Format(SensorParser.MaxLag)}. Default: the kind's own."),
            ["sessions"] = () => List(Ref("time", "A session start within the run."), "When new sensor sessions start (each warms up, giving no readings)."),
        }), ["kind"]);

    private static JsonObject Ble() => Mapping(
        "The transmitter talks to a receiver under test over the harness's BLE link.", BleParser.Keys, From(new Dictionary<string, Func<JsonObject>>(StringComparer.Ordinal)
        {
            ["transmitter"] = () => Enum(BleSpec.Transmitters, "The transmitter model. Required."),
            ["id"] = () => Pattern("^[0-9A-Z]{6}$", "The 6-character transmitter id (digits and capital letters), e.g. 8G1234. Default: from the seed.", integerToo: true),
            ["window"] = () => Ref("duration", $"How long the transmitter stays connectable after waking, {HumanDuration.Format(BleParser.MinWindow)}..{HumanDuration.Format(BleParser.MaxWindow)}. Default 15s."),
            ["radio"] = () => Mapping("What gets between the transmitter and the phone.", BleParser.RadioKeys, From(new Dictionary<string, Func<JsonObject>>(StringComparer.Ordinal)
            {
                ["missed-windows"] = () => Number("Share of connection windows that never advertise, 0..1. Default 0.", 0, 1),
                ["packet-loss"] = () => Number("Share of notifications lost inside a window, 0..1. Default 0.", 0, 1),
                ["out-of-range"] = () => List(Mapping("A span when the phone is out of range.", BleParser.SpanKeys, From(new Dictionary<string, Func<JsonObject>>(StringComparer.Ordinal)
                {
                    ["at"] = () => Ref("time", "When it starts, within the run. Required."),
                    ["for"] = () => Ref("duration", "How long, more than 0. Required."),
                }), ["at", "for"]), "Spans when nothing gets through; they may not overlap."),
            })),
        }), ["transmitter"]);

    private static JsonObject Cohort()
    {
        var specs = SourcesSpecs();
        foreach (var group in new[] { "adults", "adolescents", "children" })
            specs[group] = () => Integer($"Number of {group}, 0..{CohortParser.MaxPatients}. Default 0.", 0, CohortParser.MaxPatients);
        specs["followers"] = () => new JsonObject
        {
            ["description"] = $"Followers per patient: a number, or a range such as 1..3 (each patient draws one), 1..{CohortParser.MaxFollowersEach}. Default 1..3.",
            ["type"] = new JsonArray("integer", "string"),
            ["pattern"] = @"^\s*\d+\s*(?:\.\.\s*\d+\s*)?$",
            ["minimum"] = 1,
            ["maximum"] = CohortParser.MaxFollowersEach,
        };
        specs["sensor"] = () => Ref("sensor", "The CGM every patient wears.");
        return Mapping("A generated population; at least one of adults, adolescents or children.", CohortParser.Keys, From(specs));
    }

    private static JsonObject Sut()
    {
        var builtin = Mapping("The built-in reference system.", SutParser.Keys.Where(k => k != "url"), From(new Dictionary<string, Func<JsonObject>>(StringComparer.Ordinal)
        {
            ["builtin"] = () => Enum(SutParser.Builtins, "The built-in system. Required."),
            ["profile"] = () => Enum(BuiltinSut.Profiles, $"How it behaves. Default {SutParser.DefaultProfile}."),
        }), ["builtin"]);
        var external = Mapping("Your own system, reached over loopback HTTP.", ["url"], From(new Dictionary<string, Func<JsonObject>>(StringComparer.Ordinal)
        {
            ["url"] = () => Pattern(@"^https?://(?:localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(?::\d+)?(?:/.*)?$", "An absolute http(s) URL on a loopback host (127.0.0.0/8, ::1, localhost), e.g. http://127.0.0.1:5300. Required."),
        }), ["url"]);
        return AnyOf("{ builtin: reference-system, profile: resilient } or { url: http://127.0.0.1:5300 }.", builtin, external);
    }

    private static JsonObject Policy()
    {
        JsonObject Threshold(string what) => Number($"{what} threshold in mg/dL, {Show(TraceParser.MinMgdl)}..{Show(TraceParser.MaxMgdl)}. Default: the base policy's.", TraceParser.MinMgdl, TraceParser.MaxMgdl);
        return AnyOf(
            "A named policy, or a named policy with thresholds changed.",
            Enum(PolicyParser.Named.Keys, "A named policy."),
            Mapping("A base policy with thresholds changed; they must rise from urgentLow to low to high.", PolicyParser.Keys, From(new Dictionary<string, Func<JsonObject>>(StringComparer.Ordinal)
            {
                ["base"] = () => Enum(PolicyParser.Named.Keys, $"The policy to start from. Default {AlertPolicySpec.DexcomDefault.Name}."),
                ["urgentLow"] = () => Threshold("Urgent-low"),
                ["low"] = () => Threshold("Low"),
                ["high"] = () => Threshold("High"),
                ["noData"] = () => Ref("duration", "Raise no-data after this long without a reading, more than 0. Default: the base policy's."),
            })));
    }

    private static JsonObject Scoring() => Mapping(
        "How deliveries are judged; every key optional.", ScoringParser.Keys, From(new Dictionary<string, Func<JsonObject>>(StringComparer.Ordinal)
        {
            ["onTime"] = () => Ref("duration", "A delivery within this of its due time is on time; shorter than missedAfter. Default 5m."),
            ["missedAfter"] = () => Ref("duration", "A delivery later than this counts as missed. Default 30m."),
            ["staleAfter"] = () => Ref("duration", "Data older than this, shown with no notice, counts as stale exposure. Default 15m."),
            ["burstWindow"] = () => Ref("duration", "Window of the alert-burst metric. Default 5m."),
        }));

    private static JsonObject Slo()
    {
        var counts = SloMetrics.All.Where(m => !SloMetrics.IsDuration(m)).Select(Escape);
        var durations = SloMetrics.All.Where(SloMetrics.IsDuration).Select(Escape);
        var ops = string.Join("|", SloParser.Operators.Keys.OrderByDescending(o => o.Length).ThenBy(o => o, StringComparer.Ordinal));
        var pattern = $@"^\s*(?:(?:{string.Join("|", counts)})\s*(?:{ops})\s*(?:{NumberBody})|(?:{string.Join("|", durations)})\s*(?:{ops})\s*(?:{DurationBody}))\s*$";
        return Pattern(pattern,
            $"'<metric> <op> <value>' with op one of {string.Join(", ", SloParser.Operators.Keys)}; counts take a number (e.g. 'missed.urgent-low == 0'), durations a duration (e.g. 'no-data-notice <= 25m'). Metrics: {string.Join(", ", SloMetrics.All)}.");
    }

    private static string Escape(string metric) => metric.Replace(".", @"\.", StringComparison.Ordinal);

    private static JsonObject Fault()
    {
        var kinds = new JsonArray();
        foreach (var kind in FaultKinds.All)
            kinds.Add(FaultKind(kind));
        return new JsonObject
        {
            ["description"] = $"A fault: kind ({string.Join(", ", FaultKinds.Names)}), target, window (at plus until or for) and the kind's options.",
            ["type"] = "object",
            ["required"] = Required("target", "at", "kind"),
            ["oneOf"] = new JsonArray(
                new JsonObject { ["required"] = Required("until") },
                new JsonObject { ["required"] = Required("for") }),
            ["anyOf"] = kinds,
        };
    }

    private static JsonObject FaultKind(IFaultKindParser kind)
    {
        var common = new Dictionary<string, Func<JsonObject>>(StringComparer.Ordinal)
        {
            ["target"] = () => Enum(Targets(kind.Kind), "The vendor, or vendor/endpoint, the fault aims at (the vendor must be in play). Required."),
            ["at"] = () => Ref("time", "When the fault opens: an instant or an offset from the start. Required."),
            ["until"] = () => Ref("time", "When it closes (after at). Give until or for."),
            ["for"] = () => Ref("duration", "How long it lasts, more than 0. Give until or for."),
            ["kind"] = () => Enum([kind.Kind], "The fault kind. Required."),
        };
        JsonObject? Property(string key) =>
            common.TryGetValue(key, out var c) ? c()
            : OptionSpecs(kind.Kind).TryGetValue(key, out var o) ? o()
            : OptionSpecs(null).TryGetValue(key, out var s) ? s() : null;
        var node = Mapping(KindDescriptions.GetValueOrDefault(kind.Kind, $"A {kind.Kind} fault."), [.. FaultsParser.CommonKeys, .. kind.Keys], Property, title: $"{kind.Kind} fault");
        return kind.Kind switch
        {
            "flapping" => node.With("required", Required("up", "down")),
            "auth" => node.With("required", Required("mode")),
            "latency" => node.With("anyOf", new JsonArray(
                new JsonObject { ["required"] = Required("delay") },
                new JsonObject { ["required"] = Required("dribble") })),
            _ => node,
        };
    }

    /// <summary>Targets a kind may aim at, as <see cref="FaultTargetRules"/> and the backlog parser check them.</summary>
    private static IEnumerable<string> Targets(string kind)
    {
        var data = kind is "backlog" or "stale";
        foreach (var (vendor, endpoints) in VendorIds.Endpoints)
        {
            if (data && !VendorIds.DataVendors.Contains(vendor, StringComparer.Ordinal))
                continue;
            if (kind == "push-failure" && !VendorIds.PushVendors.Contains(vendor, StringComparer.Ordinal))
                continue;
            yield return vendor;
            foreach (var endpoint in endpoints.Where(e => !data || e == "read"))
                yield return $"{vendor}/{endpoint}";
        }
    }

    private static readonly Dictionary<string, string> KindDescriptions = new(StringComparer.Ordinal)
    {
        ["outage"] = "The vendor fails: an error status, a reset, a timeout, an empty or a malformed answer.",
        ["latency"] = "Answers are slowed: a delay before the first byte, and/or a body that trickles out.",
        ["backlog"] = "Uploads are accepted but withheld from followers until the window ends, then released. Data vendors only, whole or read.",
        ["stale"] = "The vendor keeps serving what followers could see when the window opened, as if current. Data vendors only, whole or read.",
        ["auth"] = "Authentication breaks, in the vendor's own words.",
        ["rate-limit"] = "429 Too Many Requests with Retry-After.",
        ["flapping"] = "Up/down cycles for the whole window.",
        ["push-failure"] = "The push channel fails while data flows. Push vendors only.",
    };

    /// <summary>Option keys by kind (null: keys several kinds share, such as response, status, ratio, where).</summary>
    private static Dictionary<string, Func<JsonObject>> OptionSpecs(string? kind) => kind switch
    {
        null => new(StringComparer.Ordinal)
        {
            ["response"] = () => AnyOf(
                "How a failed request is answered: an HTTP status 400..599, reset, timeout, empty or malformed. Default 503.",
                Integer("An HTTP error status.", 400, 599),
                Pattern("^[45][0-9]{2}$", "An HTTP error status."),
                Enum(OutageResponseParser.Words, "reset: connection reset; timeout: no answer; empty: empty body; malformed: half the body.")),
            ["status"] = () => Integer("Only with response empty or malformed: the status of that answer, 200..599 (malformed: not 204, 205 or 304). Default 200.", 200, 599),
            ["ratio"] = () => Number("Share of requests (push-failure: messages) affected, each drawn from the seed; more than 0, at most 1. Default 1.", 0, 1),
            [WhereParser.Key] = () => Ref("where", "Reach only the requests that match every criterion given (a partial fault)."),
        },
        "latency" => new(StringComparer.Ordinal)
        {
            ["delay"] = () => AnyOf(
                "Delay before the first byte: fixed (30s), uniform ({ min, max }) or lognormal ({ median, sigma } or { p50, p99 }). Required unless dribble is given.",
                Ref("duration", "A fixed delay, more than 0."),
                Mapping("Uniform between min and max.", LatencyFaultParser.RangeKeys, From(new Dictionary<string, Func<JsonObject>>(StringComparer.Ordinal)
                {
                    ["min"] = () => Ref("duration", "Shortest delay, 0s or more."),
                    ["max"] = () => Ref("duration", "Longest delay, longer than min."),
                }), LatencyFaultParser.RangeKeys),
                Mapping("Lognormal from its median and sigma.", LatencyFaultParser.MedianKeys, From(new Dictionary<string, Func<JsonObject>>(StringComparer.Ordinal)
                {
                    ["median"] = () => Ref("duration", "Median delay, more than 0."),
                    ["sigma"] = () => Number($"Standard deviation of ln(delay), more than 0, at most {Show(LatencyFaultOptions.MaxSigma)}.", 0, LatencyFaultOptions.MaxSigma),
                }), LatencyFaultParser.MedianKeys),
                Mapping("Lognormal from two percentiles.", LatencyFaultParser.PercentileKeys, From(new Dictionary<string, Func<JsonObject>>(StringComparer.Ordinal)
                {
                    ["p50"] = () => Ref("duration", "Median delay."),
                    ["p99"] = () => Ref("duration", "99th-percentile delay, longer than p50."),
                }), LatencyFaultParser.PercentileKeys)),
            ["dribble"] = () => Pattern($@"^{NumberBody}\s*(?:B|b|bytes?)?\s*/\s*s$", "The body's pace in bytes per virtual second, e.g. 64/s (also 64B/s, 64 bytes/s)."),
        },
        "backlog" => new(StringComparer.Ordinal)
        {
            ["release"] = () => AnyOf(
                "How the withheld readings come out when the window ends: burst (all at once), { drainRate } or { reorder }. Default burst.",
                Enum(["burst"], "All at once."),
                Mapping("Released at a rate, or spread over a span in a seeded random order.", BacklogFaultParser.ReleaseKeys, From(new Dictionary<string, Func<JsonObject>>(StringComparer.Ordinal)
                {
                    ["drainRate"] = () => new JsonObject
                    {
                        ["description"] = "Readings per virtual second (40/s or 40), minute (2/min) or hour (600/h), in the order accepted; more than 0. Give drainRate or reorder.",
                        ["type"] = new JsonArray("string", "number"),
                        ["pattern"] = $@"^{NumberBody}\s*(?:/\s*(?:s|m|min|h))?$",
                        ["minimum"] = 0,
                    },
                    ["reorder"] = () => Ref("duration", "Spread over this span (more than 0) in a seeded random order. Give drainRate or reorder."),
                    ["newUploads"] = () => Enum(BacklogFaultParser.NewUploadsValues, "Readings uploaded after the window: bypass (visible at once) or wait (queue behind the backlog). Default bypass."),
                })).With("oneOf", new JsonArray(
                    new JsonObject { ["required"] = Required("drainRate") },
                    new JsonObject { ["required"] = Required("reorder") }))),
        },
        "stale" => new(StringComparer.Ordinal)
        {
            ["timestamps"] = () => Enum(StaleFaultParser.Stamps, "fresh: the newest value is re-stamped to look current; original: it keeps its real, ageing time. Default fresh."),
            ["interval"] = () => Ref("duration", "With fresh timestamps: the cadence re-stamps keep to. Default 5m."),
        },
        "auth" => new(StringComparer.Ordinal)
        {
            ["mode"] = () => Enum(AuthFaultParser.Modes, "What breaks. Required."),
            ["error"] = () => Enum(AuthFaultParser.SessionErrors, "With sessions-revoked: the Share error a revoked session gets. Default SessionIdNotFound."),
        },
        "rate-limit" => new(StringComparer.Ordinal)
        {
            ["limit"] = () => Pattern($@"^\d+\s*/\s*(?:s|m|min|h|d|{DurationBody})$", "Requests allowed per window: 60/min, 5/s, 100/h or per any duration, 100/10m. Default: none, every request is refused."),
            ["scope"] = () => Enum(RateLimitFaultParser.Scopes, "With limit: client (each client its own budget) or global (one budget). Default client."),
            ["retryAfter"] = () => Ref("duration", "The Retry-After header, whole seconds. Default: until the window resets (with limit), or 60s."),
        },
        "flapping" => new(StringComparer.Ordinal)
        {
            ["up"] = () => Ref("duration", "How long service lasts between failures, more than 0. Required."),
            ["down"] = () => Ref("duration", "How long each failure lasts, more than 0. Required."),
            ["jitter"] = () => Ref("duration", "Each phase is lengthened or shortened by a seeded draw in ±jitter; shorter than up and down. Default 0s."),
            ["start"] = () => Enum(FlappingFaultParser.Starts, "Which phase opens the window. Default down."),
        },
        "push-failure" => new(StringComparer.Ordinal)
        {
            ["mode"] = () => Enum(PushFailureFaultParser.Modes, "drop: accepted with the provider's normal answer, never delivered; fail: refused like an outage (response, status). Default drop."),
        },
        _ => new(StringComparer.Ordinal),
    };

    private static JsonObject Where()
    {
        var node = Mapping("A partial fault: only requests matching every criterion given. At least one.", WhereParser.Keys, From(new Dictionary<string, Func<JsonObject>>(StringComparer.Ordinal)
        {
            ["accounts"] = () => List(Ref("text", "A patient id."), "Patient ids (the account behind a request, the Nightscout site, the patient a push is about)."),
            ["userAgents"] = () => List(Ref("text", "A fragment."), "Fragments matched case-insensitively inside the User-Agent header, e.g. python-requests."),
            ["platforms"] = () => List(Enum(WhereParser.PlatformNames, "A platform."), "Client platforms, from the User-Agent (on FCM, the message's own platform block)."),
            ["ratio"] = () => Number("Share of clients reached, each drawn once from the seed; more than 0, at most 1. Default 1.", 0, 1),
        }));
        node["minProperties"] = 1;
        return node;
    }

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
}
