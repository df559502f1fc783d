using System.Reflection;
using Scenarios.Loading;
using Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace Scenarios.Catalog;

/// <summary>
/// The built-in scenarios, embedded in this assembly as <c>catalog/&lt;name&gt;.yaml</c> (from <c>src/Scenarios/Catalog</c>).
/// </summary>
public static class ScenarioCatalog
{
    private const string Prefix = "catalog/";
    private const string Extension = ".yaml";
    private static readonly Assembly Assembly = typeof(ScenarioCatalog).Assembly;
    private static readonly Lazy<IReadOnlyList<CatalogEntry>> Entries = new(BuildList);

    /// <summary>Every built-in scenario, by name. Reading the list never fails, even if a file is invalid (loading it will say why).</summary>
    public static IReadOnlyList<CatalogEntry> List() => Entries.Value;

    /// <exception cref="ScenarioNotFoundException">No built-in scenario has that name.</exception>
    /// <exception cref="ScenarioValidationException">The built-in file is invalid.</exception>
    public static Scenario Load(string name) => ScenarioLoader.LoadText(ReadText(name), ScenarioOrigins.CatalogPrefix + name);

    /// <summary>The YAML text of a built-in scenario, e.g. to copy and edit.</summary>
    /// <exception cref="ScenarioNotFoundException">No built-in scenario has that name.</exception>
    public static string ReadText(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = TryReadResource(Prefix + name + Extension);
        return text ?? throw new ScenarioNotFoundException(name, Names());
    }

    /// <summary>The exact text a scenario was loaded from: its built-in file, or the file on disk.</summary>
    public static string TextOf(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Origin.StartsWith(ScenarioOrigins.CatalogPrefix, StringComparison.Ordinal)
            ? ReadText(scenario.Origin[ScenarioOrigins.CatalogPrefix.Length..])
            : File.ReadAllText(scenario.Origin);
    }

    /// <summary>A built-in name as given on a command line, with or without its <c>catalog:</c> prefix.</summary>
    public static string BareName(string name) =>
        name.StartsWith(ScenarioOrigins.CatalogPrefix, StringComparison.Ordinal) ? name[ScenarioOrigins.CatalogPrefix.Length..] : name;

    /// <summary>
    /// A path to an existing file, or anything ending in .yaml/.yml, is loaded from disk; anything else is a built-in
    /// name (a <c>catalog:</c> prefix is allowed).
    /// </summary>
    public static Scenario Resolve(string nameOrPath)
    {
        ArgumentNullException.ThrowIfNull(nameOrPath);
        if (nameOrPath.StartsWith(ScenarioOrigins.CatalogPrefix, StringComparison.Ordinal))
            return Load(nameOrPath[ScenarioOrigins.CatalogPrefix.Length..]);
        if (File.Exists(nameOrPath)
            || nameOrPath.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
            || nameOrPath.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            return ScenarioLoader.LoadFile(nameOrPath);
        return Load(nameOrPath);
    }

    private static List<string> Names() => [.. List().Select(e => e.Name)];

    private static string? TryReadResource(string resource)
    {
        using var stream = Assembly.GetManifestResourceStream(resource);
        if (stream is null)
            return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static List<CatalogEntry> BuildList()
    {
        var entries = new List<CatalogEntry>();
        foreach (var resource in Assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(Prefix, StringComparison.Ordinal) || !resource.EndsWith(Extension, StringComparison.Ordinal))
                continue;
            var name = resource[Prefix.Length..^Extension.Length];
            entries.Add(Describe(name, TryReadResource(resource) ?? ""));
        }
        entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return entries;
    }

    /// <summary>Title, source and description from the file's top level, without validating the rest.</summary>
    private static CatalogEntry Describe(string name, string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root)
            {
                string? Scalar(string key) =>
                    root.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value)
                        ? s.Value.Trim()
                        : null;
                return new CatalogEntry(name, Scalar("title") ?? name, Scalar("source"), Scalar("description"));
            }
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or InvalidOperationException or ArgumentException)
        {
            // Listed anyway; Load reports the problem in full.
        }
        return new CatalogEntry(name, name, null, null);
    }
}
