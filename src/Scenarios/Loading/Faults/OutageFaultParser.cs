using System.Globalization;
using Scenarios.Model;

namespace Scenarios.Loading.Faults;

/// <summary><c>kind: outage</c> with <c>response: 503 | reset | timeout</c> (default 503) and <c>ratio: 0.7</c> (default 1).</summary>
internal sealed class OutageFaultParser : IFaultKindParser
{
    public string Kind => "outage";
    public IReadOnlyList<string> Keys { get; } = ["response", "ratio"];

    public FaultOptions? Parse(FaultParseContext context)
    {
        var m = context.Map;
        var before = context.Diagnostics.Count;
        var options = new OutageFaultOptions();

        var response = m.Text("response", false, "");
        if (response is not null)
        {
            var r = response.Trim();
            if (r == "reset")
                options = options with { Response = OutageResponse.Reset };
            else if (r == "timeout")
                options = options with { Response = OutageResponse.Timeout };
            else if (!int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var status))
                m.Error("response", Suggest.Closest(r, ["reset", "timeout"]) is { } meant
                    ? $"unknown response '{Yaml.Show(r)}' (did you mean '{meant}'?)"
                    : $"'{Yaml.Show(r)}' is not an outage response; use an HTTP status 400..599 (e.g. 503), reset, or timeout");
            else if (status is < 400 or > 599)
                m.Error("response", $"{status} is not an error status; use an HTTP status 400..599 (e.g. 503), reset, or timeout");
            else
                options = options with { Response = OutageResponse.Status, StatusCode = status };
        }

        var ratio = m.Number("ratio", false, "");
        if (ratio is { } q)
        {
            if (q is <= 0 or > 1)
                m.Error("ratio", $"ratio is the share of requests that fail, so it must be more than 0 and at most 1, not {q.ToString(CultureInfo.InvariantCulture)}");
            else
                options = options with { Ratio = q };
        }
        return context.Diagnostics.Count == before ? options : null;
    }
}
