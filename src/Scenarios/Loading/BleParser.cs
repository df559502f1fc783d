using System.Globalization;
using System.Text.RegularExpressions;
using Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace Scenarios.Loading;

/// <summary>
/// <c>ble: { transmitter: g6, id: 8G1234, window: 15s, radio: { missed-windows: 0.02, packet-loss: 0.01,
/// out-of-range: [{ at: 3h, for: 45m }] } }</c>
/// </summary>
internal static partial class BleParser
{
    public static readonly IReadOnlyList<string> Keys = ["transmitter", "id", "window", "radio"];
    public static readonly IReadOnlyList<string> RadioKeys = ["missed-windows", "packet-loss", "out-of-range"];
    public static readonly IReadOnlyList<string> SpanKeys = ["at", "for"];
    public static readonly TimeSpan MinWindow = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan MaxWindow = TimeSpan.FromSeconds(60);

    [GeneratedRegex("^[0-9A-Z]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    public static BleSpec? Parse(YamlNode node, string path, ParseContext ctx)
    {
        var d = ctx.Diagnostics;
        var map = Yaml.Map(node, path, d, "{ transmitter: g6 }");
        if (map is null)
            return null;
        var before = d.Count;
        var m = new MapReader(map, path, d);
        m.CheckKeys(Keys);
        var transmitter = m.Text("transmitter", true, "transmitter: g6");
        if (transmitter is not null && !BleSpec.Transmitters.Contains(transmitter, StringComparer.Ordinal))
            m.Error("transmitter", Suggest.Unknown("transmitter", transmitter, BleSpec.Transmitters, "known transmitters"));
        var id = m.Text("id", false, "");
        if (id is not null && !IdPattern().IsMatch(id))
            m.Error("id", $"'{Yaml.Show(id)}' is not a transmitter id; write the 6 characters printed on the transmitter, digits and capital letters, e.g. 8G1234");
        var window = m.Duration("window", false, "") ?? TimeSpan.FromSeconds(15);
        if (window < MinWindow || window > MaxWindow)
            m.Error("window", $"a connection window of {HumanDuration.Format(window)} is outside 2s..60s; real transmitters stay connectable for seconds (default 15s)");
        var radioNode = m.Optional("radio");
        var radio = radioNode is null ? new RadioSpec() : ParseRadio(radioNode, m.Field("radio"), ctx);
        return d.Count == before && transmitter is not null && radio is not null
            ? new BleSpec { Transmitter = transmitter, Id = id, Window = window, Radio = radio }
            : null;
    }

    private static RadioSpec? ParseRadio(YamlNode node, string path, ParseContext ctx)
    {
        var d = ctx.Diagnostics;
        var map = Yaml.Map(node, path, d, "{ out-of-range: [{ at: 3h, for: 45m }] }");
        if (map is null)
            return null;
        var m = new MapReader(map, path, d);
        m.CheckKeys(RadioKeys);
        var missed = Ratio(m, "missed-windows");
        var loss = Ratio(m, "packet-loss");
        var spans = Spans(m, ctx);
        return spans is null ? null : new RadioSpec { MissedWindows = missed, PacketLoss = loss, OutOfRange = spans };
    }

    private static double Ratio(MapReader m, string key)
    {
        if (m.Number(key, false, "") is not { } r)
            return 0;
        if (r < 0 || r > 1)
            m.Error(key, $"{r.ToString(CultureInfo.InvariantCulture)} is not a share; write a number from 0 to 1, e.g. 0.02 for 2 %");
        return r;
    }

    private static List<OutOfRangeSpan>? Spans(MapReader m, ParseContext ctx)
    {
        var node = m.Optional("out-of-range");
        if (node is null)
            return [];
        var field = m.Field("out-of-range");
        var list = Yaml.List(node, field, m.Diagnostics, "[{ at: 3h, for: 45m }]");
        if (list is null)
            return null;
        var spans = new List<(OutOfRangeSpan Span, YamlNode Node, string Field)>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var itemField = $"{field}[{i}]";
            var map = Yaml.Map(list.Children[i], itemField, m.Diagnostics, "{ at: 3h, for: 45m }");
            if (map is null)
                continue;
            var r = new MapReader(map, itemField, m.Diagnostics);
            r.CheckKeys(SpanKeys);
            var at = r.Time("at", true, "at: 3h");
            var length = r.Duration("for", true, "for: 45m");
            if (at is null || ctx.OffsetOf(at.Value) is not { } offset || length is not { } l)
                continue;
            if (l <= TimeSpan.Zero)
                r.Error("for", "the phone must be out of range for longer than 0; write e.g. for: 45m");
            else if (offset < TimeSpan.Zero || (ctx.Duration is { } duration && offset >= duration))
                r.Error("at", $"this is outside {ctx.RunWindow()}; give a time within the run");
            else
                spans.Add((new OutOfRangeSpan(offset, l), map, itemField));
        }
        var ordered = spans.OrderBy(s => s.Span.Offset).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var (previous, current) = (ordered[i - 1].Span, ordered[i].Span);
            if (current.Offset < previous.Offset + previous.Duration)
                m.Diagnostics.Add(ordered[i].Node, ordered[i].Field, $"this span overlaps the one starting {HumanDuration.Format(previous.Offset)} after the start; merge them into one");
        }
        return [.. ordered.Select(s => s.Span)];
    }
}
