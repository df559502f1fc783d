using System.Text.Json.Nodes;

namespace Scenarios.Schema;

/// <summary>
/// Small builders for JSON Schema nodes. Every call returns a new node (a <see cref="JsonNode"/> has one parent, so
/// nothing is shared). Only keywords every mainstream validator and editor understands are used: no <c>const</c>,
/// <c>propertyNames</c> or <c>if</c>/<c>then</c> (an <c>enum</c> of one value, <c>patternProperties</c> and
/// <c>anyOf</c>/<c>oneOf</c> say the same).
/// </summary>
internal static class SchemaNodes
{
    public static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode?)JsonValue.Create(v))];

    public static JsonObject Ref(string def, string description) =>
        new() { ["$ref"] = $"#/$defs/{def}", ["description"] = description };

    public static JsonObject Enum(IEnumerable<string> values, string description) =>
        new() { ["description"] = description, ["type"] = "string", ["enum"] = Strings(values) };

    public static JsonObject Number(string description, double? minimum = null, double? maximum = null)
    {
        var node = new JsonObject { ["description"] = description, ["type"] = "number" };
        if (minimum is { } min)
            node["minimum"] = min;
        if (maximum is { } max)
            node["maximum"] = max;
        return node;
    }

    public static JsonObject Integer(string description, long? minimum = null, long? maximum = null)
    {
        var node = new JsonObject { ["description"] = description, ["type"] = "integer" };
        if (minimum is { } min)
            node["minimum"] = min;
        if (maximum is { } max)
            node["maximum"] = max;
        return node;
    }

    /// <summary>A string matching <paramref name="pattern"/>, or (when the YAML scalar reads as a number) an integer.</summary>
    public static JsonObject Pattern(string pattern, string description, bool integerToo = false) => new()
    {
        ["description"] = description,
        ["type"] = integerToo ? new JsonArray("string", "integer") : "string",
        ["pattern"] = pattern,
    };

    public static JsonObject List(JsonObject items, string description, int minItems = 0, bool unique = false)
    {
        var node = new JsonObject { ["description"] = description, ["type"] = "array" };
        if (minItems > 0)
            node["minItems"] = minItems;
        if (unique)
            node["uniqueItems"] = true;
        node["items"] = items;
        return node;
    }

    public static JsonObject AnyOf(string description, params JsonObject[] choices) =>
        new() { ["description"] = description, ["anyOf"] = new JsonArray(choices) };

    public static JsonArray Required(params string[] keys) => Strings(keys);

    /// <summary>Sets <paramref name="keyword"/> on <paramref name="node"/> and returns it.</summary>
    public static JsonObject With(this JsonObject node, string keyword, JsonNode value)
    {
        node[keyword] = value;
        return node;
    }

    /// <summary>
    /// A mapping whose keys are exactly <paramref name="keys"/> (the parser's own list, in its order): unknown keys are
    /// rejected, as the parser rejects them. A key <paramref name="property"/> has no schema for gets an empty one
    /// (anything), so a key added to a parser still appears and the schema tests point at it.
    /// </summary>
    public static JsonObject Mapping(
        string description, IEnumerable<string> keys, Func<string, JsonObject?> property, IEnumerable<string>? required = null, string? title = null)
    {
        var node = new JsonObject();
        if (title is not null)
            node["title"] = title;
        node["description"] = description;
        node["type"] = "object";
        node["additionalProperties"] = false;
        var requiredKeys = required?.ToList() ?? [];
        if (requiredKeys.Count > 0)
            node["required"] = Strings(requiredKeys);
        node["properties"] = Properties(keys, property);
        return node;
    }

    public static JsonObject Properties(IEnumerable<string> keys, Func<string, JsonObject?> property)
    {
        var properties = new JsonObject();
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
            properties[key] = property(key) ?? new JsonObject();
        return properties;
    }

    public static Func<string, JsonObject?> From(IReadOnlyDictionary<string, Func<JsonObject>> specs) =>
        key => specs.TryGetValue(key, out var make) ? make() : null;
}
