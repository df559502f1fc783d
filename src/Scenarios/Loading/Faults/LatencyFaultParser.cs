using Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace Scenarios.Loading.Faults;

/// <summary><c>kind: latency</c> with <c>delay: 30s</c> (fixed) or <c>delay: { min: 5s, max: 2m }</c> (uniform).</summary>
internal sealed class LatencyFaultParser : IFaultKindParser
{
    public string Kind => "latency";
    public IReadOnlyList<string> Keys { get; } = ["delay"];
    public static readonly IReadOnlyList<string> RangeKeys = ["min", "max"];

    public FaultOptions? Parse(FaultParseContext context)
    {
        var m = context.Map;
        var d = context.Diagnostics;
        var node = m.Required("delay", "delay: 30s or delay: { min: 5s, max: 2m }");
        if (node is null)
            return null;
        var field = m.Field("delay");

        if (node is YamlMappingNode map)
        {
            var range = new MapReader(map, field, d);
            range.CheckKeys(RangeKeys);
            var before = d.Count;
            var min = range.Duration("min", true, "min: 5s");
            var max = range.Duration("max", true, "max: 2m");
            if (d.Count != before || min is null || max is null)
                return null;
            if (min >= max)
            {
                range.Error("max", $"max ({HumanDuration.Format(max.Value)}) must be longer than min ({HumanDuration.Format(min.Value)}); for a fixed delay write delay: {HumanDuration.Format(min.Value)}");
                return null;
            }
            return new LatencyFaultOptions { Distribution = LatencyDistribution.Uniform, Delay = min.Value, MaxDelay = max.Value };
        }

        if (node is not YamlScalarNode)
        {
            d.Add(node, field, $"expected a duration such as 30s or a range such as {{ min: 5s, max: 2m }}, found {Yaml.Describe(node)}");
            return null;
        }
        var delay = Yaml.Duration(node, field, d);
        if (delay is null)
            return null;
        if (delay <= TimeSpan.Zero)
        {
            d.Add(node, field, "a latency fault needs a delay longer than 0, e.g. delay: 30s");
            return null;
        }
        return new LatencyFaultOptions { Distribution = LatencyDistribution.Fixed, Delay = delay.Value, MaxDelay = delay.Value };
    }
}
