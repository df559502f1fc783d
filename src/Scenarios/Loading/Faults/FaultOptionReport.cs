using Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace Scenarios.Loading.Faults;

/// <summary>
/// Turns an options record's own validation (<see cref="FaultOptions.Validate"/>) into scenario errors at the line of
/// the key each message is about, so a file and code that builds options get the same words.
/// </summary>
internal static class FaultOptionReport
{
    /// <summary>The options when valid; otherwise null, with every problem reported.</summary>
    /// <param name="aliases">Where a key the record validates was written differently, e.g. <c>delay.sigma</c> given as <c>delay.p99</c>.</param>
    public static T? Checked<T>(FaultParseContext context, T options, IReadOnlyDictionary<string, string>? aliases = null) where T : FaultOptions
    {
        var valid = true;
        foreach (var error in options.Validate())
        {
            var key = aliases?.GetValueOrDefault(error.Key) ?? error.Key;
            context.Diagnostics.Add(Locate(context.Map.Node, key), context.Map.Field(key), error.Message);
            valid = false;
        }
        return valid ? options : null;
    }

    /// <summary>The value of a dotted key, or the nearest thing written on the way to it (a key without value, a parent, the fault).</summary>
    private static YamlNode Locate(YamlMappingNode fault, string dotted)
    {
        YamlNode node = fault;
        foreach (var part in dotted.Split('.'))
        {
            if (node is not YamlMappingNode map)
                break;
            var entry = map.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: var k } && k == part);
            if (entry.Key is null)
                break;
            if (Yaml.IsNull(entry.Value))
                return entry.Key;
            node = entry.Value;
        }
        return node;
    }
}
