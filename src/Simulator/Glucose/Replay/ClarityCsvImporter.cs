using System.Globalization;

namespace Simulator.Glucose.Replay;

/// <summary>
/// Reads a Dexcom Clarity CSV export: a header row (Index, Timestamp (YYYY-MM-DDThh:mm:ss), Event Type, …,
/// Glucose Value (mg/dL) or (mmol/L), Glucose Rate of Change, …), metadata rows with no timestamp (FirstName,
/// LastName, Device, Alert…), and event rows. Only "EGV" rows become readings; every other row is counted in
/// <see cref="RecordedTrace.Skipped"/> by its event type. Columns are found by header name, so order and extra
/// columns do not matter; BOM, CRLF, quoted fields and a semicolon or tab delimiter are accepted.
/// </summary>
public static class ClarityCsvImporter
{
    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
    ];

    private static readonly string[] OffsetFormats =
    [
        "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd HH:mm:sszzz",
    ];

    private static readonly string[] UtcFormats = ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];

    /// <param name="timeZone">
    /// The zone the export's wall-clock times are in (Clarity writes no offset; it is the zone of the display device).
    /// A timestamp that does carry an offset or "Z" is taken as written.
    /// </param>
    public static RecordedTrace Parse(TextReader reader, string sourceName, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(timeZone);
        var text = reader.ReadToEnd();
        if (string.IsNullOrWhiteSpace(text.TrimStart('\uFEFF')))
            throw new TraceImportException(sourceName, null, null,
                "the file is empty; expected a Dexcom Clarity CSV export with a header row and EGV rows.");
        var delimiter = CsvRecords.DetectDelimiter(text);
        ClarityColumns? columns = null;
        var resolver = new LocalTimeResolver(timeZone);
        var readings = new List<RecordedReading>();
        var skipped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in CsvRecords.Read(text, delimiter, sourceName))
        {
            if (record.IsBlank)
                continue;
            if (columns is null)
            {
                // Anything before the header (a title line some tools add) is passed over.
                if (ClarityColumns.IsHeader(record))
                    columns = ClarityColumns.From(record, sourceName);
                continue;
            }
            var eventType = record[columns.EventType];
            if (!eventType.Equals("EGV", StringComparison.OrdinalIgnoreCase))
            {
                var kind = eventType.Length == 0 ? "(no event type)" : eventType;
                skipped[kind] = skipped.GetValueOrDefault(kind) + 1;
                continue;
            }
            readings.Add(ReadEgv(record, columns, resolver, sourceName, delimiter));
        }
        if (columns is null)
            throw new TraceImportException(sourceName, null, null,
                $"no Clarity header row was found (a row naming \"{ClarityColumns.TimestampHeader}\", \"{ClarityColumns.EventTypeHeader}\" and \"{ClarityColumns.GlucoseMgdlHeader}\"); export the data again from Dexcom Clarity as CSV, or give the right format if this is not a Clarity export.");
        if (readings.Count == 0)
            throw new TraceImportException(sourceName, null, null,
                $"no EGV readings were found ({Describe(skipped)}); the trace needs at least one row with Event Type \"EGV\".");
        return new RecordedTrace(sourceName, readings) { Skipped = skipped };
    }

    private static RecordedReading ReadEgv(CsvRecord record, ClarityColumns columns, LocalTimeResolver resolver, string sourceName, char delimiter)
    {
        var at = ReadTimestamp(record, columns, resolver, sourceName);
        var (mgdl, limit) = ReadGlucose(record, columns, sourceName, delimiter);
        var trend = ReadTrend(record, columns, sourceName, delimiter);
        return new RecordedReading(at, mgdl, trend, record.Line, limit);
    }

    private static DateTimeOffset ReadTimestamp(CsvRecord record, ClarityColumns columns, LocalTimeResolver resolver, string sourceName)
    {
        var raw = record[columns.Timestamp];
        if (raw.Length == 0)
            throw new TraceImportException(sourceName, record.Line, columns.TimestampName,
                $"\"{columns.TimestampName}\" is empty; an EGV row needs the time it was measured, written like 2024-03-09T07:05:00.");
        if (DateTime.TryParseExact(raw, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return resolver.Resolve(local);
        if (DateTimeOffset.TryParseExact(raw, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
            return withOffset;
        if (DateTimeOffset.TryParseExact(raw, UtcFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var utc))
            return utc;
        throw new TraceImportException(sourceName, record.Line, columns.TimestampName,
            $"\"{columns.TimestampName}\" is \"{raw}\", which is not a timestamp; Clarity writes local time as YYYY-MM-DDThh:mm:ss, e.g. 2024-03-09T07:05:00.");
    }

    private static (int Mgdl, ReadingLimit Limit) ReadGlucose(CsvRecord record, ClarityColumns columns, string sourceName, char delimiter)
    {
        var raw = record[columns.Glucose];
        var unitText = columns.Unit == GlucoseUnit.MmolPerL ? "mmol/L" : "mg/dL";
        var advice = $"an EGV row needs a value in {unitText} or \"Low\"/\"High\".";
        if (raw.Length == 0)
            throw new TraceImportException(sourceName, record.Line, columns.GlucoseName, $"\"{columns.GlucoseName}\" is empty; {advice}");
        if (raw.Equals("Low", StringComparison.OrdinalIgnoreCase))
            return (Reading.MinReportable, ReadingLimit.Low);
        if (raw.Equals("High", StringComparison.OrdinalIgnoreCase))
            return (Reading.MaxReportable, ReadingLimit.High);
        if (!TryNumber(raw, delimiter, out var value))
            throw new TraceImportException(sourceName, record.Line, columns.GlucoseName, $"\"{columns.GlucoseName}\" is \"{raw}\", which is not a number; {advice}");
        var mgdl = columns.Unit == GlucoseUnit.MmolPerL ? value * ClarityColumns.MgdlPerMmol : value;
        if (mgdl <= 0)
            throw new TraceImportException(sourceName, record.Line, columns.GlucoseName, $"\"{columns.GlucoseName}\" is \"{raw}\", which is not a glucose reading; {advice}");
        var rounded = Math.Round(mgdl, MidpointRounding.AwayFromZero);
        // A number beyond the sensor's range is what "Low"/"High" means; keep the flag so it is not lost.
        return rounded < Reading.MinReportable ? (Reading.MinReportable, ReadingLimit.Low)
            : rounded > Reading.MaxReportable ? (Reading.MaxReportable, ReadingLimit.High)
            : ((int)rounded, ReadingLimit.None);
    }

    /// <summary>
    /// Clarity has no arrow column; the rate of change, when present, gives the arrow with Dexcom's bands. An empty
    /// rate (common in G6 exports and on Low/High rows) gives <see cref="Trend.None"/>: the file did not say.
    /// </summary>
    private static Trend ReadTrend(CsvRecord record, ClarityColumns columns, string sourceName, char delimiter)
    {
        if (columns.Rate < 0)
            return Trend.None;
        var raw = record[columns.Rate];
        if (raw.Length == 0)
            return Trend.None;
        if (!TryNumber(raw, delimiter, out var rate))
            throw new TraceImportException(sourceName, record.Line, columns.RateName,
                $"\"{columns.RateName}\" is \"{raw}\", which is not a number; leave it empty or give the rate of change per minute.");
        var perMinuteMgdl = columns.RateName.Contains("mmol", StringComparison.OrdinalIgnoreCase) ? rate * ClarityColumns.MgdlPerMmol : rate;
        return TrendArrows.FromRate(perMinuteMgdl);
    }

    /// <summary>Invariant number; a decimal comma is accepted when the file is not comma-delimited (European exports).</summary>
    private static bool TryNumber(string raw, char delimiter, out double value)
    {
        var text = delimiter != ',' && !raw.Contains('.', StringComparison.Ordinal) ? raw.Replace(',', '.') : raw;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    private static string Describe(SortedDictionary<string, int> skipped) =>
        skipped.Count == 0
            ? "the file has a header but no data rows"
            : $"{skipped.Values.Sum().ToString(CultureInfo.InvariantCulture)} other rows: {string.Join(", ", skipped.Select(kv => $"{kv.Value.ToString(CultureInfo.InvariantCulture)} {kv.Key}"))}";
}
