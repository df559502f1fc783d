using Scenarios.Catalog;
using Scenarios.Loading;

namespace Scenarios.Tests.Catalog;

public class ScenarioCatalogTests
{
    public static TheoryData<string> BuiltInNames()
    {
        var data = new TheoryData<string>();
        foreach (var entry in ScenarioCatalog.List())
            data.Add(entry.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(BuiltInNames))]
    public void Every_built_in_scenario_loads_without_errors(string name)
    {
        var scenario = ScenarioCatalog.Load(name);

        Assert.Equal(name, scenario.Name);
        Assert.Equal($"catalog:{name}", scenario.Origin);
        Assert.NotEmpty(scenario.Patients);
    }

    [Theory]
    [MemberData(nameof(BuiltInNames))]
    public void List_entry_agrees_with_the_loaded_scenario(string name)
    {
        var entry = Assert.Single(ScenarioCatalog.List(), e => e.Name == name);
        var scenario = ScenarioCatalog.Load(name);

        Assert.Equal(scenario.Title, entry.Title);
        Assert.Equal(scenario.Source, entry.Source);
        Assert.Equal(scenario.Description, entry.Description);
    }

    [Theory]
    [MemberData(nameof(BuiltInNames))]
    public void Read_text_returns_the_yaml_the_scenario_is_loaded_from(string name)
    {
        var text = ScenarioCatalog.ReadText(name);

        Assert.Equal(ScenarioCatalog.Load(name).Title, ScenarioLoader.LoadText(text, "copy.yaml").Title);
    }

    [Fact]
    public void List_is_sorted_by_name_without_duplicates()
    {
        var names = ScenarioCatalog.List().Select(e => e.Name).ToList();

        Assert.NotEmpty(names);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(names.Distinct(StringComparer.Ordinal), names);
    }

    [Fact]
    public void Unknown_name_lists_the_built_in_scenarios()
    {
        var available = string.Join(", ", ScenarioCatalog.List().Select(e => e.Name));

        var e = Assert.Throws<ScenarioNotFoundException>(() => ScenarioCatalog.Load("no-such-scenario"));

        Assert.Equal(
            $"There is no built-in scenario named 'no-such-scenario'. Give a path to a .yaml file or one of the built-in names (available: {available}).",
            e.Message);
        Assert.Equal("no-such-scenario", e.Name);
    }

    [Fact]
    public void Misspelt_name_gets_a_suggestion()
    {
        var name = ScenarioCatalog.List()[0].Name;
        var misspelt = name[..^1];

        var e = Assert.Throws<ScenarioNotFoundException>(() => ScenarioCatalog.ReadText(misspelt));

        Assert.Contains($"Did you mean '{name}'?", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_loads_a_built_in_name_with_or_without_the_catalog_prefix()
    {
        var name = ScenarioCatalog.List()[0].Name;

        Assert.Equal($"catalog:{name}", ScenarioCatalog.Resolve(name).Origin);
        Assert.Equal($"catalog:{name}", ScenarioCatalog.Resolve($"catalog:{name}").Origin);
    }

    [Fact]
    public void Resolve_loads_an_existing_file_even_without_a_yaml_extension()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}");
        File.WriteAllText(path, ScenarioCatalog.ReadText(ScenarioCatalog.List()[0].Name));
        try
        {
            Assert.Equal(path, ScenarioCatalog.Resolve(path).Origin);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Resolve_treats_a_missing_yaml_path_as_a_file_and_reports_it_missing()
    {
        var e = Assert.Throws<ScenarioValidationException>(() => ScenarioCatalog.Resolve("does-not-exist.yml"));

        Assert.StartsWith("file not found", Assert.Single(e.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_treats_anything_else_as_a_built_in_name()
    {
        Assert.Throws<ScenarioNotFoundException>(() => ScenarioCatalog.Resolve("does-not-exist"));
    }
}
