using Scenarios.Model;

namespace Scenarios.Loading.Faults;

/// <summary>
/// <c>kind: outage</c> with <c>response: 503 | reset | timeout | empty | malformed</c> (default 503), <c>status:</c> for an
/// empty or malformed answer (default 200), <c>ratio: 0.7</c> (default 1) and an optional <c>where:</c> filter.
/// </summary>
internal sealed class OutageFaultParser : IFaultKindParser
{
    public string Kind => "outage";
    public IReadOnlyList<string> Keys { get; } = [.. OutageResponseParser.Keys, "ratio", WhereParser.Key];

    public FaultOptions? Parse(FaultParseContext context)
    {
        var m = context.Map;
        var before = context.Diagnostics.Count;
        var answer = OutageResponseParser.Parse(m);
        var ratio = m.Number("ratio", false, "");
        var where = WhereParser.TryParse(m, out var filter);
        if (context.Diagnostics.Count != before || answer is not { } a || !where)
            return null;
        return FaultOptionReport.Checked(context, new OutageFaultOptions
        {
            Response = a.Response, StatusCode = a.Status, Ratio = ratio ?? 1.0, Where = filter,
        });
    }
}
