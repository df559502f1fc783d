using System.Buffers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Simulator.Journal;

/// <summary>
/// Reading a journal's JSON Lines back. Line <c>n</c> holds the event with sequence number <c>n</c> (the writer writes
/// every event, in order, from 1), so a page starts from the nearest indexed offset and never parses the whole file.
/// </summary>
internal static class JournalFile
{
    /// <summary>Every <see cref="IndexEvery"/>-th line's start offset is kept, for paging.</summary>
    public const int IndexEvery = 1024;

    private static readonly byte[] Newline = "\n"u8.ToArray();

    /// <summary>Writes one event as a line; returns the bytes written.</summary>
    public static int WriteLine(Stream stream, Utf8JsonWriter json, ArrayBufferWriter<byte> buffer, JournalEvent e)
    {
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        JsonSerializer.Serialize(json, e, RunJournal.JsonOptions);
        json.Flush();
        buffer.Write(Newline);
        stream.Write(buffer.WrittenSpan);
        return buffer.WrittenCount;
    }

    /// <summary>
    /// The events with sequence numbers <paramref name="fromSeq"/> to <paramref name="throughSeq"/> (inclusive) that
    /// <paramref name="keep"/> admits, reading from <paramref name="offset"/>, the start of line <paramref name="offsetSeq"/>.
    /// </summary>
    public static void Read(string path, long offset, long offsetSeq, long fromSeq, long throughSeq, int max, Func<string, bool>? keep, List<JournalEvent> into)
    {
        if (throughSeq < fromSeq || max <= 0) return;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        stream.Seek(offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        var taken = 0;
        for (var seq = offsetSeq; seq <= throughSeq && taken < max; seq++)
        {
            var line = reader.ReadLine() ?? throw new InvalidDataException($"The journal file {path} ends before event {seq}.");
            if (seq < fromSeq || (keep is not null && !keep(line))) continue;
            into.Add(JsonSerializer.Deserialize<JournalEvent>(line, RunJournal.JsonOptions)!);
            taken++;
        }
    }

    /// <summary>
    /// A cheap pre-filter for <typeparamref name="T"/>: the line's type discriminator (written first) is one of T's, so
    /// lines of other types are skipped without being parsed. Null when every event may be a T.
    /// </summary>
    public static Func<string, bool>? PrefilterFor<T>() where T : JournalEvent
    {
        if (typeof(T) == typeof(JournalEvent)) return null;
        var prefixes = typeof(JournalEvent).GetCustomAttributes<JsonDerivedTypeAttribute>()
            .Where(a => typeof(T).IsAssignableFrom(a.DerivedType) && a.TypeDiscriminator is string)
            .Select(a => $"{{\"type\":\"{a.TypeDiscriminator}\"")
            .ToArray();
        return line => Array.Exists(prefixes, p => line.StartsWith(p, StringComparison.Ordinal));
    }
}
