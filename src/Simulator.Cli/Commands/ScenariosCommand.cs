using System.CommandLine;
using Scenarios.Catalog;
using Scenarios.Loading;
using Scenarios.Schema;
using Simulator.Cli.Output;
using Spectre.Console;

namespace Simulator.Cli.Commands;

/// <summary><c>simulator scenarios list | show NAME | validate FILE… | new NAME --from ENTRY | schema [--out FILE]</c></summary>
internal static class ScenariosCommand
{
    public static Command Create()
    {
        var list = new Command("list", "List the built-in scenarios.");
        list.SetAction(_ =>
        {
            var table = new Table().AddColumns("name", "title", "source");
            foreach (var entry in ScenarioCatalog.List())
                table.AddRow(Markup.Escape(entry.Name), Markup.Escape(entry.Title), Markup.Escape(entry.Source ?? ""));
            AnsiConsole.Write(table);
            return 0;
        });

        var files = new Argument<string[]>("files") { Description = "Scenario files (or catalog names) to check.", Arity = ArgumentArity.OneOrMore };
        var validate = new Command("validate", "Check scenario files without running them; every problem is listed with its line and column.") { files };
        validate.SetAction(parse => Failure.Guard(() =>
        {
            var failed = 0;
            foreach (var file in parse.GetValue(files)!)
            {
                try
                {
                    var scenario = ScenarioCatalog.Resolve(file);
                    Console.WriteLine($"ok: {file} ({scenario.Name}: {scenario.Patients.Count} patient(s), {scenario.Faults.Count} fault(s), {scenario.Slos.Count} SLO(s))");
                }
                catch (Exception e) when (e is ScenarioValidationException or ScenarioNotFoundException)
                {
                    failed++;
                    Console.Error.WriteLine($"error: {e.Message}");
                }
            }
            return Task.FromResult(failed == 0 ? 0 : Failure.ExitCode);
        }));

        var output = new Option<string?>("--out") { Description = $"Write the schema to this file instead of printing it (the published copy is {ScenarioSchema.PublishedPath})." };
        var schema = new Command("schema", "Print the JSON Schema (draft 2020-12) of scenario files, for editors such as VS Code's YAML extension.") { output };
        schema.SetAction(parse => Failure.Guard(() =>
        {
            var json = ScenarioSchema.ToJson();
            if (parse.GetValue(output) is { Length: > 0 } path)
            {
                var folder = Path.GetDirectoryName(Path.GetFullPath(path));
                if (folder is not null)
                    Directory.CreateDirectory(folder);
                File.WriteAllText(path, json);
                Console.WriteLine($"wrote {path}");
            }
            else
            {
                Console.Out.Write(json);
            }
            return Task.FromResult(0);
        }));

        return new Command("scenarios", "Built-in scenarios and scenario files.") { list, ScenariosShowNew.Show(), validate, ScenariosShowNew.New(), schema };
    }
}
