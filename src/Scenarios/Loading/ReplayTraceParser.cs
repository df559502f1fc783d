using Scenarios.Model;

namespace Scenarios.Loading;

/// <summary><c>trace: { source: replay, file: traces/night.csv, format: clarity, time-zone: America/New_York }</c></summary>
internal static class ReplayTraceParser
{
    public static readonly IReadOnlyList<string> Keys = ["source", "file", "format", "time-zone"];
    public static readonly IReadOnlyList<string> Formats = ["clarity", "nightscout"];

    public static ReplayTraceSpec? Parse(MapReader m, ParseContext ctx)
    {
        var d = m.Diagnostics;
        var before = d.Count;
        m.CheckKeys(Keys);
        var file = m.Text("file", true, "file: traces/recorded.csv");
        string? path = null;
        if (file is not null)
        {
            path = Path.GetFullPath(file, ctx.BaseDirectory);
            if (!File.Exists(path))
                m.Error("file", $"the recorded trace '{Yaml.Show(path)}' does not exist; give a path to a Clarity CSV export or a Nightscout entries.json, relative to the scenario file's folder");
        }
        var format = m.Text("format", false, "");
        if (format is not null && !Formats.Contains(format, StringComparer.Ordinal))
            m.Error("format", Suggest.Unknown("trace format", format, Formats, "known formats"));
        var zone = m.Text("time-zone", false, "");
        if (zone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            m.Error("time-zone", $"'{Yaml.Show(zone)}' is not a time zone this machine knows; use an IANA name such as America/New_York");
        return d.Count == before && path is not null ? new ReplayTraceSpec { File = path, Format = format, TimeZone = zone } : null;
    }
}
