using System.Text.Json;
using Simulator.Journal;

namespace Simulator.Load.Recovery;

/// <summary>
/// Writes a finished journal as JSON Lines, exactly as <see cref="RunJournal"/>'s own file writer does (same options,
/// same order), so <see cref="RunJournal.ReadFile"/> and every other reader take it as any run's journal.
/// </summary>
internal static class JournalFile
{
    public static async Task WriteAsync(string path, IReadOnlyList<JournalEvent> events, CancellationToken ct)
    {
        var temp = path + ".tmp";
        await using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        await using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = true }))
        {
            for (var i = 0; i < events.Count; i++)
            {
                if ((i & 0xFFFF) == 0) ct.ThrowIfCancellationRequested();
                JsonSerializer.Serialize(writer, events[i], RunJournal.JsonOptions);
                writer.Flush();
                writer.Reset();
                stream.WriteByte((byte)'\n');
            }
        }
        File.Move(temp, path, overwrite: true);
    }
}
