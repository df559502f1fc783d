using System.CommandLine;
using System.Globalization;
using LoadDriver.Sharding;
using Scenarios.Loading;
using Scenarios.Model;
using Simulator.Cli.Output;
using Simulator.Load.Population;
using Simulator.Runs;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>simulator load population</c>: a seeded cohort's domain traffic (uploads, follower polls, push fan-out) with
/// virtual time compressed into a bounded real span, against the built-in fakes or a team's own loopback services.
/// Exit 0 when every threshold and the journal check hold, 2 when one does not, 1 when the load could not be run.
/// </summary>
internal static class LoadPopulationCommand
{
    public static Command Create()
    {
        var patients = new Option<int>("--patients") { Description = $"Patients in the cohort, 1 to {PopulationLoadOptions.MaxPatients}.", DefaultValueFactory = _ => 10_000 };
        var followers = new Option<int>("--followers") { Description = "Followers at most (the cohort gives 1 to 3 per patient; whole households are taken in a seeded order).", DefaultValueFactory = _ => 2_000 };
        var virtualSpan = new Option<string>("--virtual") { Description = "Virtual time the load covers (5m to 24h).", DefaultValueFactory = _ => "1h" };
        var realSpan = new Option<string>("--real") { Description = "Real time it is compressed into (1s to 30m).", DefaultValueFactory = _ => "60s" };
        var uploads = new Option<string>("--uploads") { Description = "Where each patient's phone uploads every 5 virtual minutes: share, nightscout or share,nightscout.", DefaultValueFactory = _ => "share,nightscout" };
        var pollEvery = new Option<string>("--poll-every") { Description = "Virtual time between one follower's Share polls.", DefaultValueFactory = _ => "5m" };
        var pushes = new Option<string>("--pushes") { Description = "Push fan-out: a duration (one push per follower that often, virtual), crossings (one per follower at each threshold crossing) or off.", DefaultValueFactory = _ => "15m" };
        var seed = new Option<int>("--seed") { Description = "Seed of the cohort, its glucose and every order in the load (recorded in the report).", DefaultValueFactory = _ => 1 };
        var shard = new Option<string>("--shard") { Description = "Send only shard i of N of every stream (zero-based, e.g. 0/4); the shards together send the whole load.", DefaultValueFactory = _ => "0/1" };
        var output = new Option<string?>("--out") { Description = "Directory for report.json, report.html and the per-stream interval logs (default: runs/load-population-<time>)." };
        var thresholds = new Option<string[]>("--threshold") { Description = "A rule such as 'p99 <= 200ms' or 'errors < 1%' (all streams), or one stream's: 'uploads:p99 <= 50ms'. Repeatable.", AllowMultipleArgumentsPerToken = false };
        var shareUrl = new Option<string?>("--share-url") { Description = "Your own Share-compatible service on loopback instead of the built-in fake." };
        var nightscoutUrl = new Option<string?>("--nightscout-url") { Description = "Your own Nightscout on loopback; {patient} in it is replaced by each patient's id." };
        var fcmUrl = new Option<string?>("--fcm-url") { Description = "Your own FCM-compatible push endpoint on loopback." };
        var warmUp = new Option<string>("--warm-up") { Description = "Real time of refused, unjournalled requests to the built-in fakes before the clock starts (0s for none).", DefaultValueFactory = _ => "10s" };
        var planOnly = new Option<bool>("--plan-only") { Description = "Build the plan and write population.json (every account, secret and token your service must accept) to --out; send nothing." };
        var maxInFlight = new Option<int>("--max-in-flight") { Description = "Requests in flight per stream at most (a client's finite connections).", DefaultValueFactory = _ => LoadDriver.Models.OpenModel.DefaultMaxInFlight };

        var command = new Command("population", "Load from a generated population: uploads, follower polls and push fan-out, virtual time compressed.")
        {
            patients, followers, virtualSpan, realSpan, uploads, pollEvery, pushes, seed, shard, output, thresholds, shareUrl, nightscoutUrl, fcmUrl, maxInFlight, planOnly, warmUp,
        };
        command.SetAction((parse, ct) => Failure.Guard(async () =>
        {
            var options = new PopulationLoadOptions
            {
                Patients = parse.GetValue(patients),
                Followers = parse.GetValue(followers),
                VirtualSpan = Duration("--virtual", parse.GetValue(virtualSpan)),
                RealSpan = Duration("--real", parse.GetValue(realSpan)),
                Uploads = UploadTargets(parse.GetValue(uploads)!),
                PollInterval = Duration("--poll-every", parse.GetValue(pollEvery)),
                Pushes = PushModeOf(parse.GetValue(pushes)),
                Seed = parse.GetValue(seed),
                Shard = ShardOf(parse.GetValue(shard)),
                Endpoints = new PopulationEndpoints(Url("--share-url", parse.GetValue(shareUrl)), parse.GetValue(nightscoutUrl), Url("--fcm-url", parse.GetValue(fcmUrl))),
                MaxInFlight = parse.GetValue(maxInFlight),
                WarmUp = Duration("--warm-up", parse.GetValue(warmUp)),
            };
            var rules = (parse.GetValue(thresholds) ?? []).Select(StreamThreshold.Parse).ToList();
            var outDir = parse.GetValue(output)
                ?? Path.Combine("runs", $"load-population-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}"); // clock-ok: names the folder only
            return await RunAsync(options, rules, outDir, parse.GetValue(planOnly), Console.Out, ct);
        }));
        return command;
    }

