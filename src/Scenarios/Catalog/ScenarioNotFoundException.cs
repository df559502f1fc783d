namespace Scenarios.Catalog;

/// <summary>No built-in scenario has the requested name. The message lists the ones that exist.</summary>
public sealed class ScenarioNotFoundException : Exception
{
    public ScenarioNotFoundException(string name, IReadOnlyList<string> available)
        : base(Compose(name, available))
    {
        Name = name;
        Available = available;
    }

    public string Name { get; }
    public IReadOnlyList<string> Available { get; }

    private static string Compose(string name, IReadOnlyList<string> available)
    {
        ArgumentNullException.ThrowIfNull(available);
        var closest = Loading.Suggest.Closest(name, available);
        var hint = closest is null ? "" : $" Did you mean '{closest}'?";
        var list = available.Count == 0 ? "there are none" : $"available: {string.Join(", ", available)}";
        return $"There is no built-in scenario named '{Loading.Yaml.Show(name)}'.{hint} Give a path to a .yaml file or one of the built-in names ({list}).";
    }
}
