using System.Buffers.Text;
using System.Text;

namespace LoadDriver.Targets.Raw;

/// <summary>
/// Reads one HTTP/1.1 answer from bytes as they arrive, just far enough to know its status and where it ends
/// (Content-Length, chunked, or the server closing), as wrk does. The body is skipped, never kept: only the head and
/// chunk-size lines are buffered.
/// </summary>
internal sealed class RawHttpResponseParser
{
    private enum State { Head, Length, ChunkSize, ChunkData, ChunkEnd, Trailers, UntilClose, Done }

    /// <summary>The longest head or chunk line accepted; real answers of a loopback API are far shorter.</summary>
    public const int MaxLine = 16 * 1024;

    private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] LineEnd = "\r\n"u8.ToArray();
    private readonly byte[] _line = new byte[MaxLine];
    private int _lineLength;
    private State _state;
    private long _remaining;
    private bool _isHead;

    public int Status { get; private set; }
    public bool KeepAlive { get; private set; }
    public bool IsDone => _state == State.Done;

    /// <summary>Whether any byte of the answer has arrived: a close before that means a stale kept-alive connection.</summary>
    public bool AnyBytes { get; private set; }

    public void Reset(bool isHead)
    {
        _state = State.Head;
        _lineLength = 0;
        _remaining = 0;
        _isHead = isHead;
        Status = 0;
        KeepAlive = true;
        AnyBytes = false;
    }

    /// <summary>Consumes what belongs to the answer and returns how many bytes that was.</summary>
    /// <exception cref="InvalidDataException">The bytes are not an HTTP/1.x answer.</exception>
    public int Feed(ReadOnlySpan<byte> data)
    {
        if (data.Length > 0) AnyBytes = true;
        var used = 0;
        while (used < data.Length && _state != State.Done)
        {
            var rest = data[used..];
            switch (_state)
            {
                case State.UntilClose:
                    used = data.Length;
                    break;
                case State.Length or State.ChunkData:
                    var take = (int)Math.Min(_remaining, rest.Length);
                    _remaining -= take;
                    used += take;
                    if (_remaining == 0) _state = _state == State.Length ? State.Done : State.ChunkEnd;
                    break;
                default:
                    var terminator = _state == State.Head ? HeadEnd : LineEnd;
                    used += TakeLine(rest, terminator, out var complete);
                    if (complete) OnLine(_line.AsSpan(0, _lineLength - terminator.Length));
                    break;
            }
        }
        return used;
    }

    /// <summary>The server closed the connection: the end of a close-delimited body, or an answer cut short.</summary>
    /// <exception cref="IOException">The answer was not complete.</exception>
    public void EndOfStream()
    {
        if (_state == State.UntilClose) _state = State.Done;
        else if (_state != State.Done) throw new IOException("The server closed the connection in the middle of an answer.");
    }

    private int TakeLine(ReadOnlySpan<byte> rest, byte[] terminator, out bool complete)
    {
        // The terminator may straddle two reads, so the search starts a few bytes back in what is already kept.
        var from = Math.Max(0, _lineLength - (terminator.Length - 1));
        var copy = Math.Min(rest.Length, _line.Length - _lineLength);
        if (copy == 0) throw new InvalidDataException($"An answer's head or chunk line is longer than {MaxLine} bytes.");
        rest[..copy].CopyTo(_line.AsSpan(_lineLength));
        var at = _line.AsSpan(from, _lineLength + copy - from).IndexOf(terminator);
        if (at < 0)
        {
            _lineLength += copy;
            complete = false;
            return copy;
        }
        var end = from + at + terminator.Length;
        var used = end - _lineLength;
        _lineLength = end;
        complete = true;
        return used;
    }

    private void OnLine(ReadOnlySpan<byte> line)
    {
        _lineLength = 0;
        switch (_state)
        {
            case State.Head:
                var (status, length, chunked, close) = ParseHead(line);
                Status = status;
                if (status is >= 100 and < 200) return; // an interim answer (100 Continue): the real one follows
                if (close) KeepAlive = false;
                if (_isHead || status is 204 or 304 || length == 0) _state = State.Done;
                else if (chunked) _state = State.ChunkSize;
                else if (length > 0) (_state, _remaining) = (State.Length, length);
                else (_state, KeepAlive) = (State.UntilClose, false); // no length, not chunked: ends when the server closes
                return;
            case State.ChunkSize:
                var semicolon = line.IndexOf((byte)';'); // chunk extensions are ignored
                var hex = (semicolon >= 0 ? line[..semicolon] : line).Trim(" \t"u8);
                if (!Utf8Parser.TryParse(hex, out long size, out var read, 'X') || read != hex.Length || size < 0)
                    throw new InvalidDataException("A chunk size of the answer is not hexadecimal.");
                if (size == 0) _state = State.Trailers;
                else (_state, _remaining) = (State.ChunkData, size);
                return;
            case State.ChunkEnd:
                if (line.Length != 0) throw new InvalidDataException("A chunk of the answer is longer than its size says.");
                _state = State.ChunkSize;
                return;
            case State.Trailers:
                if (line.Length == 0) _state = State.Done; // trailers, if any, end with an empty line
                return;
        }
    }

    private static (int Status, long Length, bool Chunked, bool Close) ParseHead(ReadOnlySpan<byte> head)
    {
        var lineEnd = head.IndexOf("\r\n"u8);
        var statusLine = lineEnd < 0 ? head : head[..lineEnd];
        // "HTTP/1.1 200 OK": the version, then three digits.
        if (statusLine.Length < 12 || !statusLine.StartsWith("HTTP/1."u8) || !Utf8Parser.TryParse(statusLine.Slice(9, 3), out int status, out var used) || used != 3)
            throw new InvalidDataException($"Not an HTTP/1.x status line: '{Encoding.ASCII.GetString(statusLine[..Math.Min(statusLine.Length, 40)])}'.");
        var close = statusLine[7] == (byte)'0'; // HTTP/1.0 closes unless it says keep-alive
        long length = -1;
        var chunked = false;
        var rest = lineEnd < 0 ? [] : head[(lineEnd + 2)..];
        while (rest.Length > 0)
        {
            var end = rest.IndexOf("\r\n"u8);
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0) continue;
            var name = line[..colon];
            var value = line[(colon + 1)..].Trim(" \t"u8);
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                if (!Utf8Parser.TryParse(value, out length, out var n) || n != value.Length || length < 0)
                    throw new InvalidDataException("The answer's Content-Length is not a number.");
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
                chunked = Ascii.EqualsIgnoreCase(value, "chunked"u8) || value.EndsWith("chunked"u8);
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
                close = Ascii.EqualsIgnoreCase(value, "close"u8) || (close && !Ascii.EqualsIgnoreCase(value, "keep-alive"u8));
        }
        return (status, length, chunked, close);
    }
}
