using System.CommandLine;
using System.Globalization;
using LoadDriver.Histograms;
using LoadDriver.Models;
using LoadDriver.Options;
using LoadDriver.Reports;
using LoadDriver.Running;
using LoadDriver.Sharding;
using LoadDriver.Targets;
using LoadDriver.Targets.Raw;
using LoadDriver.Thresholds;
using Simulator.Cli.Output;
using Simulator.Runs;
using Spectre.Console;

namespace Simulator.Cli.Commands;

/// <summary>A checked <c>load http</c>: everything is valid and the URL is loopback before anything is sent.</summary>
internal sealed record LoadHttpPlan(RequestSpec Request, LoadModel Model, TimeSpan Timeout, IReadOnlyList<Threshold> Thresholds, Shard Shard, string Out, bool RawClient);

/// <summary>A checked <c>load merge</c>: the interval logs to add up, in the order given.</summary>
internal sealed record LoadMergePlan(IReadOnlyList<string> Logs, IReadOnlyList<Threshold> Thresholds, string Out);

/// <summary>
/// <c>simulator load</c>: <c>http</c> sends a bounded load to a loopback endpoint and writes report.json, report.html
/// and an interval log; <c>merge</c> adds shards' interval logs into one report, exactly. The domain load scenarios
/// (<see cref="LoadScenarioCommands"/>) hang under the same command.
/// </summary>
internal static class LoadCommand
{
    public static Command Create()
    {
        var load = new Command("load", "Send load to a loopback HTTP endpoint, merge shards' interval logs, run the load scenarios.") { Http(), Merge() };
        foreach (var command in LoadScenarioCommands.All()) load.Subcommands.Add(command);
        return load;
    }

    /// <summary>The options of <c>load http</c>, made afresh per command so commands never share option objects.</summary>
    private sealed class HttpOptions
    {
        public readonly Option<string> Url = new("--url") { Description = "Loopback URL to load (127.0.0.0/8, ::1 or localhost).", Required = true };
        public readonly Option<string> Method = new("--method") { Description = "HTTP method.", DefaultValueFactory = _ => "GET" };
        public readonly Option<string?> BodyFile = new("--body-file") { Description = "File whose bytes are the request body." };
        public readonly Option<string[]> Headers = new("--header") { Description = "Extra header NAME:VALUE; repeat for more." };
        public readonly Option<string?> Rate = new("--rate") { Description = "Open model: constant requests per second." };
        public readonly Option<string?> Ramp = new("--ramp") { Description = "Open model: rate from FROM to TO per second over the duration, e.g. 10..500." };
        public readonly Option<string?> Bursts = new("--bursts") { Description = "Open model: SIZE requests at once EVERY interval, e.g. 500:1s." };
        public readonly Option<int?> Concurrency = new("--concurrency") { Description = "Closed model: workers, each sending when its last answer arrives." };
        public readonly Option<string> Duration = new("--duration") { Description = "How long requests are started, e.g. 10s, 500ms, 1m30s.", DefaultValueFactory = _ => "10s" };
        public readonly Option<long> MaxRequests = new("--max-requests") { Description = "Most requests the run sends, whatever the model says.", DefaultValueFactory = _ => ModelOptions.DefaultMaxRequests };
        public readonly Option<int?> MaxInFlight = new("--max-in-flight") { Description = $"Open models: most requests awaiting an answer at once (default {OpenModel.DefaultMaxInFlight})." };
        public readonly Option<string> Timeout = new("--timeout") { Description = "Per-request timeout; a request past it counts as a timeout error.", DefaultValueFactory = _ => "30s" };
        public readonly Option<string[]> Thresholds = new("--threshold") { Description = "Pass/fail rule, e.g. 'p99 <= 50ms' or 'errors < 1%'; repeat for more. Any breach exits 2." };
        public readonly Option<string> Shard = new("--shard") { Description = "This process's share i/N of the load (0-based), e.g. 0/4.", DefaultValueFactory = _ => "0/1" };
        public readonly Option<string> Out = new("--out") { Description = "Directory for report.json, report.html and latency.hlog.", DefaultValueFactory = _ => "load-out" };
        public readonly Option<string> Client = new("--client") { Description = "http (HttpClient, any URL) or raw (lean HTTP/1.1 keep-alive, plain http, highest rates).", DefaultValueFactory = _ => "http" };

        public Command Command() => new("http", "Send a bounded open or closed load to a loopback HTTP endpoint and report corrected and raw latencies.")
        {
            Url, Method, BodyFile, Headers, Rate, Ramp, Bursts, Concurrency, Duration, MaxRequests, MaxInFlight, Timeout, Thresholds, Shard, Out, Client,
        };
    }

    private static Command Http()
    {
        var o = new HttpOptions();
        var command = o.Command();
        command.SetAction((parse, ct) => Failure.Guard(() => RunHttpAsync(PlanHttp(parse, o), AnsiConsole.Console, ct)));
        return command;
    }

