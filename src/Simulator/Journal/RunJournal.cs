using System.Buffers;
using System.Text.Json;

namespace Simulator.Journal;

/// <summary>
/// The one append-only record of a run. Appends are cheap and thread-safe; when a file is given, a writer
/// streams every event to JSON Lines and flushes whenever it catches up (and every few thousand events while it
/// does not), so a crash loses at most the events still in flight.
/// <para>
/// Memory is bounded: at most <see cref="MemoryCap"/> events are held. Older events are released once they are on
/// disk, in the journal's file or, for a journal without one, in a temporary spill file it owns (deleted on dispose).
/// The readers (<see cref="Snapshot"/>, <see cref="OfType{T}"/>, <see cref="ReadSince"/>) read the released part back
/// from disk, so they still see every event, in append order. An append that finds the memory full of events not yet
/// written waits for the writer.
/// </para>
/// </summary>
public sealed class RunJournal : IAsyncDisposable
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    /// <summary>Events held in memory unless the constructor says otherwise: a few tens of MB at most.</summary>
    public const int DefaultMemoryCap = 100_000;

    /// <summary>The writer flushes at least this often while it is behind, which is also when memory frees up.</summary>
    private const int FlushEvery = 4096;

    private readonly Lock _gate = new();
    private readonly object _progress = new();
    private readonly JournalRing _tail = new();
    // Start offset of line k * JournalFile.IndexEvery + 1, guarded by _gate.
    private readonly List<long> _lineIndex = [];
    private readonly ManualResetEventSlim _wake = new();
    // Set by the writer when it found nothing to write and is about to wait; guarded by _gate.
    private bool _writerIdle;
    private Task? _writer;
    private string? _diskPath;
    private bool _ownsDiskFile;
    private long _seq;
    // The writer's progress: every event up to here is flushed to the file. Guarded by _gate.
    private long _flushedThrough;
    private volatile bool _writerStopped;
    private bool _disposed;

    /// <param name="filePath">Where to stream the journal as JSON Lines, or null for none (a spill file is used past the cap).</param>
    /// <param name="memoryCap">Most events held in memory at once; 1 or more.</param>
    public RunJournal(string? filePath = null, int memoryCap = DefaultMemoryCap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(memoryCap, 1);
        MemoryCap = memoryCap;
        FilePath = filePath;
        if (filePath is null) return;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(filePath))!);
        StartWriter(filePath, ownsFile: false);
    }

    /// <summary>The journal's own file, or null (a spill file, if any, is private).</summary>
    public string? FilePath { get; }

    public int MemoryCap { get; }

    /// <summary>Events appended so far (the last sequence number handed out).</summary>
    public long Count => Interlocked.Read(ref _seq);

    /// <summary>Diagnostic: events held in memory now; never above <see cref="MemoryCap"/> while the writer works.</summary>
    public int InMemoryCount
    {
        get { lock (_gate) return _tail.Count; }
    }

    /// <summary>Diagnostic: whether a journal without a file has spilled to its temporary file.</summary>
    internal bool HasSpilled
    {
        get { lock (_gate) return _ownsDiskFile; }
    }

    /// <summary>Diagnostic: the temporary file a journal without a file spilled to, or null.</summary>
    internal string? SpillPath
    {
        get { lock (_gate) return _ownsDiskFile ? _diskPath : null; }
    }

    public void Append(JournalEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        while (true)
        {
            long waitFor;
            lock (_gate)
            {
                Release();
                // Past the cap with nothing on disk yet: a journal without a file starts spilling.
                if (_tail.Count >= MemoryCap && _writer is null && !_disposed) StartSpill();
                // Room, or no writer that could make room (disposed or failed): the event is kept in memory.
                if (_tail.Count < MemoryCap || _writer is null || _writerStopped || _disposed)
                {
                    e.Seq = ++_seq;
                    _tail.Add(e);
                    if (_writerIdle)
                    {
                        _writerIdle = false;
                        _wake.Set();
                    }
                    return;
                }
                waitFor = _tail.FirstSeq;
            }
            // Full of events the writer has not flushed yet: wait until it has flushed the oldest.
            lock (_progress)
            {
                if (Volatile.Read(ref _flushedThrough) < waitFor && !_writerStopped) Monitor.Wait(_progress, 50);
            }
        }
    }

    /// <summary>A copy of every event so far, in append order (the released part read back from disk).</summary>
    public IReadOnlyList<JournalEvent> Snapshot() => Read<JournalEvent>(0, int.MaxValue, null);

    public IReadOnlyList<T> OfType<T>() where T : JournalEvent =>
        [.. Read<T>(0, int.MaxValue, JournalFile.PrefilterFor<T>()).OfType<T>()];

    /// <summary>
    /// Up to <paramref name="max"/> events with a sequence number above <paramref name="seq"/>, in order: a page of the
    /// journal, read from the nearest indexed line of the file, never the whole history. Empty when there are none.
    /// </summary>
    public IReadOnlyList<JournalEvent> ReadSince(long seq, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seq);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        return Read<JournalEvent>(seq, max, null);
    }

    private List<JournalEvent> Read<T>(long since, int max, Func<string, bool>? keep) where T : JournalEvent
    {
        var result = new List<JournalEvent>();
        string? path;
        long offset = 0, offsetSeq = 1, released;
        var tail = new List<JournalEvent>();
        lock (_gate)
        {
            released = _tail.FirstSeq - 1;
            path = _diskPath;
            if (since < released)
            {
                if (_disposed && _ownsDiskFile)
                    throw new ObjectDisposedException(nameof(RunJournal), "This journal spilled to a temporary file, deleted when it was disposed; read it before disposing.");
                var block = (int)Math.Min(since / JournalFile.IndexEvery, _lineIndex.Count - 1);
                if (block >= 0)
                {
                    offset = _lineIndex[block];
                    offsetSeq = (long)block * JournalFile.IndexEvery + 1;
                }
            }
            // The tail is copied under the lock; the released part is on disk for good and read outside it.
            var fromFile = since < released ? (int)Math.Min(max, released - since) : 0;
            _tail.CopySince(Math.Max(since, released), max - fromFile, tail);
        }
        if (since < released)
            JournalFile.Read(path!, offset, offsetSeq, since + 1, released, max, keep, result);
        foreach (var e in tail)
        {
            if (result.Count >= max) break;
            if (e is T) result.Add(e);
        }
        return result;
    }

    public static IReadOnlyList<JournalEvent> ReadFile(string path) =>
        [.. File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<JournalEvent>(l, JsonOptions)!)];

    /// <summary>Under the lock: drops the oldest events the writer has flushed, down to the cap less one (room to append).</summary>
    private void Release()
    {
        while (_tail.Count >= MemoryCap && _tail.Count > 0 && _tail.FirstSeq <= _flushedThrough) _tail.RemoveFirst();
    }

    /// <summary>Under the lock: a journal without a file starts writing everything it holds to a temporary file.</summary>
    private void StartSpill() =>
        StartWriter(Path.Combine(Path.GetTempPath(), $"simulator-journal-{Guid.NewGuid():N}.jsonl"), ownsFile: true);

    private void StartWriter(string path, bool ownsFile)
    {
        // Opened here so a reader never finds the path missing.
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read | FileShare.Delete, 1 << 16);
        _diskPath = path;
        _ownsDiskFile = ownsFile;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _writer = done.Task;
        // Its own thread, not the pool's: appends may block waiting for it, and must never starve it of a thread.
        new Thread(() => Write(stream, done)) { IsBackground = true, Name = "run-journal-writer" }.Start();
    }

    /// <summary>
    /// The writer thread: takes the events appended since it last looked straight from the in-memory tail (an unflushed
    /// event is never released, so they are all there), writes them, flushes, and only then lets them be released.
    /// </summary>
    private void Write(FileStream stream, TaskCompletionSource done)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        var batch = new List<JournalEvent>(FlushEvery);
        long position = 0;
        try
        {
            using (stream)
            using (var json = new Utf8JsonWriter(buffer))
            {
                while (true)
                {
                    batch.Clear();
                    lock (_gate)
                    {
                        _tail.CopySince(_flushedThrough, FlushEvery, batch);
                        if (batch.Count == 0)
                        {
                            if (_disposed) break;
                            _writerIdle = true;
                            _wake.Reset();
                        }
                    }
                    if (batch.Count == 0)
                    {
                        _wake.Wait();
                        continue;
                    }
                    foreach (var e in batch)
                    {
                        if ((e.Seq - 1) % JournalFile.IndexEvery == 0)
                            lock (_gate) _lineIndex.Add(position);
                        position += JournalFile.WriteLine(stream, json, buffer, e);
                    }
                    stream.Flush();
                    lock (_gate) Volatile.Write(ref _flushedThrough, batch[^1].Seq);
                    lock (_progress) Monitor.PulseAll(_progress);
                }
            }
            done.SetResult();
        }
        catch (Exception e)
        {
            done.SetException(e);
        }
        finally
        {
            _writerStopped = true;
            lock (_progress) Monitor.PulseAll(_progress);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task? writer;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _writerIdle = false;
            _wake.Set();
            writer = _writer;
        }
        try
        {
            if (writer is not null) await writer;
        }
        finally
        {
            _wake.Dispose();
            if (_ownsDiskFile && _diskPath is not null) File.Delete(_diskPath);
        }
    }
}
