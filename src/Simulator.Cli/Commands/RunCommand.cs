using System.CommandLine;
using System.Globalization;
using Scenarios.Catalog;
using Scenarios.Model;
using Simulator.Cli.Output;
using Simulator.Runs;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>simulator run SCENARIO</c>: rehearses the scenario end to end and prints the scorecard. With several
/// profiles (<c>--sut-profile naive,resilient</c>) the runs go side by side, each in its own world.
/// Exit 0 when every SLO is met, 2 when one is breached, 1 when the run could not be done.
/// </summary>
internal static class RunCommand
{
    public const int SloBreachedExitCode = 2;

    public static Command Create()
    {
        var scenarioArg = new Argument<string>("scenario") { Description = "A built-in scenario name (see `simulator scenarios list`) or a scenario file." };
        var profiles = new Option<string[]>("--sut-profile")
        {
            Description = "ReferenceSystem profile(s): naive, resilient, or both comma-separated to compare side by side.",
            AllowMultipleArgumentsPerToken = true,
        };
        var sutUrl = new Option<string?>("--sut-url") { Description = "Run against an external system under test at this loopback URL instead of the built-in one." };
        var speed = new Option<double?>("--speed") { Description = "Virtual seconds per real second (overrides the scenario)." };
        var seed = new Option<int?>("--seed") { Description = "Seed for every random draw of the run (overrides the scenario)." };
        var output = new Option<string?>("--out") { Description = "Directory for report.json and journal.jsonl (default: runs/<scenario>-<time>)." };

        var command = new Command("run", "Rehearse a scenario end to end and print the scorecard.") { scenarioArg, profiles, sutUrl, speed, seed, output };
        command.SetAction((parse, ct) => Failure.Guard(async () =>
        {
            var scenario = ScenarioCatalog.Resolve(parse.GetValue(scenarioArg)!);
            scenario = ApplyOverrides(scenario, parse.GetValue(speed), parse.GetValue(seed));
            var requested = (parse.GetValue(profiles) ?? []).SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            var outDir = parse.GetValue(output) ?? Path.Combine("runs", $"{scenario.Name}-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}"); // clock-ok: names the folder only
            var plans = Plan(scenario, requested, parse.GetValue(sutUrl), outDir);

            Console.WriteLine($"Rehearsing '{scenario.Name}' ({scenario.Title}): {scenario.Duration.TotalHours:0.#} h of virtual time at {scenario.Speed:0.#}x, seed {scenario.Seed}.");
            Console.WriteLine($"System under test: {string.Join(" and ", plans.Select(p => p.Label))}. Expect about {scenario.Duration.TotalSeconds / scenario.Speed:0} s.");
            var results = await Task.WhenAll(plans.Select(p => RunOrchestrator.RunAsync(p.Options, ct)));
            // The exact scenario text beside its results, so a run folder alone is enough to repeat the run.
            var text = ScenarioCatalog.TextOf(scenario);
            foreach (var plan in plans)
                await File.WriteAllTextAsync(Path.Combine(plan.Options.OutputDirectory, "scenario.yaml"), text, CancellationToken.None);

            ScorecardTable.Write(Spectre.Console.AnsiConsole.Console, plans.Select(p => p.Label).ToList(), results.Select(r => r.Report).ToList());
            foreach (var (plan, result) in plans.Zip(results))
            {
                if (result.Report.Run.FidelityWarning is { } warning) Console.WriteLine($"warning ({plan.Label}): {warning}");
                Console.WriteLine($"{plan.Label}: report {result.ReportPath}, journal {result.JournalPath}");
            }
            if (results.Any(r => !r.Completed))
            {
                await Console.Error.WriteLineAsync("error: The run was stopped before the end of the scenario; the reports above cover the virtual time up to that moment and are marked \"outcome\": \"cancelled\".");
                return Failure.ExitCode;
            }
            return results.All(r => r.SlosMet) ? 0 : SloBreachedExitCode;
        }));
        return command;
    }

    private static Scenario ApplyOverrides(Scenario scenario, double? speed, int? seed)
    {
        if (speed is { } s && (!(s > 0) || s > 100_000))
            throw new RunFailedException($"--speed {s} is out of range: give the number of virtual seconds per real second, above 0 and at most 100000.");
        return scenario with { Speed = speed ?? scenario.Speed, Seed = seed ?? scenario.Seed };
    }

    private sealed record RunPlan(string Label, RunOptions Options);

    private static List<RunPlan> Plan(Scenario scenario, List<string> profiles, string? sutUrl, string outDir)
    {
        foreach (var p in profiles.Where(p => !BuiltinSut.Profiles.Contains(p)))
            throw new RunFailedException($"--sut-profile '{p}' is not a ReferenceSystem profile; use {string.Join(" or ", BuiltinSut.Profiles)} (or both, comma-separated).");
        Uri? external = scenario.Sut is ExternalSut e && profiles.Count == 0 ? e.BaseUrl : null;
        if (sutUrl is not null && !Uri.TryCreate(sutUrl, UriKind.Absolute, out external))
            throw new RunFailedException($"--sut-url '{sutUrl}' is not an absolute URL; give one like http://127.0.0.1:5300.");
        if (external is not null)
        {
            SutClient.EnsureLoopback(external, "--sut-url");
            if (profiles.Count > 1)
                throw new RunFailedException("--sut-url runs one external system, so give at most one --sut-profile with it.");
            return [new RunPlan(external.ToString(), new RunOptions
            {
                Scenario = scenario with { Sut = new ExternalSut(external) }, OutputDirectory = outDir, ExternalProfile = profiles.FirstOrDefault(),
            })];
        }
        if (profiles.Count == 0)
            profiles = [scenario.Sut is BuiltinSut b ? b.Profile : "resilient"];
        return [.. profiles.Distinct().Select(p => new RunPlan(p, new RunOptions
        {
            Scenario = scenario with { Sut = new BuiltinSut(p) },
            OutputDirectory = profiles.Count == 1 ? outDir : Path.Combine(outDir, p),
            StartBuiltinSut = BuiltinReferenceSystem.StartAsync,
        }))];
    }
}
