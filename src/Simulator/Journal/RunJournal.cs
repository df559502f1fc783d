using System.Text.Json;
using System.Threading.Channels;

namespace Simulator.Journal;

/// <summary>
/// The one append-only record of a run. Appends are cheap and thread-safe; when a file is given, a writer
/// streams every event to JSON Lines and flushes whenever it catches up, so a crash loses at most the events
/// still in flight.
/// </summary>
public sealed class RunJournal : IAsyncDisposable
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    private readonly List<JournalEvent> _events = [];
    private readonly Lock _gate = new();
    private readonly Channel<JournalEvent>? _pending;
    private readonly Task? _writer;
    private long _seq;

    public RunJournal(string? filePath = null)
    {
        FilePath = filePath;
        if (filePath is null) return;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(filePath))!);
        _pending = Channel.CreateUnbounded<JournalEvent>(new UnboundedChannelOptions { SingleReader = true });
        _writer = Task.Run(() => WriteAsync(filePath, _pending.Reader));
    }

    public string? FilePath { get; }

    public void Append(JournalEvent e)
    {
        lock (_gate)
        {
            e.Seq = ++_seq;
            _events.Add(e);
            // Queued under the lock so the file keeps sequence order.
            _pending?.Writer.TryWrite(e);
        }
    }

    /// <summary>A copy of every event so far, in append order.</summary>
    public IReadOnlyList<JournalEvent> Snapshot()
    {
        lock (_gate) return [.. _events];
    }

    public IReadOnlyList<T> OfType<T>() where T : JournalEvent
    {
        lock (_gate) return [.. _events.OfType<T>()];
    }

    public static IReadOnlyList<JournalEvent> ReadFile(string path) =>
        [.. File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<JournalEvent>(l, JsonOptions)!)];

    private static async Task WriteAsync(string path, ChannelReader<JournalEvent> reader)
    {
        await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        await using var writer = new StreamWriter(stream);
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out var e))
                await writer.WriteLineAsync(JsonSerializer.Serialize(e, JsonOptions));
            await writer.FlushAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_pending is null || _writer is null) return;
        _pending.Writer.TryComplete();
        await _writer;
    }
}
