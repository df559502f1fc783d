using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Scenarios.Loading;
using Xunit.Abstractions;

namespace Scenarios.Tests.Corpus;

/// <summary>
/// Seeded mutation fuzzing of valid scenarios (the catalog and a few written here): lines deleted, duplicated, swapped
/// and re-indented, scalars replaced by other types, keys renamed, the file truncated, random bytes inserted. Whatever
/// the mutant, <see cref="ScenarioLoader.LoadText"/> must either return a scenario or throw a
/// <see cref="ScenarioValidationException"/> whose errors all have a position and a message; anything else is a crash.
/// A failure prints the seed, the mutation index and the mutant, so it can be replayed (and added to Corpus/broken).
/// </summary>
public partial class MutationFuzzTests(ITestOutputHelper output)
{
    /// <summary>Change it (or set SCENARIO_FUZZ_SEED) to explore other mutants; failures name the seed they came from.</summary>
    public const int Seed = 20261124;
    public const int Mutations = 12_000;

    /// <summary>Every section and fault kind in one valid file (external system under test, so any channel is allowed).</summary>
    public const string Rich = """
        version: 1
        name: rich
        title: Every section at once
        description: mutation seed
        start: 2024-03-01T08:00:00+01:00
        duration: 1d
        speed: 500
        seed: 7
        vendors: [dexcom-share, nightscout, librelinkup, dexcom-api, fcm, apns, twilio, webhook]
        sut: { url: http://127.0.0.1:5300 }
        policy: { base: dexcom-default, urgentLow: 55, low: 70, high: 250, noData: 20m }
        patients:
          - id: adult-1
            trace:
              source: scripted
              interval: 5m
              points:
                "0h": 130
                "3h": 62
                2024-03-01T14:00:00+01:00: 180
                "1d": 120
            sensor: { kind: g7, noise: false, lag: 8m, sessions: [0h, 12h] }
            ble:
              transmitter: g7
              id: 8G1234
              window: 15s
              radio:
                missed-windows: 0.02
                packet-loss: 0.01
                out-of-range:
                  - { at: 2h, for: 30m }
                  - { at: 5h, for: 10m }
            followers: [mum, { id: dad, channel: apns }, { id: nurse, channel: twilio }]
            uploads: [dexcom-share, nightscout]
            follow: [dexcom-share, nightscout, librelinkup]
          - id: teen-1
            trace:
              source: uva-padova
              patient: adolescent#004
              life: generated
              meals:
                - { at: 7h, grams: 45, bolus: missed, duration: 20m }
              exercise:
                - { at: 10h, for: 45m, intensity: vigorous }
            followers: [{ id: coach, channel: webhook }]
        cohort:
          adults: 10
          children: 5
          followers: 1..3
          sensor: { kind: libre2 }
          follow: [nightscout]
        faults:
          - { target: dexcom-share/read, kind: backlog, at: 1h, until: 3h, release: { drainRate: 2/min, newUploads: wait } }
          - { target: nightscout, kind: latency, at: 1h, for: 1h, delay: { p50: 2s, p99: 30s }, dribble: 64/s }
          - { target: nightscout/read, kind: latency, at: 3h, for: 1h, delay: { min: 5s, max: 2m } }
          - { target: librelinkup, kind: stale, at: 2h, for: 2h, timestamps: fresh, interval: 5m }
          - { target: dexcom-share, kind: auth, at: 5h, for: 1h, mode: sessions-revoked, error: SessionNotValid }
          - { target: dexcom-api, kind: rate-limit, at: 2h, for: 1h, limit: 60/min, scope: global, retryAfter: 30s }
          - target: nightscout/upload
            kind: flapping
            at: 6h
            until: 2024-03-01T16:00:00+01:00
            up: 10m
            down: 2m
            jitter: 30s
            start: up
            response: empty
            status: 200
          - target: fcm
            kind: push-failure
            at: 4h
            for: 1h
            mode: fail
            response: 500
            ratio: 0.5
            where: { accounts: [mum], userAgents: [okhttp], platforms: [android, ios], ratio: 0.3 }
          - { target: dexcom-share/login, kind: outage, at: 8h, for: 30m, response: timeout, ratio: 0.7 }
        slo:
          - missed.urgent-low == 0
          - latency.p95 <= 5m
          - alert-burst < 4
        scoring: { onTime: 5m, missedAfter: 30m, staleAfter: 15m, burstWindow: 5m }
        narrative:
          - { at: 1h, text: "the backlog starts" }
          - { at: 2024-03-01T12:00:00+01:00, text: "a notice is posted" }
        """;

