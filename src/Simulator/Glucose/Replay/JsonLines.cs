namespace Simulator.Glucose.Replay;

/// <summary>
/// Byte offset → 1-based line number for a UTF-8 buffer. Utf8JsonReader gives token offsets but not lines, and the
/// importer's messages must name the line of the offending entry.
/// </summary>
internal sealed class JsonLines
{
    private readonly List<long> _lineStarts = [0];

    public JsonLines(ReadOnlySpan<byte> utf8)
    {
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
                _lineStarts.Add(i + 1);
        }
    }

    public int LineOf(long offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }
}
