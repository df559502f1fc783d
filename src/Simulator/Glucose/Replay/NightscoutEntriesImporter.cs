using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Simulator.Glucose.Replay;

/// <summary>
/// Reads Nightscout entries as served by <c>/api/v1/entries.json</c>: a JSON array of entries (a single entry object,
/// or an API v3 <c>{"result": [...]}</c> wrapper, is accepted too). Only <c>type: "sgv"</c> entries become readings
/// (an entry without a type but with an <c>sgv</c> counts as one); other types ("mbg", "cal", …) are skipped and
/// counted in <see cref="RecordedTrace.Skipped"/>. <c>date</c> (epoch ms) is authoritative, <c>dateString</c> is
/// used only when <c>date</c> is missing or unusable.
/// </summary>
public static partial class NightscoutEntriesImporter
{
    /// <summary>Key in <see cref="RecordedTrace.Skipped"/> for sgv values 0–38, Dexcom's error codes (lib/plugins/errorcodes.js).</summary>
    public const string ErrorCodeKey = "sgv error code (below 39)";

    /// <summary>Dexcom receivers record a "LOW" reading as 39; it is read as <see cref="ReadingLimit.Low"/>.</summary>
    public const int DexcomLowMarker = 39;

    // Epoch milliseconds outside 2000–2100 are almost certainly seconds or garbage, not a CGM timestamp.
    private static readonly long EarliestMs = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private static readonly long LatestMs = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private const string SgvAdvice = "an entry of type \"sgv\" needs its glucose in mg/dL, e.g. \"sgv\": 112.";

