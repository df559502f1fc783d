namespace Simulator.Glucose.Replay;

internal enum GlucoseUnit
{
    MgPerDl,
    MmolPerL,
}

/// <summary>
/// Where the columns the importer needs sit in a Clarity header, found by name (case-insensitive, ignoring the unit
/// in brackets where that varies) so reordered or extra columns still work.
/// </summary>
internal sealed record ClarityColumns(
    int Timestamp, string TimestampName,
    int EventType,
    int Glucose, string GlucoseName, GlucoseUnit Unit,
    int Rate, string RateName)
{
    /// <summary>Clarity converts with Nightscout's factor 18 (cgm-remote-monitor lib/constants.json MMOL_TO_MGDL).</summary>
    public const double MgdlPerMmol = 18.0;

    public const string TimestampHeader = "Timestamp (YYYY-MM-DDThh:mm:ss)";
    public const string EventTypeHeader = "Event Type";
    public const string GlucoseMgdlHeader = "Glucose Value (mg/dL)";
    public const string GlucoseMmolHeader = "Glucose Value (mmol/L)";

    /// <summary>True when the record looks like the header: it names a Timestamp column and "Event Type".</summary>
    public static bool IsHeader(CsvRecord record) =>
        IndexOf(record, h => h.StartsWith("Timestamp", StringComparison.OrdinalIgnoreCase)) >= 0
        && IndexOf(record, h => h.Equals(EventTypeHeader, StringComparison.OrdinalIgnoreCase)) >= 0;

    public static ClarityColumns From(CsvRecord header, string sourceName)
    {
        var timestamp = IndexOf(header, h => h.StartsWith("Timestamp", StringComparison.OrdinalIgnoreCase));
        var eventType = IndexOf(header, h => h.Equals(EventTypeHeader, StringComparison.OrdinalIgnoreCase));
        var glucose = IndexOf(header, h => h.StartsWith("Glucose Value", StringComparison.OrdinalIgnoreCase));
        var rate = IndexOf(header, h => h.StartsWith("Glucose Rate of Change", StringComparison.OrdinalIgnoreCase));
        if (glucose < 0)
            throw new TraceImportException(sourceName, header.Line, "Glucose Value",
                $"the header has no \"Glucose Value\" column (it has {string.Join(", ", header.Fields.Select(f => $"\"{f.Trim()}\""))}); a Clarity export needs \"{GlucoseMgdlHeader}\" or \"{GlucoseMmolHeader}\".");
        var glucoseName = header[glucose];
        var unit = UnitOf(glucoseName) ?? (rate >= 0 ? UnitOf(header[rate]) : null)
            ?? throw new TraceImportException(sourceName, header.Line, glucoseName,
                $"the column \"{glucoseName}\" does not say whether it is mg/dL or mmol/L, and no other column does; rename it \"{GlucoseMgdlHeader}\" or \"{GlucoseMmolHeader}\" as Clarity writes it.");
        return new ClarityColumns(timestamp, header[timestamp], eventType, glucose, glucoseName, unit, rate, rate >= 0 ? header[rate] : "");
    }

    private static GlucoseUnit? UnitOf(string header) =>
        header.Contains("mmol", StringComparison.OrdinalIgnoreCase) ? GlucoseUnit.MmolPerL
        : header.Contains("mg/dl", StringComparison.OrdinalIgnoreCase) ? GlucoseUnit.MgPerDl
        : null;

    private static int IndexOf(CsvRecord record, Func<string, bool> match)
    {
        for (var i = 0; i < record.Fields.Count; i++)
        {
            if (match(record[i]))
                return i;
        }
        return -1;
    }
}
