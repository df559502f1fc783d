using Scenarios.Model;

namespace Scenarios.Loading.Faults;

/// <summary>
/// <c>kind: stale</c> with <c>timestamps: fresh | original</c> (default fresh: re-stamped to look current) and
/// <c>interval: 5m</c> (the cadence a fresh stamp keeps to); optional <c>where:</c>. Data vendors only, whole or read.
/// </summary>
internal sealed class StaleFaultParser : IFaultKindParser
{
    public string Kind => "stale";
    public IReadOnlyList<string> Keys { get; } = ["timestamps", "interval", WhereParser.Key];
    internal static readonly IReadOnlyList<string> Stamps = ["fresh", "original"];

    public FaultOptions? Parse(FaultParseContext context)
    {
        var m = context.Map;
        var before = context.Diagnostics.Count;
        FaultTargetRules.DataVendorRead(context, Kind, "freezes what followers read");
        var options = new StaleFaultOptions();
        if (m.Text("timestamps", false, "") is { } text)
        {
            switch (text.Trim())
            {
                case "fresh": break;
                case "original": options = options with { Timestamps = StaleTimestamps.Original }; break;
                default: m.Error("timestamps", Suggest.Unknown("timestamps", text.Trim(), Stamps, "use")); break;
            }
        }
        if (m.Duration("interval", false, "") is { } interval)
        {
            if (options.Timestamps == StaleTimestamps.Original)
                m.Error("interval", "interval sets the cadence of re-stamped readings, so it goes with timestamps: fresh; with original timestamps nothing is re-stamped");
            options = options with { Interval = interval };
        }
        var where = WhereParser.TryParse(m, out var filter);
        return context.Diagnostics.Count != before || !where ? null : FaultOptionReport.Checked(context, options with { Where = filter });
    }
}
