using System.Text.Json;

namespace Simulator.Load.Recovery;

/// <summary>Writes <c>recovery.json</c> and <c>recovery.html</c>, each through a temporary file so neither is ever half-written.</summary>
internal static class RecoveryReportFiles
{
    public const string JsonName = "recovery.json", HtmlName = "recovery.html";

    public static async Task<IReadOnlyList<string>> WriteAsync(string directory, RecoveryReport report, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var json = Path.Combine(directory, JsonName);
        await WriteAtomicallyAsync(json, async stream => await JsonSerializer.SerializeAsync(stream, report, RecoveryReport.JsonOptions, ct));
        var html = Path.Combine(directory, HtmlName);
        var page = RecoveryHtml.Render(report);
        await WriteAtomicallyAsync(html, async stream =>
        {
            await using var writer = new StreamWriter(stream);
            await writer.WriteAsync(page.AsMemory(), ct);
        });
        return [json, html];
    }

    private static async Task WriteAtomicallyAsync(string path, Func<Stream, Task> write)
    {
        var temp = path + ".tmp";
        await using (var stream = File.Create(temp))
            await write(stream);
        File.Move(temp, path, overwrite: true);
    }
}
