using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Simulator.Glucose.Replay;
using Simulator.Glucose.Sensors;

namespace Simulator.Glucose.Generation;

/// <summary>
/// The file <c>simulator traces generate</c> writes, as CSV (<c>time,truthMgdl,sensorMgdl,trend,state</c>, times in UTC;
/// an empty sensor cell is a gap) or JSON (an array of the same fields), and reading it back, or a Clarity or Nightscout
/// export, for <c>simulator traces stats</c>.
/// </summary>
public static class TraceFile
{
    public const string CsvHeader = "time,truthMgdl,sensorMgdl,trend,state";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void WriteCsv(TextWriter writer, IEnumerable<TracePoint> points)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(points);
        writer.Write(CsvHeader + "\n");
        var line = new StringBuilder();
        foreach (var p in points)
        {
            line.Clear()
                .Append(p.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append(',')
                .Append(p.TruthMgdl.ToString("0.0", CultureInfo.InvariantCulture)).Append(',')
                .Append(p.SensorMgdl?.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(p.Trend).Append(',')
                .Append(p.State).Append('\n');
            writer.Write(line);
        }
    }

    public static void WriteJson(Stream stream, IEnumerable<TracePoint> points) =>
        JsonSerializer.Serialize(stream, points.Select(p => p with { TruthMgdl = Math.Round(p.TruthMgdl, 1) }), Json);

    /// <summary>
    /// The sensor values of a trace file, in time order: a file written by <c>traces generate</c> (CSV or JSON), a
    /// Dexcom Clarity CSV export or a Nightscout entries.json.
    /// </summary>
    /// <exception cref="TraceImportException">The file is missing or a row does not parse (the message names the line).</exception>
    public static IReadOnlyList<double> ReadSensorValues(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        string firstLine;
        try
        {
            using var reader = new StreamReader(path);
            firstLine = reader.ReadLine() ?? "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TraceImportException(name, null, null, $"the file could not be read ({e.Message.TrimEnd('.')}); check the path", e);
        }
        var trimmed = firstLine.TrimStart('\uFEFF').Trim();
        if (trimmed.StartsWith("time,truthMgdl", StringComparison.Ordinal))
            return ReadOwnCsv(path, name);
        if (trimmed.StartsWith("[{\"time\"", StringComparison.Ordinal))
            return ReadOwnJson(path, name);
        // Clarity's local times need a zone for replay; metrics do not depend on it, so UTC is as good as any.
        return [.. TraceImporter.Load(path, null, TimeZoneInfo.Utc).Readings.Select(r => (double)r.Mgdl)];
    }

    private static List<double> ReadOwnCsv(string path, string name)
    {
        var values = new List<double>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (lineNumber == 1 || line.Length == 0)
                continue;
            var cells = line.Split(',');
            if (cells.Length != 5)
                throw new TraceImportException(name, lineNumber, null, $"expected 5 cells ({CsvHeader}), found {cells.Length.ToString(CultureInfo.InvariantCulture)}; the file may be cut or edited");
            if (cells[2].Length == 0)
                continue;
            if (!int.TryParse(cells[2], NumberStyles.None, CultureInfo.InvariantCulture, out var mgdl))
                throw new TraceImportException(name, lineNumber, "sensorMgdl", $"sensorMgdl is \"{cells[2]}\", which is not a whole number of mg/dL; leave it empty for a gap");
            values.Add(mgdl);
        }
        return values;
    }

    private static List<double> ReadOwnJson(string path, string name)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var points = JsonSerializer.Deserialize<List<TracePoint>>(stream, Json) ?? [];
            return [.. points.Where(p => p.SensorMgdl.HasValue).Select(p => (double)p.SensorMgdl!.Value)];
        }
        catch (JsonException e)
        {
            throw new TraceImportException(name, (int?)e.LineNumber + 1, null, $"this is not a trace written by traces generate ({e.Message.Split(" Path:")[0].TrimEnd('.')})", e);
        }
    }
}
