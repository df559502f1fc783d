using System.Text.Json;
using System.Text.Json.Serialization;

namespace Simulator.Reports;

public static class ReportJsonWriter
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Writes to a temporary file first and then moves it into place, so a report is never half-written.</summary>
    public static async Task WriteAsync(RunReport report, string path, CancellationToken ct)
    {
        var temp = path + ".tmp";
        await using (var stream = File.Create(temp))
            await JsonSerializer.SerializeAsync(stream, report, Options, ct);
        File.Move(temp, path, overwrite: true);
    }

    public static RunReport Read(string path) =>
        JsonSerializer.Deserialize<RunReport>(File.ReadAllText(path), Options)
        ?? throw new InvalidDataException($"'{path}' holds no report.");
}