    private static Command Merge()
    {
        var logs = new Argument<string[]>("logs") { Description = "Interval logs (latency.hlog) or directories searched for them.", Arity = ArgumentArity.OneOrMore };
        var thresholds = new Option<string[]>("--threshold") { Description = "Pass/fail rule over the merged load, e.g. 'p99 <= 50ms'; any breach exits 2." };
        var output = new Option<string>("--out") { Description = "Directory for the merged report.json, report.html and merged.hlog.", DefaultValueFactory = _ => "load-merged" };
        var command = new Command("merge", "Add shards' interval logs into one report, count for count.") { logs, thresholds, output };
        command.SetAction((parse, ct) => Failure.Guard(() =>
            RunMergeAsync(PlanMerge(parse.GetValue(logs) ?? [], parse.GetValue(thresholds) ?? [], parse.GetValue(output)!), AnsiConsole.Console, ct)));
        return command;
    }

    /// <summary>Parses <c>load http</c> arguments into a plan, as the command does; for tests and reuse.</summary>
    internal static LoadHttpPlan PlanHttp(IReadOnlyList<string> args)
    {
        var o = new HttpOptions();
        var parse = o.Command().Parse([.. args]);
        if (parse.Errors.Count > 0) throw new RunFailedException(string.Join(" ", parse.Errors.Select(e => e.Message)));
        return PlanHttp(parse, o);
    }

    private static LoadHttpPlan PlanHttp(ParseResult parse, HttpOptions o)
    {
        // The URL first: nothing else matters if the target is not this machine.
        var text = parse.GetValue(o.Url) ?? "";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            throw new RunFailedException($"--url '{text}' is not an absolute http or https URL; write e.g. --url http://127.0.0.1:5080/api/v1/entries.");
        if (!LoopbackGuard.IsLoopback(url))
            throw new RunFailedException($"--url: {LoopbackGuard.RefusalMessage(url)} Run the system under test on this machine (in Kubernetes: as a sidecar in the driver's pod) and point --url at 127.0.0.1.");

        var method = (parse.GetValue(o.Method) ?? "").Trim().ToUpperInvariant();
        if (method.Length == 0 || !method.All(char.IsAsciiLetter))
            throw new RunFailedException($"--method '{parse.GetValue(o.Method)}' is not an HTTP method; write e.g. --method GET or --method POST.");
        byte[]? body = null;
        if (parse.GetValue(o.BodyFile) is { } bodyFile)
        {
            if (!File.Exists(bodyFile))
                throw new RunFailedException($"--body-file '{bodyFile}' does not exist; give the path of a file whose bytes are the request body.");
            body = File.ReadAllBytes(bodyFile);
        }
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var h in parse.GetValue(o.Headers) ?? [])
            headers.Add(RequestSpec.TryParseHeader(h, out var header, out var headerError) ? header : throw new RunFailedException(headerError));

        var models = new ModelOptions(parse.GetValue(o.Rate), parse.GetValue(o.Ramp), parse.GetValue(o.Bursts), parse.GetValue(o.Concurrency),
            parse.GetValue(o.Duration)!, parse.GetValue(o.MaxRequests), parse.GetValue(o.MaxInFlight));
        if (!models.TryBuild(out var model, out var modelError)) throw new RunFailedException(modelError);
        if (!DurationText.TryParse(parse.GetValue(o.Timeout), "--timeout", out var timeout, out var timeoutError)) throw new RunFailedException(timeoutError);
        if (!Shard.TryParse(parse.GetValue(o.Shard), out var shard, out var shardError)) throw new RunFailedException("--" + shardError);
        if (model is ClosedModel closed && shard.ShareOf(closed.Concurrency) == 0)
            throw new RunFailedException($"--concurrency {closed.Concurrency} leaves shard {shard} without a worker; give at least {shard.Count} workers, one per shard.");

        var client = (parse.GetValue(o.Client) ?? "").Trim().ToLowerInvariant();
        if (client is not ("http" or "raw"))
            throw new RunFailedException($"--client '{parse.GetValue(o.Client)}' is not a client; write --client http (HttpClient, any URL) or --client raw (lean HTTP/1.1, plain http only, for the highest rates).");
        if (client == "raw" && url.Scheme != Uri.UriSchemeHttp)
            throw new RunFailedException($"--client raw speaks plain HTTP/1.1 only; use --client http for the {url.Scheme} URL '{url}'.");

