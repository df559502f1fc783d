using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Scenarios.Loading;

/// <summary>Collects every problem found while reading a scenario, so all of them are reported together.</summary>
internal sealed class Diagnostics(string origin)
{
    private readonly List<ScenarioError> _errors = [];

    public string Origin { get; } = origin;
    public int Count => _errors.Count;
    public bool HasErrors => _errors.Count > 0;

    public ScenarioError Add(YamlNode node, string field, string message) => Add(node.Start, field, message);

    public ScenarioError Add(Mark mark, string field, string message)
    {
        var error = new ScenarioError(Origin, (int)mark.Line, (int)mark.Column, field, message);
        _errors.Add(error);
        return error;
    }

    /// <summary>Withdraws an error another one makes redundant (a "missing key" explained by a misspelt key).</summary>
    public void Remove(ScenarioError error) => _errors.Remove(error);

    public void AddFileLevel(string message) => _errors.Add(new ScenarioError(Origin, 0, 0, "", message));

    /// <summary>Errors in file order (stable for errors at the same position).</summary>
    public IReadOnlyList<ScenarioError> Sorted() => [.. _errors.OrderBy(e => e.Line).ThenBy(e => e.Column)];
}
