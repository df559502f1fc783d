using System.Text.Json;

namespace LoadDriver.Reports;

public static class LoadReportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Serialize(LoadReport report) => JsonSerializer.Serialize(report, Options);

    public static LoadReport Deserialize(string json) =>
        JsonSerializer.Deserialize<LoadReport>(json, Options) ?? throw new InvalidDataException("The JSON holds no load report.");

    /// <summary>Writes to a temporary file first and then moves it into place, so a report is never half-written.</summary>
    public static async Task WriteAsync(LoadReport report, string path, CancellationToken ct)
    {
        var temp = path + ".tmp";
        await using (var stream = File.Create(temp))
            await JsonSerializer.SerializeAsync(stream, report, Options, ct);
        File.Move(temp, path, overwrite: true);
    }
}