        return new LoadHttpPlan(new RequestSpec(url, method, headers, body), model!, timeout, Thresholds(parse.GetValue(o.Thresholds)), shard,
            parse.GetValue(o.Out)!, client == "raw");
    }

    internal static LoadMergePlan PlanMerge(IReadOnlyList<string> inputs, IReadOnlyList<string> thresholds, string output)
    {
        var logs = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                // Shards each write latency.hlog into their own directory; a merged.hlog from an earlier merge is not a shard.
                var found = Directory.GetFiles(input, ReportFiles.RunLogName, SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0)
                    throw new RunFailedException($"'{input}' holds no {ReportFiles.RunLogName}; give the interval logs written by `simulator load http` or directories holding them.");
                logs.AddRange(found);
            }
            else if (File.Exists(input)) logs.Add(input);
            else throw new RunFailedException($"'{input}' does not exist; give the interval logs written by `simulator load http` ({ReportFiles.RunLogName}) or directories holding them.");
        }
        // The same log named twice (a file and its directory) must not be counted twice.
        return new LoadMergePlan([.. logs.DistinctBy(Path.GetFullPath)], Thresholds(thresholds), output);
    }

    private static List<Threshold> Thresholds(IEnumerable<string>? texts)
    {
        var list = new List<Threshold>();
        foreach (var text in texts ?? [])
        {
            try { list.Add(Threshold.Parse(text)); }
            catch (FormatException e) { throw new RunFailedException($"--threshold {e.Message}"); }
        }
        return list;
    }

    internal static async Task<int> RunHttpAsync(LoadHttpPlan plan, IAnsiConsole console, CancellationToken ct)
    {
        var runner = new LoadRunner(TimeProvider.System, plan.Timeout); // clock-ok: a load driver measures real latency, so it reads the real clock
        var connections = plan.Model switch
        {
            ClosedModel closed => (int)plan.Shard.ShareOf(closed.Concurrency),
            OpenModel open => open.MaxInFlight,
            _ => OpenModel.DefaultMaxInFlight,
        };
        LoadResult result;
        if (plan.RawClient)
        {
            await using var raw = RawHttpTargets.Create(plan.Request, connections);
            result = await runner.RunAsync(plan.Model, plan.Request.Url, (_, t) => raw.SendAsync(t), plan.Shard, ct);
        }
        else
        {
            using var client = HttpTargets.CreateClient(connections);
            var send = HttpTargets.Send(client, plan.Request);
            result = await runner.RunAsync(plan.Model, plan.Request.Url, (_, t) => send(t), plan.Shard, ct);
        }
        var verdict = ThresholdVerdict.Evaluate(result, plan.Thresholds);
        var paths = await ReportFiles.WriteAsync(plan.Out, result, verdict, plan.Shard, ReportFiles.RunLogName, ct);
        Summary(console, $"load http {plan.Request.Method} {plan.Request.Url}{(plan.Shard.IsWhole ? "" : $", shard {plan.Shard}")}", LoadReport.From(result, verdict), paths);
        return verdict.ExitCode;
    }

    internal static async Task<int> RunMergeAsync(LoadMergePlan plan, IAnsiConsole console, CancellationToken ct)
    {
        var shards = new List<LoadResult>();
        foreach (var path in plan.Logs)
        {
            try
            {
                await using var stream = File.OpenRead(path);
                shards.Add(RunLog.Read(stream));
            }
            catch (InvalidDataException e)
            {
                throw new RunFailedException($"'{path}' is not an interval log the driver can merge ({e.Message}); give the {ReportFiles.RunLogName} files written by `simulator load http`.");
            }
        }
        var merged = RunMerge.Merge(shards);
        var verdict = ThresholdVerdict.Evaluate(merged, plan.Thresholds);
        var paths = await ReportFiles.WriteAsync(plan.Out, merged, verdict, Shard.Whole, ReportFiles.MergedLogName, ct);
        Summary(console, $"load merge: {plan.Logs.Count} interval logs", LoadReport.From(merged, verdict), paths);
        return verdict.ExitCode;
    }

    /// <summary>The few lines a person reads after a run; the full story is in report.html.</summary>
    private static void Summary(IAnsiConsole console, string title, LoadReport report, ReportPaths paths)
    {
        var c = CultureInfo.InvariantCulture;
        var t = report.Totals;
        console.WriteLine(title);
        console.WriteLine(string.Create(c, $"{report.Model}: {t.Requests} requests in {report.ElapsedSeconds:0.00} s ({t.RequestsPerSecond:0.0}/s), {t.Errors} errors ({t.ErrorPercent:0.###} %)")
            + (t.ErrorsByKind.Count == 0 ? "" : " " + string.Join(", ", t.ErrorsByKind.Select(e => $"{e.Key} {e.Value}"))));
        var table = new Table().AddColumn("latency ms").AddColumn(new TableColumn("corrected").RightAligned()).AddColumn(new TableColumn("raw").RightAligned());
        foreach (var (name, corrected, raw) in new[]
        {
            ("p50", report.Corrected.P50Ms, report.Raw.P50Ms), ("p90", report.Corrected.P90Ms, report.Raw.P90Ms),
            ("p95", report.Corrected.P95Ms, report.Raw.P95Ms), ("p99", report.Corrected.P99Ms, report.Raw.P99Ms),
            ("p99.9", report.Corrected.P999Ms, report.Raw.P999Ms), ("max", report.Corrected.MaxMs, report.Raw.MaxMs),
        })
            table.AddRow(name, corrected.ToString("0.000", c), raw.ToString("0.000", c));
        console.Write(table);
        foreach (var r in report.Thresholds)
            console.WriteLine(string.Create(c, $"{(r.Passed ? "pass" : "FAIL")}  {r.Expression} (measured {r.Actual:0.###})"));
        console.WriteLine(report.Thresholds.Count == 0 ? "no thresholds" : report.Passed ? "all thresholds held" : $"thresholds breached: exit {report.ExitCode}");
        console.WriteLine($"wrote {paths.Json}, {paths.Html}, {paths.Log}");
    }
}