    /// <summary>What a scalar may be replaced with: other types, edge values, YAML syntax, words of the format.</summary>
    private static readonly string[] Replacements =
    [
        "42", "-1", "0", "3.5", "1e308", "-1e308", "99999999999999999999", "NaN", ".nan", ".inf", "-.inf", "0x1F", "1_000",
        "\"text\"", "'single'", "\"\"", "[a, b]", "[]", "{}", "{ k: v }", "[[1]]", "{ a: { b: [c] } }", "", "~", "null", "true", "no",
        "ünïcødé 🩸", "\u200B", "\\u0000", "日本語", "a\\tb", "0h", "59s", "99999999h", "999999d", "999999d99999999h999999999m9999999999s",
        "9999999999s", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00Z", "2024-01-01T00:00:00Z",
        "2024-01-01T00:00:00.1234567+13:59", "2024-13-45T99:99:99Z", "2024-01-01 00:00", "-5m", "90x", "1.5h", "&anchor x", "*alias",
        "*anchor", "!!binary", "!!int x", "!custom", "|", ">", "'", "\"", "- x", "? x", "%", "@", "`", "<<: *anchor", "#", ": :", "---",
        "dexcom-share", "dexcom-share/read", "nightscout/login", "fcm", "webhook/send", "librelinkup", "outage", "latency", "backlog",
        "stale", "auth", "rate-limit", "flapping", "push-failure", "burst", "{ drainRate: 0 }", "{ reorder: 0s }", "{ p50: 0s, p99: 1s }",
        "{ median: 1s, sigma: -3 }", "{ min: 1s }", "0/s", "999999999999/s", "1/0s", "1/99999999h", "missed == 0", "latency.p95 <= 9999999999s",
        "x !== 1", "0..0", "1..99999999999", "http://[::1]:1", "http://0x7f.1/", "http://localhost:99999", "file:///etc", "g6", "#!",
        "adult#001", "replay", "uva-padova", "scripted", "reference-system", "naive", "2147483648", "-2147483649",
    ];

    /// <summary>Characters YAML or a reader may trip on.</summary>
    private const string Awkward = "\t\r\n\0\u00A0\uFEFF\u2028\"'{}[],:&*!|>%@`#-?";

    /// <summary>Keys of the format, to rename one key into another.</summary>
    private static readonly string[] KeyWords =
    [
        "name", "title", "start", "duration", "vendors", "patients", "cohort", "sut", "policy", "faults", "slo", "scoring", "narrative",
        "id", "trace", "sensor", "ble", "followers", "uploads", "follow", "source", "points", "interval", "target", "at", "until", "for",
        "kind", "response", "status", "ratio", "where", "delay", "dribble", "release", "mode", "limit", "up", "down", "text", "url",
        "builtin", "profile", "base", "file", "meals", "exercise", "radio", "out-of-range", "sessions", "<<", "? complex",
    ];

