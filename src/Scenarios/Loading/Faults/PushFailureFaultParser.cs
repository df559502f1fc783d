using Scenarios.Model;

namespace Scenarios.Loading.Faults;

/// <summary>
/// <c>kind: push-failure</c> with <c>mode: drop | fail</c> (default drop: accepted, never delivered), for fail how it is
/// refused (<c>response</c>, <c>status</c>, as an outage), <c>ratio</c> of messages affected (default 1) and an
/// optional <c>where:</c> (e.g. <c>platforms: [ios]</c>). Push vendors only.
/// </summary>
internal sealed class PushFailureFaultParser : IFaultKindParser
{
    public string Kind => "push-failure";
    public IReadOnlyList<string> Keys { get; } = ["mode", .. OutageResponseParser.Keys, "ratio", WhereParser.Key];
    internal static readonly IReadOnlyList<string> Modes = ["drop", "fail"];

    public FaultOptions? Parse(FaultParseContext context)
    {
        var m = context.Map;
        var before = context.Diagnostics.Count;
        FaultTargetRules.PushVendor(context, Kind, "for a data vendor use outage");
        var mode = PushFailureMode.Drop;
        if (m.Text("mode", false, "") is { } text)
        {
            switch (text.Trim())
            {
                case "drop": break;
                case "fail": mode = PushFailureMode.Fail; break;
                default: m.Error("mode", Suggest.Unknown("push-failure mode", text.Trim(), Modes, "modes are")); break;
            }
        }
        if (mode == PushFailureMode.Drop)
        {
            foreach (var key in OutageResponseParser.Keys.Where(k => m.KeyNode(k) is not null))
                m.Error(key, $"{key} says how a refused push is answered, so it goes with mode: fail; a dropped push is answered like a delivered one");
        }
        var answer = mode == PushFailureMode.Fail ? OutageResponseParser.Parse(m) : (Response: OutageResponse.Status, Status: 503);
        var ratio = m.Number("ratio", false, "");
        var where = WhereParser.TryParse(m, out var filter);
        if (context.Diagnostics.Count != before || answer is not { } a || !where)
            return null;
        return FaultOptionReport.Checked(context, new PushFailureFaultOptions
        {
            Mode = mode, Response = a.Response, StatusCode = a.Status, Ratio = ratio ?? 1.0, Where = filter,
        });
    }
}