    public static RecordedTrace Parse(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json), sourceName);
    }

    public static RecordedTrace Parse(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Parse(buffer.ToArray(), sourceName);
    }

    private static RecordedTrace Parse(byte[] utf8, string sourceName)
    {
        ReadOnlySpan<byte> bytes = utf8;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            bytes = bytes[3..];
        if (bytes.Trim((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n']).IsEmpty)
            throw new TraceImportException(sourceName, null, null,
                "the file is empty; expected a JSON array of Nightscout entries, as returned by /api/v1/entries.json.");
        var lines = new JsonLines(bytes);
        var readings = new List<RecordedReading>();
        var skipped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartObject && !MoveToResultArray(ref reader))
            {
                Accept(NightscoutEntry.Read(ref reader, lines, 1), sourceName, readings, skipped);
            }
            else if (reader.TokenType == JsonTokenType.StartArray)
            {
                var number = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    number++;
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        var value = JsonScalar.Read(ref reader, lines);
                        throw new TraceImportException(sourceName, value.Line, null,
                            $"entry {number.ToString(CultureInfo.InvariantCulture)} is {Kind(value.Kind)}, not an object; the file must be a JSON array of Nightscout entries like {{\"type\":\"sgv\",\"sgv\":112,\"date\":1575108000000}}.");
                    }
                    Accept(NightscoutEntry.Read(ref reader, lines, number), sourceName, readings, skipped);
                }
            }
            else
            {
                throw new TraceImportException(sourceName, lines.LineOf(reader.TokenStartIndex), null,
                    $"the file holds {Kind(reader.TokenType)}, not an array of entries; expected the body of /api/v1/entries.json, e.g. [{{\"type\":\"sgv\",\"sgv\":112,\"date\":1575108000000}}].");
            }
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var reason = ex.Message.Split(" LineNumber:", 2)[0].Trim();
            throw new TraceImportException(sourceName, line, null,
                $"the JSON is not valid near byte {((ex.BytePositionInLine ?? 0) + 1).ToString(CultureInfo.InvariantCulture)} of the line ({reason}); fix the file or download the entries again from /api/v1/entries.json.", ex);
        }
        if (readings.Count == 0)
            throw new TraceImportException(sourceName, null, null,
                $"no sgv entries were found ({Describe(skipped)}); the trace needs at least one entry with \"type\": \"sgv\" and a glucose value.");
        return new RecordedTrace(sourceName, readings) { Skipped = skipped };
    }

    /// <summary>For an API v3 wrapper, moves the reader onto its "result" array; false (reader unmoved) for a plain entry.</summary>
    private static bool MoveToResultArray(ref Utf8JsonReader reader)
    {
        var probe = reader;
        while (probe.Read() && probe.TokenType == JsonTokenType.PropertyName)
        {
            var isResult = probe.ValueTextEquals("result");
            probe.Read();
            if (isResult && probe.TokenType == JsonTokenType.StartArray)
            {
                reader = probe;
                return true;
            }
            probe.Skip();
        }
        return false;
    }

    private static void Accept(NightscoutEntry entry, string sourceName, List<RecordedReading> readings, SortedDictionary<string, int> skipped)
    {
        var type = entry.Type is { IsString: true } t ? t.Text : entry.Sgv is not null ? "sgv" : "(no type)";
        if (!type.Equals("sgv", StringComparison.OrdinalIgnoreCase))
        {
            skipped[type] = skipped.GetValueOrDefault(type) + 1;
            return;
        }
        var sgv = entry.Sgv ?? throw new TraceImportException(sourceName, entry.Line, "sgv", $"the entry has no \"sgv\" value; {SgvAdvice}");
        if (!sgv.TryNumber(out var value))
            throw new TraceImportException(sourceName, sgv.Line, "sgv", $"\"sgv\" is {sgv.Shown}, which is not a number; {SgvAdvice}");
        if (value < 0)
            throw new TraceImportException(sourceName, sgv.Line, "sgv", $"\"sgv\" is {sgv.Shown}, which is not a glucose reading; {SgvAdvice}");
        var mgdl = (int)Math.Round(value, MidpointRounding.AwayFromZero);
        if (mgdl < DexcomLowMarker)
        {
            skipped[ErrorCodeKey] = skipped.GetValueOrDefault(ErrorCodeKey) + 1;
            return;
        }
        var limit = mgdl < Reading.MinReportable ? ReadingLimit.Low : mgdl > Reading.MaxReportable ? ReadingLimit.High : ReadingLimit.None;
        mgdl = Math.Clamp(mgdl, Reading.MinReportable, Reading.MaxReportable);
        readings.Add(new RecordedReading(TimeOf(entry, sourceName), mgdl, TrendOf(entry, sourceName), entry.Line, limit));
    }

    private static DateTimeOffset TimeOf(NightscoutEntry entry, string sourceName)
    {
        var date = entry.Date is { Kind: not JsonTokenType.Null } d ? d : null;
        var dateString = entry.DateString is { IsString: true } s && s.Text.Length > 0 ? s : null;
        if (date is not null && date.TryNumber(out var ms) && ms >= EarliestMs && ms < LatestMs)
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(ms, MidpointRounding.AwayFromZero));
        if (dateString is not null)
            return ParseDateString(dateString, sourceName);
        if (date is not null)
            throw new TraceImportException(sourceName, date.Line, "date",
                $"\"date\" is {date.Shown}, which is not a time in epoch milliseconds (2000–2100); Nightscout's \"date\" counts milliseconds since 1970-01-01 UTC, e.g. 1575108000000.");
        throw new TraceImportException(sourceName, entry.Line, "date",
            "the entry has neither \"date\" (epoch milliseconds) nor \"dateString\"; every sgv entry needs the time it was measured.");
    }

    private static DateTimeOffset ParseDateString(JsonScalar value, string sourceName)
    {
        var text = value.Text.Trim();
        // xDrip+ writes offsets without a colon (-0500); .NET wants -05:00.
        var normalised = OffsetWithoutColon().Replace(text, "$1$2:$3");
        if (!HasOffset().IsMatch(normalised))
            throw new TraceImportException(sourceName, value.Line, "dateString",
                $"\"dateString\" is {value.Shown}, which has no UTC offset, so the instant is unknown; add \"Z\" or an offset such as +01:00, or give \"date\" in epoch milliseconds.");
        if (!DateTimeOffset.TryParse(normalised, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            throw new TraceImportException(sourceName, value.Line, "dateString",
                $"\"dateString\" is {value.Shown}, which is not an ISO-8601 time; write it like 2019-11-30T10:00:00.000Z, or give \"date\" in epoch milliseconds.");
        return at;
    }

    private static Trend TrendOf(NightscoutEntry entry, string sourceName)
    {
        if (entry.Direction is { IsString: true } direction && direction.Text.Trim().Length > 0)
        {
            if (NightscoutDirections.TryParse(direction.Text, out var trend))
                return trend;
            throw new TraceImportException(sourceName, direction.Line, "direction",
                $"\"direction\" is {direction.Shown}, which is not a Nightscout direction; use one of {NightscoutDirections.Known}, or leave it out.");
        }
        return entry.Trend is { } number && number.TryNumber(out var n) && NightscoutDirections.TryFromNumber(n, out var fromNumber)
            ? fromNumber
            : Trend.None;
    }

    private static string Kind(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "a value",
    };

    private static string Describe(SortedDictionary<string, int> skipped) =>
        skipped.Count == 0
            ? "the array is empty"
            : $"{skipped.Values.Sum().ToString(CultureInfo.InvariantCulture)} other entries: {string.Join(", ", skipped.Select(kv => $"{kv.Value.ToString(CultureInfo.InvariantCulture)} {kv.Key}"))}";

    [GeneratedRegex(@"([T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)([+-]\d{2})(\d{2})$")]
    private static partial Regex OffsetWithoutColon();

    [GeneratedRegex(@"(Z|[+-]\d{2}:\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex HasOffset();
}
