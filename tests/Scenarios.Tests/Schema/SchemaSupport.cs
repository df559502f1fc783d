using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using NJsonSchema;
using Scenarios.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Scenarios.Tests.Schema;

/// <summary>
/// The published schema, a validator for it, and YAML turned into the JSON an editor's YAML extension validates:
/// plain scalars typed as YAML 1.2 core types them (null, booleans, numbers), quoted scalars always text.
/// </summary>
internal static class SchemaSupport
{
    private static readonly Lazy<JsonSchema> Validator = new(() => JsonSchema.FromJsonAsync(ForValidator(ScenarioSchema.ToJson())).GetAwaiter().GetResult());

    /// <summary>
    /// NJsonSchema resolves references between shared definitions only under their draft-4 name, <c>definitions</c>
    /// (under <c>$defs</c> it resolves one level and then fails). Renaming the container changes nothing else.
    /// </summary>
    private static string ForValidator(string schema)
    {
        var root = JsonNode.Parse(schema)!.AsObject();
        var defs = root["$defs"]!;
        root.Remove("$defs");
        root["definitions"] = defs;
        return root.ToJsonString().Replace("\"#/$defs/", "\"#/definitions/", StringComparison.Ordinal);
    }

    public static string RepoRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));

    public static string PublishedPath => Path.Combine(RepoRoot(), ScenarioSchema.PublishedPath);

    /// <summary>Schema errors for a YAML document (empty when it is valid), one line each with the path.</summary>
    public static IReadOnlyList<string> Errors(string yaml) =>
        [.. Validator.Value.Validate(ToJson(yaml)).SelectMany(Flatten)];

    private static IEnumerable<string> Flatten(NJsonSchema.Validation.ValidationError error)
    {
        yield return $"{error.Kind} at {error.Path}";
        if (error is NJsonSchema.Validation.ChildSchemaValidationError child)
        {
            foreach (var inner in child.Errors.SelectMany(e => e.Value).SelectMany(Flatten))
                yield return "  " + inner;
        }
    }

    public static string ToJson(string yaml)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(yaml))
            stream.Load(reader);
        var node = stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
        return node?.ToJsonString() ?? "null";
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c =>
            KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", Convert(c.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(Convert)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new NotSupportedException($"YAML node {node.GetType().Name}"),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
            return JsonValue.Create(text);
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
            return JsonValue.Create(whole);
        if (System.Text.RegularExpressions.Regex.IsMatch(text, @"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return JsonValue.Create(number);
        return JsonValue.Create(text);
    }
}
