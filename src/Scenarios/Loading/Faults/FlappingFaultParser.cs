using Scenarios.Model;

namespace Scenarios.Loading.Faults;

/// <summary>
/// <c>kind: flapping</c> with <c>up: 10m</c>, <c>down: 2m</c> (both required), <c>jitter: 30s</c> (default 0s: every
/// phase exactly as long), <c>start: down | up</c> (default down), and how a down phase answers (<c>response</c>,
/// <c>status</c>, as an outage); optional <c>where:</c>.
/// </summary>
internal sealed class FlappingFaultParser : IFaultKindParser
{
    public string Kind => "flapping";
    public IReadOnlyList<string> Keys { get; } = ["up", "down", "jitter", "start", .. OutageResponseParser.Keys, WhereParser.Key];
    internal static readonly IReadOnlyList<string> Starts = ["down", "up"];

    public FaultOptions? Parse(FaultParseContext context)
    {
        var m = context.Map;
        var before = context.Diagnostics.Count;
        var up = m.Duration("up", true, "up: 10m");
        var down = m.Duration("down", true, "down: 2m");
        var jitter = m.Duration("jitter", false, "");
        var start = FlappingStart.Down;
        if (m.Text("start", false, "") is { } text)
        {
            switch (text.Trim())
            {
                case "down": break;
                case "up": start = FlappingStart.Up; break;
                default: m.Error("start", Suggest.Unknown("start", text.Trim(), Starts, "a flapping fault starts")); break;
            }
        }
        var answer = OutageResponseParser.Parse(m);
        var where = WhereParser.TryParse(m, out var filter);
        if (context.Diagnostics.Count != before || up is null || down is null || answer is not { } a || !where)
            return null;
        return FaultOptionReport.Checked(context, new FlappingFaultOptions
        {
            Up = up.Value, Down = down.Value, Jitter = jitter ?? TimeSpan.Zero, StartWith = start,
            Response = a.Response, StatusCode = a.Status, Where = filter,
        });
    }
}
