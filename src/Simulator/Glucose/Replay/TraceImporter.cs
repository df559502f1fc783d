using System.Text;

namespace Simulator.Glucose.Replay;

/// <summary>Loads a recorded trace file, choosing the importer from the format name, the extension or the content.</summary>
public static class TraceImporter
{
    public const string Clarity = "clarity";
    public const string Nightscout = "nightscout";

    /// <param name="format"><c>clarity</c>, <c>nightscout</c>, or null to choose: .csv → Clarity, .json → Nightscout,
    /// otherwise a file starting with '[' or '{' is Nightscout and anything else Clarity.</param>
    /// <param name="timeZone">The zone of a Clarity export's wall-clock timestamps; required for Clarity.</param>
    public static RecordedTrace Load(string path, string? format, TimeZoneInfo? timeZone)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
            throw new TraceImportException(name, null, null,
                $"the file does not exist (looked for {Path.GetFullPath(path)}); check the trace's file path.");
        var chosen = format?.Trim().ToLowerInvariant() ?? Detect(path);
        switch (chosen)
        {
            case Clarity:
                if (timeZone is null)
                    throw new TraceImportException(name, null, null,
                        "a Clarity export writes local times without an offset, so the time zone they were recorded in is needed; give it as an IANA name such as America/New_York.");
                using (var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
                    return ClarityCsvImporter.Parse(reader, name, timeZone);
            case Nightscout:
                using (var stream = File.OpenRead(path))
                    return NightscoutEntriesImporter.Parse(stream, name);
            default:
                throw new TraceImportException(name, null, null,
                    $"\"{format}\" is not a trace format this importer knows; use \"{Clarity}\" (Dexcom Clarity CSV export) or \"{Nightscout}\" (Nightscout entries.json), or leave the format out to choose by extension.");
        }
    }

    private static string Detect(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension == ".csv")
            return Clarity;
        if (extension == ".json")
            return Nightscout;
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        int c;
        while ((c = reader.Read()) >= 0 && (char.IsWhiteSpace((char)c) || c == '\uFEFF'))
        {
        }
        return c is '[' or '{' ? Nightscout : Clarity;
    }
}
