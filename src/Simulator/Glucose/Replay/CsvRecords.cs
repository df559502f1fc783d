using System.Text;

namespace Simulator.Glucose.Replay;

/// <summary>One CSV record and the 1-based line it starts on (a quoted field may span lines).</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields)
{
    /// <summary>The field at <paramref name="index"/>, trimmed; empty when the row is shorter than the header.</summary>
    public string this[int index] => index >= 0 && index < Fields.Count ? Fields[index].Trim() : "";

    public bool IsBlank => Fields.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// A small RFC 4180 reader: quoted fields with doubled quotes, delimiters and line breaks inside quotes, CRLF, LF or
/// CR line ends, and a leading byte-order mark. Written here rather than pulled in because exports are small and the
/// importer needs the line number of every record for its messages.
/// </summary>
internal static class CsvRecords
{
    /// <summary>The delimiter used on the first line mentioning "Event Type" (comma, semicolon or tab; comma if none).</summary>
    public static char DetectDelimiter(string text)
    {
        using var lines = new StringReader(text);
        while (lines.ReadLine() is { } line)
        {
            if (!line.Contains("Event Type", StringComparison.OrdinalIgnoreCase))
                continue;
            char[] candidates = [',', ';', '\t'];
            return candidates.OrderByDescending(c => line.Count(ch => ch == c)).First();
        }
        return ',';
    }

    public static IEnumerable<CsvRecord> Read(string text, char delimiter, string sourceName)
    {
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var line = 1;
        var fields = new List<string>();
        var field = new StringBuilder();
        var recordLine = 1;
        var inQuotes = false;
        var quoteLine = 0;
        var atFieldStart = true;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else inQuotes = false;
                }
                else
                {
                    if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))) line++;
                    field.Append(c);
                }
                continue;
            }
            if (c == '"' && atFieldStart)
            {
                inQuotes = true;
                quoteLine = line;
                atFieldStart = false;
            }
            else if (c == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
                atFieldStart = true;
            }
            else if (c == '\r' || c == '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                fields.Add(field.ToString());
                field.Clear();
                yield return new CsvRecord(recordLine, fields);
                fields = [];
                line++;
                recordLine = line;
                atFieldStart = true;
            }
            else
            {
                // A quote in the middle of an unquoted field is kept as text (liberal, like most spreadsheet tools).
                field.Append(c);
                if (!char.IsWhiteSpace(c)) atFieldStart = false;
            }
        }
        if (inQuotes)
            throw new TraceImportException(sourceName, quoteLine, null,
                "a quoted field is not closed before the end of the file; look for a stray double quote (\") on this row, or export the file again.");
        if (fields.Count > 0 || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(recordLine, fields);
        }
    }
}
