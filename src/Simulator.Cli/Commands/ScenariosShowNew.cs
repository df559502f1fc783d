using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Scenarios.Catalog;
using Scenarios.Loading;
using Scenarios.Model;
using Simulator.Cli.Output;
using Simulator.Runs;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>scenarios show NAME [--yaml]</c> (what a built-in scenario rehearses, or its file) and
/// <c>scenarios new NAME --from ENTRY [--out DIR]</c> (a team's own copy of a catalog entry to edit).
/// </summary>
internal static partial class ScenariosShowNew
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^name:[^\r\n]*", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex NameLine();

    public static Command Show()
    {
        var name = new Argument<string>("name") { Description = "A built-in scenario (see `simulator scenarios list`) or a scenario file." };
        var yaml = new Option<bool>("--yaml") { Description = "Print the scenario file itself." };
        var command = new Command("show", "Describe a scenario: what it rehearses, its source, patients, faults and SLOs.") { name, yaml };
        command.SetAction(parse => Failure.Guard(() =>
        {
            var scenario = ScenarioCatalog.Resolve(parse.GetValue(name)!);
            if (parse.GetValue(yaml))
                Console.Out.Write(ScenarioCatalog.TextOf(scenario));
            else
                Describe(Console.Out, scenario);
            return Task.FromResult(0);
        }));
        return command;
    }

    public static Command New()
    {
        var name = new Argument<string>("name") { Description = "Name of the new scenario (lowercase letters, digits, dashes); the file is NAME.yaml." };
        var from = new Option<string>("--from") { Description = "The catalog entry to start from.", Required = true };
        var output = new Option<string>("--out") { Description = "Folder to write NAME.yaml in (default: the current folder).", DefaultValueFactory = _ => "." };
        var command = new Command("new", "Start a scenario of your own from a catalog entry: a copy to edit (your SUT, patients, faults).") { name, from, output };
        command.SetAction(parse => Failure.Guard(async () =>
        {
            var newName = parse.GetValue(name)!;
            if (!NamePattern().IsMatch(newName))
                throw new RunFailedException($"'{newName}' is not a valid scenario name; use lowercase letters, digits and dashes, starting with a letter or digit, e.g. my-share-outage.");
            var entry = parse.GetValue(from)!;
            var text = ScenarioCatalog.ReadText(ScenarioCatalog.BareName(entry));
            var path = Path.Combine(parse.GetValue(output)!, newName + ".yaml");
            if (File.Exists(path))
                throw new RunFailedException($"'{path}' already exists; choose another name or --out folder, or delete the file first.");
            var copy = $"# Started from the built-in scenario '{entry}' (simulator scenarios show {entry}).\n"
                + NameLine().Replace(text, $"name: {newName}", 1);
            // The copy must load exactly as the entry does, before anything is written.
            ScenarioLoader.LoadText(copy, path);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, copy, CancellationToken.None);
            Console.WriteLine($"wrote {path}: edit it, then `simulator scenarios validate {path}` and `simulator run {path}`.");
            return 0;
        }));
        return command;
    }

    private static void Describe(TextWriter o, Scenario s)
    {
        var c = CultureInfo.InvariantCulture;
        o.WriteLine($"{s.Name}: {s.Title}");
        if (s.Description is { } description) o.WriteLine(description.TrimEnd());
        if (s.Source is { } source) o.WriteLine($"source: {source}");
        o.WriteLine(string.Create(c, $"runs {s.Start:yyyy-MM-dd HH:mm zzz} for {Hours(s.Duration)} at {s.Speed:0.#}x (about {s.Duration.TotalSeconds / s.Speed:0} s), seed {s.Seed}"));
        o.WriteLine($"vendors: {string.Join(", ", s.Vendors)}; system under test: {(s.Sut is BuiltinSut b ? $"reference-system ({b.Profile})" : ((ExternalSut)s.Sut).BaseUrl.ToString())}");
        o.WriteLine(s.Cohort is { } cohort
            ? string.Create(c, $"patients: a cohort of {cohort.Adults + cohort.Adolescents + cohort.Children}")
            : $"patients: {string.Join(", ", s.Patients.Select(p => $"{p.Id} (followed by {string.Join(", ", p.Followers.Select(f => f.Id))})"))}");
        o.WriteLine(string.Create(c, $"faults ({s.Faults.Count}):"));
        foreach (var f in s.Faults)
            o.WriteLine($"  +{Hours(f.At - s.Start)} to +{Hours(f.Until - s.Start)}  {f.Kind} on {f.Target}");
        if (s.Slos.Count > 0)
            o.WriteLine($"SLOs: {string.Join("; ", s.Slos.Select(x => x.Text))}");
    }

    private static string Hours(TimeSpan t) =>
        t.TotalMinutes % 60 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalHours:0}h") : string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}h{t.Minutes:00}m");
}