    [GeneratedRegex(@"[^\s:{}\[\],#""']+", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    [GeneratedRegex(@"^(?<indent>\s*(?:-\s+)?)(?<key>[^\s:#{}\[\],][^:#{}\[\],]*?)\s*:(?:\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex BlockKey();

    public static string CatalogFolder([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "src", "Scenarios", "Catalog"));

    public static IReadOnlyList<(string Name, string Text)> Seeds()
    {
        var seeds = Directory.GetFiles(CatalogFolder(), "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => ($"catalog/{Path.GetFileName(f)}", File.ReadAllText(f))).ToList();
        seeds.Add(("rich", Rich));
        seeds.Add(("base", Loading.ScenarioYaml.Base));
        seeds.Add(("flow", """
            { name: flow, title: Flow style, start: "2024-01-01T00:00:00-05:00", duration: 3h, vendors: [nightscout, fcm],
              patients: [{ id: p, trace: { source: scripted, points: { 0h: 100, 3h: 50 } }, followers: [f] }],
              faults: [{ target: nightscout, kind: outage, at: 1h, for: 1h, response: reset }], slo: [missed == 0] }
            """));
        return seeds;
    }

    [Fact]
    public void Every_seed_is_a_valid_scenario()
    {
        var seeds = Seeds();
        Assert.True(seeds.Count >= 5, $"expected the catalog and the written seeds, found {seeds.Count}");
        foreach (var (name, text) in seeds)
            Assert.NotNull(ScenarioLoader.LoadText(text, name));
    }

    [Fact]
    public void Mutations_of_valid_scenarios_never_crash_the_loader_seed_20261124()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SCENARIO_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : Seed;
        var count = int.TryParse(Environment.GetEnvironmentVariable("SCENARIO_FUZZ_COUNT"), CultureInfo.InvariantCulture, out var c) ? c : Mutations;
        var seeds = Seeds();
        var random = new Random(seed);
        var failures = new List<string>();
        var (loaded, rejected) = (0, 0);
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < count && failures.Count < 5; i++)
        {
            var (name, text) = seeds[random.Next(seeds.Count)];
            var lines = text.ReplaceLineEndings("\n").Split('\n').ToList();
            var applied = new List<string>();
            var steps = 1 + random.Next(3);
            for (var step = 0; step < steps; step++)
                applied.Add(Mutate(lines, random));
            var mutant = string.Join("\n", lines);

            var problem = Check(mutant, $"mutant-{i}.yaml", out var ok);
            if (ok)
                loaded++;
            else if (problem is null)
                rejected++;
            if (problem is not null)
                failures.Add($"seed {seed}, mutation {i} of {name} ({string.Join("; ", applied)}): {problem}\n--- mutant ---\n{mutant}\n--------------");
        }

        clock.Stop();
        output.WriteLine($"seed {seed}: {count} mutations of {seeds.Count} scenarios in {clock.Elapsed.TotalSeconds:0.0}s; {loaded} still valid, {rejected} rejected with validation errors");
        foreach (var failure in failures)
            output.WriteLine(failure);
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    /// <summary>Null when the loader behaved (loaded, or rejected with well-formed errors); otherwise what went wrong.</summary>
    private static string? Check(string mutant, string origin, out bool loaded)
    {
        loaded = false;
        try
        {
            loaded = ScenarioLoader.LoadText(mutant, origin) is not null;
            return loaded ? null : "LoadText returned null";
        }
        catch (ScenarioValidationException e)
        {
            if (e.Errors.Count == 0)
                return "ScenarioValidationException with no errors";
            foreach (var error in e.Errors)
            {
                if (error.Line < 0 || error.Column < 0)
                    return $"error with a negative position: {error}";
                if (string.IsNullOrWhiteSpace(error.Message))
                    return $"error without a message at line {error.Line}, column {error.Column}";
            }
            return null;
        }
#pragma warning disable CA1031 // the point of the test: any other exception is a crash to report
        catch (Exception e)
#pragma warning restore CA1031
        {
            return $"CRASH {e}";
        }
    }

    /// <summary>Applies one random mutation in place and says what it did.</summary>
    private static string Mutate(List<string> lines, Random random)
    {
        if (lines.Count == 0)
            lines.Add("");
        var at = random.Next(lines.Count);
        switch (random.Next(10))
        {
            case 0:
                lines.RemoveAt(at);
                return $"deleted line {at + 1}";
            case 1:
                lines.Insert(at, lines[at]);
                return $"duplicated line {at + 1}";
            case 2:
            {
                var other = random.Next(lines.Count);
                (lines[at], lines[other]) = (lines[other], lines[at]);
                return $"swapped lines {at + 1} and {other + 1}";
            }
            case 3:
            {
                var change = random.Next(-4, 5);
                lines[at] = change >= 0 ? new string(random.Next(8) == 0 ? '\t' : ' ', change) + lines[at] : lines[at].TrimStart().PadLeft(Math.Max(0, lines[at].Length + change));
                return $"re-indented line {at + 1} by {change}";
            }
            case 4:
            case 5:
            {
                var tokens = Token().Matches(lines[at]);
                if (tokens.Count == 0)
                    goto case 0;
                var token = tokens[random.Next(tokens.Count)];
                var replacement = Replacements[random.Next(Replacements.Length)];
                lines[at] = string.Concat(lines[at].AsSpan(0, token.Index), replacement, lines[at].AsSpan(token.Index + token.Length));
                return $"replaced '{token.Value}' on line {at + 1} with '{replacement}'";
            }
            case 6:
            {
                var key = BlockKey().Match(lines[at]);
                if (!key.Success)
                    goto case 4;
                var name = key.Groups["key"];
                var renamed = RenameKey(name.Value, random);
                lines[at] = string.Concat(lines[at].AsSpan(0, name.Index), renamed, lines[at].AsSpan(name.Index + name.Length));
                return $"renamed key '{name.Value}' on line {at + 1} to '{renamed}'";
            }
            case 7:
            {
                var keep = random.Next(lines.Count + 1);
                var cut = keep < lines.Count && lines[keep].Length > 0 ? random.Next(lines[keep].Length) : 0;
                if (keep < lines.Count)
                    lines[keep] = lines[keep][..cut];
                if (keep + 1 < lines.Count)
                    lines.RemoveRange(keep + 1, lines.Count - keep - 1);
                return $"truncated at line {keep + 1}, column {cut + 1}";
            }
            case 8:
            {
                var bytes = new StringBuilder();
                for (var n = 1 + random.Next(4); n > 0; n--)
                    bytes.Append(random.Next(4) == 0 ? Awkward[random.Next(Awkward.Length)] : (char)random.Next(1, 0x3000));
                var column = random.Next(lines[at].Length + 1);
                lines[at] = lines[at].Insert(column, bytes.ToString());
                return $"inserted {bytes.Length} random characters on line {at + 1}, column {column + 1}";
            }
            default:
            {
                var other = random.Next(lines.Count);
                lines.Insert(at, lines[other]);
                return $"copied line {other + 1} to line {at + 1}";
            }
        }
    }

    private static string RenameKey(string key, Random random)
    {
        switch (random.Next(5))
        {
            case 0:
                return KeyWords[random.Next(KeyWords.Length)];
            case 1 when key.Length > 1:
                return key.Remove(random.Next(key.Length), 1);
            case 2 when key.Length > 1:
            {
                var i = random.Next(key.Length - 1);
                return string.Concat(key.AsSpan(0, i), key.AsSpan(i + 1, 1), key.AsSpan(i, 1), key.AsSpan(i + 2));
            }
            case 3:
                return key.ToUpperInvariant();
            default:
                return key + (char)('a' + random.Next(26));
        }
    }
}