    /// <summary>Builds the plan, runs it, prints the summary; the exit code is the report's.</summary>
    internal static async Task<int> RunAsync(PopulationLoadOptions options, IReadOnlyList<StreamThreshold> rules, string outDir, bool planOnly, TextWriter console, CancellationToken ct)
    {
        var c = CultureInfo.InvariantCulture;
        var buildStarted = TimeProvider.System.GetTimestamp();
        var load = PopulationLoad.Build(options);
        var buildTime = TimeProvider.System.GetElapsedTime(buildStarted);
        await console.WriteLineAsync(string.Create(c,
            $"Population load: {load.Patients.Count} patients, {load.Followers.Count} followers ({load.FollowedPatients} patients followed), {PopulationLoadOptions.Span(options.VirtualSpan)} of virtual time in {PopulationLoadOptions.Span(options.RealSpan)} ({options.Compression:0.##}x), seed {options.Seed}, shard {options.Shard}."));
        await console.WriteLineAsync(string.Create(c, $"Built in {buildTime.TotalSeconds:0.0} s: cohort, accounts, tokens and UVA/Padova glucose. Pushes: {options.Pushes}."));
        if (planOnly)
        {
            var path = await PopulationCredentialsFile.WriteAsync(outDir, load, ct);
            await console.WriteLineAsync(string.Create(c,
                $"Plan only: {load.Uploads.Requests} uploads, {load.Polls?.Requests ?? 0} polls, {load.Pushes?.Requests ?? 0} pushes would be sent (whole load, all shards). Accounts, secrets and tokens: {path}"));
            return 0;
        }

        var result = await PopulationRunner.RunAsync(load, rules, outDir, buildTime, ct);
        var report = result.Report;
        foreach (var (target, label) in report.Targets) await console.WriteLineAsync($"target {target}: {label}");
        foreach (var (name, stream) in report.Streams.Append(new(StreamNames.Combined, report.Combined)))
            await console.WriteLineAsync(string.Create(c,
                $"{name,-9} {stream.Totals.Requests,9} requests {stream.Totals.RequestsPerSecond,9:0.0}/s  errors {stream.Totals.Errors} ({stream.Totals.ErrorPercent:0.00}%)  corrected p50 {stream.Corrected.P50Ms:0.00} ms  p95 {stream.Corrected.P95Ms:0.00} ms  p99 {stream.Corrected.P99Ms:0.00} ms"));
        await console.WriteLineAsync(string.Create(c, $"Share logins: {report.Logins["publishers"]} by phones, {report.Logins["followers"]} by follower apps."));
        var check = report.JournalCheck;
        foreach (var count in check.Counts)
            await console.WriteLineAsync(string.Create(c,
                $"journal check {count.Stream} to {count.Vendor}: {count.DriverSucceeded} counted by the driver, {count.Journal} {count.JournalEvent} in the journal: {(count.Equal ? "equal" : "NOT EQUAL")}"));
        if (!check.Checked) await console.WriteLineAsync($"journal check: {check.Note}.");
        foreach (var t in report.Thresholds)
            await console.WriteLineAsync(string.Create(c, $"threshold {t.Expression}: {t.Actual:0.###} -> {(t.Passed ? "passed" : "FAILED")}"));
        await console.WriteLineAsync($"report {Path.Combine(outDir, "report.json")} and report.html; interval logs per stream ({string.Join(", ", report.Streams.Keys.Select(k => k + ".hlog"))}).");
        return report.ExitCode;
    }

    private static TimeSpan Duration(string flag, string? text) =>
        HumanDuration.TryParse(text, out var value, out var error)
            ? value
            : throw new RunFailedException($"{flag}: {error}.");

    private static IReadOnlyList<string> UploadTargets(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => t.ToLowerInvariant() switch
        {
            "share" or VendorIds.DexcomShare => VendorIds.DexcomShare,
            "nightscout" => VendorIds.Nightscout,
            _ => throw new RunFailedException($"--uploads '{text}': '{t}' is not an upload target; give share, nightscout or share,nightscout."),
        })];

    private static PushMode PushModeOf(string? text) =>
        PushMode.TryParse(text, out var mode, out var error) ? mode : throw new RunFailedException(error);

    private static Shard ShardOf(string? text) =>
        Shard.TryParse(text, out var shard, out var error) ? shard : throw new RunFailedException($"--{error}");

    private static Uri? Url(string flag, string? text) =>
        text is null ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url
        : throw new RunFailedException($"{flag} '{text}' is not an absolute http(s) URL; give one like http://127.0.0.1:5300.");
}
