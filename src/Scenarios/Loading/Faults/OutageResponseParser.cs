using System.Globalization;
using Scenarios.Model;

namespace Scenarios.Loading.Faults;

/// <summary>
/// <c>response: 503 | reset | timeout | empty | malformed</c> and, for an empty or malformed answer, <c>status: 200</c>
/// (its default). Shared by every kind that answers like an outage.
/// </summary>
internal static class OutageResponseParser
{
    public static readonly IReadOnlyList<string> Keys = ["response", "status"];
    internal static readonly string[] Words = ["reset", "timeout", "empty", "malformed"];
    public const string Choices = "an HTTP status 400..599 (e.g. 503), reset, timeout, empty or malformed";

    /// <summary>The answer, or null when something was reported. Without a response key: 503.</summary>
    public static (OutageResponse Response, int Status)? Parse(MapReader m)
    {
        var before = m.Diagnostics.Count;
        var answer = (Response: OutageResponse.Status, Status: 503);
        var text = m.Text("response", false, "");
        if (text is not null)
        {
            var r = text.Trim();
            switch (r)
            {
                case "reset": answer = (OutageResponse.Reset, 503); break;
                case "timeout": answer = (OutageResponse.Timeout, 503); break;
                case "empty": answer = (OutageResponse.Empty, 200); break;
                case "malformed": answer = (OutageResponse.Malformed, 200); break;
                default:
                    if (int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var status))
                        answer = (OutageResponse.Status, status);
                    else
                        m.Error("response", Suggest.Closest(r, Words) is { } meant
                            ? $"unknown response '{Yaml.Show(r)}' (did you mean '{meant}'?)"
                            : $"'{Yaml.Show(r)}' is not an outage response; use {Choices}");
                    break;
            }
        }
        if (m.Optional("status") is not null)
        {
            if (answer.Response is not (OutageResponse.Empty or OutageResponse.Malformed))
                m.Error("status", "status sets the status of an empty or malformed answer (response: empty or malformed); for an error status write it as the response, e.g. response: 500");
            else if (m.Number("status", false, "") is { } n)
            {
                if (n != Math.Floor(n) || n is < 0 or > 999)
                    m.Error("status", $"'{n.ToString(CultureInfo.InvariantCulture)}' is not an HTTP status; write a whole number such as status: 500");
                else
                    answer.Status = (int)n;
            }
        }
        return m.Diagnostics.Count == before ? answer : null;
    }
}
