using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Scenarios.Loading;

/// <summary>Small helpers over YamlDotNet's representation model (which keeps line/column of every node).</summary>
internal static class Yaml
{
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>What the node is, for "expected X, found Y" messages.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when IsNull(s) => "nothing",
        YamlScalarNode s => $"'{Show(s.Value)}'",
        _ => "something else",
    };

    /// <summary>A user value made safe for a one-paragraph message: one line, at most 60 characters.</summary>
    public static string Show(string? value)
    {
        var s = (value ?? "").ReplaceLineEndings(" ").Replace('\t', ' ');
        return s.Length <= 60 ? s : string.Concat(s.AsSpan(0, 57), "...");
    }

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    public static string? Text(YamlNode node, string field, Diagnostics d, string expected = "text")
    {
        if (node is YamlScalarNode scalar && !IsNull(scalar))
            return scalar.Value ?? "";
        d.Add(node, field, $"expected {expected}, found {Describe(node)}");
        return null;
    }

    public static YamlMappingNode? Map(YamlNode node, string field, Diagnostics d, string example)
    {
        if (node is YamlMappingNode map)
            return map;
        d.Add(node, field, $"expected a mapping of keys, e.g. {example}, found {Describe(node)}");
        return null;
    }

    public static YamlSequenceNode? List(YamlNode node, string field, Diagnostics d, string example)
    {
        if (node is YamlSequenceNode list)
            return list;
        d.Add(node, field, $"expected a list, e.g. {example}, found {Describe(node)}");
        return null;
    }

    public static TimeSpan? Duration(YamlNode node, string field, Diagnostics d)
    {
        var text = Text(node, field, d, "a duration such as 20m");
        if (text is null)
            return null;
        if (HumanDuration.TryParse(text, out var value, out var error))
            return value;
        d.Add(node, field, error);
        return null;
    }

    public static TimeRef? Time(YamlNode node, string field, Diagnostics d)
    {
        var text = Text(node, field, d, $"an instant such as {TimeValues.InstantExample} or an offset such as 3h");
        if (text is null)
            return null;
        if (TimeValues.TryParseTimeRef(text, out var value, out var error))
            return value;
        d.Add(node, field, error);
        return null;
    }

    public static bool? Bool(YamlNode node, string field, Diagnostics d)
    {
        var text = Text(node, field, d, "true or false");
        if (text is null)
            return null;
        switch (text.Trim())
        {
            case "true" or "True" or "TRUE" or "yes" or "on":
                return true;
            case "false" or "False" or "FALSE" or "no" or "off":
                return false;
            default:
                d.Add(node, field, $"'{Show(text)}' is not true or false");
                return null;
        }
    }

    public static double? Number(YamlNode node, string field, Diagnostics d)
    {
        var text = Text(node, field, d, "a number");
        if (text is null)
            return null;
        if (TimeValues.TryParseNumber(text, out var value))
            return value;
        d.Add(node, field, $"'{Show(text)}' is not a number");
        return null;
    }
}
