using YamlDotNet.RepresentationModel;

namespace Scenarios.Loading;

/// <summary>
/// Reads one YAML mapping: finds keys, reports missing required ones (at the mapping) and unknown ones (at the key,
/// with a did-you-mean), and converts values while recording every problem in <see cref="Diagnostics"/>.
/// </summary>
internal sealed class MapReader
{
    private readonly Dictionary<string, KeyValuePair<YamlScalarNode, YamlNode>> _entries = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<YamlScalarNode, YamlNode>> _ordered = [];
    private readonly Dictionary<string, ScenarioError> _missing = new(StringComparer.Ordinal);
    private readonly HashSet<string> _suggested = new(StringComparer.Ordinal);

    public MapReader(YamlMappingNode node, string path, Diagnostics diagnostics)
    {
        Node = node;
        Path = path;
        Diagnostics = diagnostics;
        foreach (var (key, value) in node.Children)
        {
            if (key is not YamlScalarNode scalar || Yaml.IsNull(scalar))
            {
                diagnostics.Add(key, path, $"keys must be plain names, found {Yaml.Describe(key)}");
                continue;
            }
            var entry = new KeyValuePair<YamlScalarNode, YamlNode>(scalar, value);
            _entries.TryAdd(scalar.Value ?? "", entry);
            _ordered.Add(entry);
        }
    }

    public YamlMappingNode Node { get; }
    public string Path { get; }
    public Diagnostics Diagnostics { get; }

    public IEnumerable<KeyValuePair<YamlScalarNode, YamlNode>> Entries => _ordered;

    public string Field(string key) => Yaml.Join(Path, key);

    /// <summary>True when the key is present with a value (an explicit null counts as absent).</summary>
    public bool Has(string key) => _entries.TryGetValue(key, out var e) && !Yaml.IsNull(e.Value);

    public YamlScalarNode? KeyNode(string key) => _entries.TryGetValue(key, out var e) ? e.Key : null;

    /// <summary>The value node, or null when the key is absent or has no value.</summary>
    public YamlNode? Optional(string key) => _entries.TryGetValue(key, out var e) && !Yaml.IsNull(e.Value) ? e.Value : null;

    /// <param name="example">How to write the key, e.g. <c>title: Dexcom Share outage</c>.</param>
    public YamlNode? Required(string key, string example)
    {
        if (!_entries.TryGetValue(key, out var e))
        {
            // A misspelling of this key was already reported with "did you mean"; saying it is missing adds nothing.
            if (!_suggested.Contains(key))
                _missing[key] = Diagnostics.Add(Node, Field(key), $"missing required key '{key}'; add e.g. {example}");
            return null;
        }
        if (Yaml.IsNull(e.Value))
        {
            Diagnostics.Add(e.Key, Field(key), $"'{key}' has no value; write e.g. {example}");
            return null;
        }
        return e.Value;
    }

    /// <summary>
    /// Reports every key not in <paramref name="allowed"/>. <paramref name="elsewhere"/> may explain a key that belongs
    /// somewhere else (e.g. an option of another fault kind) instead of the generic did-you-mean.
    /// </summary>
    public void CheckKeys(IReadOnlyList<string> allowed, Func<string, string?>? elsewhere = null)
    {
        foreach (var (key, _) in _ordered)
        {
            var name = key.Value ?? "";
            if (allowed.Contains(name, StringComparer.Ordinal))
                continue;
            var explanation = elsewhere?.Invoke(name);
            Diagnostics.Add(key, Field(name), explanation ?? Suggest.Unknown("key", name, allowed, "allowed keys here"));
            if (explanation is null && Suggest.Closest(name, allowed) is { } meant && !_entries.ContainsKey(meant))
            {
                _suggested.Add(meant);
                if (_missing.Remove(meant, out var missing))
                    Diagnostics.Remove(missing);
            }
        }
    }

    public string? Text(string key, bool required, string example)
    {
        var node = required ? Required(key, example) : Optional(key);
        return node is null ? null : Yaml.Text(node, Field(key), Diagnostics);
    }

    public TimeSpan? Duration(string key, bool required, string example)
    {
        var node = required ? Required(key, example) : Optional(key);
        return node is null ? null : Yaml.Duration(node, Field(key), Diagnostics);
    }

    public double? Number(string key, bool required, string example)
    {
        var node = required ? Required(key, example) : Optional(key);
        return node is null ? null : Yaml.Number(node, Field(key), Diagnostics);
    }

    public bool? Bool(string key)
    {
        var node = Optional(key);
        return node is null ? null : Yaml.Bool(node, Field(key), Diagnostics);
    }

    public TimeRef? Time(string key, bool required, string example)
    {
        var node = required ? Required(key, example) : Optional(key);
        return node is null ? null : Yaml.Time(node, Field(key), Diagnostics);
    }

    /// <summary>Reports <paramref name="message"/> at the key's value (or at the mapping if the key is absent).</summary>
    public void Error(string key, string message) =>
        Diagnostics.Add(Optional(key) ?? (YamlNode?)KeyNode(key) ?? Node, Field(key), message);
}
